"""Every French and Arabic string is translated, keeps its placeholders, and is compiled."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "majlis" / "locale"
TRANSLATED = ["fr", "ar"]
# %(name)s, %s, %d…, and {name} for str.format; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%\([^)]+\)[#0\- +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdifr]|\{[\w.]*\}")

sys.path.insert(0, str(ROOT / "scripts"))
from compile_messages import compiled  # noqa: E402


def _catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def _spells_the_number(lang: str, entry: polib.POEntry, form: int, dropped: set[str]) -> bool:
    """Arabic forms 0, 1 and 2 are for exactly none, one and two: "إشارتان" needs no number.

    Only a named placeholder may be dropped: "%d" missing would make "text" % n raise.
    """
    named = all(p.startswith("%(") for p in dropped)
    return lang == "ar" and bool(entry.msgid_plural) and form in (0, 1, 2) and named


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_is_translated_and_reviewed(lang):
    catalog = _catalog(lang)
    assert len(catalog) > 0
    missing = [e.msgid for e in catalog if not e.obsolete and not all(_translations(e))]
    fuzzy = [e.msgid for e in catalog if "fuzzy" in e.flags]
    assert not missing, f"untranslated in {lang}: {missing}"
    assert not fuzzy, f"fuzzy in {lang}: {fuzzy}"
    assert not catalog.metadata_is_fuzzy


def test_arabic_fills_all_six_plural_forms():
    catalog = _catalog("ar")
    assert "nplurals=6;" in catalog.metadata["Plural-Forms"]
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(6)), entry.msgid


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang):
    wrong = []
    for entry in _catalog(lang):
        expected = _placeholders(entry.msgid) | _placeholders(entry.msgid_plural)
        for form, text in enumerate(_translations(entry)):
            found = _placeholders(text)
            if found != expected and not _spells_the_number(lang, entry, form, expected - found):
                wrong.append((entry.msgid, text))
    assert not wrong, f"placeholders differ in {lang}: {wrong}"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_compiled_catalog_matches_its_source(lang):
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run scripts/compile_messages.py"
    assert mo_path.read_bytes() == compiled(po_path), "stale .mo: run scripts/compile_messages.py"
