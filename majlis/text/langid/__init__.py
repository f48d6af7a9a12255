"""Language of a text: fr, en, ar (Modern Standard Arabic), ary (Moroccan Darija in Arabic
letters), ary-Latn (Darija in Latin letters, Arabizi) or und."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from majlis.text.langid.darija import CueJudge, LinearJudge
from majlis.text.langid.detector import LANGUAGES, LanguageDetector
from majlis.text.langid.hints import normalize_hint, weigh_hint

__all__ = [
    "LANGUAGES",
    "LanguageDetector",
    "detect_language",
    "detect_languages",
    "detect_languages_hinted",
    "load_detector",
    "normalize_hint",
    "set_default_detector",
    "weigh_hint",
]

_lock = threading.Lock()
_default: LanguageDetector | None = None
_default_path: Path | None = None


def load_detector(darija_model: Path | None = None, accurate: bool = False) -> LanguageDetector:
    """The packaged detector, or one using a Darija model built by `train_langid`."""
    judge = LinearJudge.load(Path(darija_model)) if darija_model else CueJudge()
    return LanguageDetector(judge=judge, accurate=accurate)


def set_default_detector(darija_model: Path | None) -> None:
    """Make `detect_language` use an operator's Darija model (None: back to the packaged one)."""
    global _default, _default_path
    with _lock:
        _default, _default_path = None, darija_model


def detect_language(text: str) -> str:
    return _default_detector().detect(text)


def detect_languages(texts: Iterable[str]) -> list[str]:
    """`detect_language` for each text."""
    return _default_detector().detect_many(texts)


def detect_languages_hinted(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """`detect_languages` for (text, language the source declared) pairs, the declaration
    weighed as `weigh_hint` does."""
    rows = list(pairs)
    detected = _default_detector().detect_many(text for text, _ in rows)
    return [weigh_hint(lang, text, hint) for lang, (text, hint) in zip(detected, rows, strict=True)]


def _default_detector() -> LanguageDetector:
    global _default
    detector = _default
    if detector is None:
        with _lock:
            if _default is None:
                _default = load_detector(_default_path)
            detector = _default
    return detector
