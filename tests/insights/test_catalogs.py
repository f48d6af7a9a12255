"""The insights pages speak French and Arabic: their catalog is complete, keeps its
placeholders, and is compiled."""

from __future__ import annotations

from pathlib import Path

import polib  # type: ignore[import-untyped]
import pytest

from tests.core.test_catalogs import _placeholders, _spells_the_number, _translations

LOCALE_DIR = Path(__file__).resolve().parents[2] / "majlis" / "insights" / "locale"


def _catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_insights_string_is_translated_with_its_placeholders(lang):
    catalog = _catalog(lang)
    assert len(catalog) > 150
    assert [e.msgid for e in catalog if not all(_translations(e)) or "fuzzy" in e.flags] == []
    wrong = []
    for entry in catalog:
        expected = _placeholders(entry.msgid) | _placeholders(entry.msgid_plural)
        for form, text in enumerate(_translations(entry)):
            found = _placeholders(text)
            if found != expected and not _spells_the_number(lang, entry, form, expected - found):
                wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_insights_catalog_is_compiled(lang):
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
    # What scripts/compile_messages.py writes: polib keeps translated entries only, as msgfmt.
    assert po_path.with_suffix(".mo").read_bytes() == polib.pofile(str(po_path)).to_binary()


def test_the_dashboard_speaks_french_and_arabic(login, team):
    client = login("analyst")
    assert "E-réputation et part de voix" in client.get("/fr/w/atlas/insights/").content.decode()
    assert "السمعة الرقمية وحصة الحضور" in client.get("/ar/w/atlas/insights/").content.decode()
