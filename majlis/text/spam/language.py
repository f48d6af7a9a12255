"""Does a comment's language fit the site it was sent to?

The writing system is checked here, with no model: a Cyrillic or Chinese comment on a French
site is the classic sign of a spam run. The finer check (English text on a French-only site)
uses the project's language identifier when it is installed. In the Maghreb a French site gets
Arabic comments and an Arabic site gets French and Arabizi ones: neither counts as foreign.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import regex

_SCRIPTS: dict[str, regex.Pattern[str]] = {
    name: regex.compile(rf"\p{{Script={name}}}")
    for name in ("Latin", "Arabic", "Cyrillic", "Greek", "Han", "Hangul", "Hebrew",
                 "Devanagari", "Thai", "Hiragana", "Katakana", "Armenian", "Georgian")
}  # fmt: skip
_LETTER = regex.compile(r"\p{L}")
_LIST_SEPARATOR = regex.compile(r"[,;\s]+")
_SUBTAG_SEPARATOR = regex.compile(r"[-_]")

_SCRIPT_OF_LANGUAGE: dict[str, str] = {
    "ar": "Arabic", "ary": "Arabic", "fa": "Arabic", "ur": "Arabic", "ps": "Arabic",
    "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "sr": "Cyrillic", "mk": "Cyrillic",
    "kk": "Cyrillic", "be": "Cyrillic", "el": "Greek", "zh": "Han", "ja": "Han", "ko": "Hangul",
    "he": "Hebrew", "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari", "th": "Thai",
    "hy": "Armenian", "ka": "Georgian",
}  # fmt: skip
_MAGHREB = frozenset({"fr", "ar", "ary"})
_MIN_LETTERS = 15


def blog_languages(blog_lang: str) -> set[str]:
    """Akismet's `blog_lang` ("en, fr_ca", "ar-MA") as primary language subtags."""
    parts = _LIST_SEPARATOR.split(blog_lang.strip().lower())
    return {_SUBTAG_SEPARATOR.split(part)[0] for part in parts if part}


def dominant_script(text: str) -> str:
    """The script of most of the letters, "" when there are too few letters to say."""
    letters = len(_LETTER.findall(text))
    if letters < _MIN_LETTERS:
        return ""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    counts["Han"] += counts.pop("Hiragana") + counts.pop("Katakana")
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count >= 0.6 * letters else ""


def expected_scripts(languages: set[str]) -> set[str]:
    scripts = {_SCRIPT_OF_LANGUAGE.get(lang, "Latin") for lang in languages}
    if languages & _MAGHREB:
        scripts |= {"Latin", "Arabic"}
    return scripts


def is_foreign_script(text: str, blog_lang: str) -> bool:
    languages = blog_languages(blog_lang)
    script = dominant_script(text)
    return bool(languages and script) and script not in expected_scripts(languages)


def _load_detector() -> Callable[[str], str] | None:
    # The language identifier is another part of the text engine; spam checks work without it.
    try:
        module = importlib.import_module("majlis.text.langid")
    except ImportError:
        return None
    detector = getattr(module, "detect_language", None)
    return detector if callable(detector) else None


def is_other_language(text: str, blog_lang: str, detect: Callable[[str], str] | None) -> bool:
    """The identifier names a language that the site does not declare (and is not a neighbour).

    The identifier only tells French, English, Arabic and Darija apart, all neighbours of a
    Maghreb site's languages: for such a site it is not asked at all.
    """
    languages = blog_languages(blog_lang)
    if detect is None or not languages or languages & _MAGHREB:
        return False
    if len(_LETTER.findall(text)) < 2 * _MIN_LETTERS:
        return False
    found = _SUBTAG_SEPARATOR.split(str(detect(text)).lower())[0]
    return found not in ("", "und") and found not in languages


DETECT_LANGUAGE = _load_detector()
