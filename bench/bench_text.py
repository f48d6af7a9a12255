"""Texts per second on one core for language ID and sentiment, on the dev-set texts.

Baselines measured in the same run: lingua alone over all its languages (what one would use
without Majlis's restrictions) and a bare per-character loop (the floor of any pure-Python pass).
Run: .venv/bin/python bench/bench_text.py [DATA_DIR]   (default ../shared/data, as `make bench`)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lingua import LanguageDetectorBuilder

from majlis.text.langid import LanguageDetector, detect_language
from majlis.text.sentiment import classify_sentiment, load_default_model
from majlis.text.sentiment.data import load_splits

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MIN_SECONDS = 2.0


def rate(function: Callable[[str], object], texts: list[str]) -> float:
    """Texts per second over whole passes until MIN_SECONDS have gone by."""
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < MIN_SECONDS:
        for text in texts:
            function(text)
        done += len(texts)
    return done / (time.perf_counter() - started)


def per_char_loop(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    texts = [e.text for e in load_splits(data).dev][:3000]
    print(f"{len(texts)} dev-set texts (UMSAB val, MAC and MYC held-out), one core")

    detect_language(texts[0])  # build lingua's models outside the timing
    load_default_model()
    unrestricted = LanguageDetectorBuilder.from_all_languages().build()
    unrestricted.detect_language_of(texts[0])

    accurate = LanguageDetector(accurate=True)
    accurate.detect(texts[0])
    figures = {
        "detect_language": rate(detect_language, texts),
        "detect_language, lingua high accuracy": rate(accurate.detect, texts),
        "classify_sentiment (lang given)": rate(lambda t: classify_sentiment(t, "fr"), texts),
        "classify_sentiment (lang detected)": rate(classify_sentiment, texts),
        "baseline: lingua, all languages": rate(unrestricted.detect_language_of, texts),
        "baseline: per-character loop": rate(per_char_loop, texts),
    }
    lingua_all = figures["baseline: lingua, all languages"]
    for name, value in figures.items():
        print(f"{name:40} {value:10,.0f} texts/s   {value / lingua_all:6.2f}x lingua-all")


if __name__ == "__main__":
    main()
