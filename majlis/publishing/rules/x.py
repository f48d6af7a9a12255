"""X's weighted length (twitter-text v3 configuration).

X counts in hundredths: most scripts' letters (Latin, Arabic, Cyrillic…, code points up to
U+10FF) and a few punctuation ranges weigh 100, anything else 200 (CJK, emoji), every link
23 × 100 whatever its length, and every emoji sequence 200. The text is NFC-normalised first,
so `e` + combining acute counts once.
"""

from __future__ import annotations

import unicodedata

import regex

from majlis.publishing.rules.emoji import emoji_spans
from majlis.publishing.rules.urls import find_urls

MAX_WEIGHTED_LENGTH = 280
SCALE = 100
DEFAULT_WEIGHT = 200
URL_LENGTH = 23

# Outside twitter-text v3's `ranges` of weight 100; rare in French or Arabic, so cheap to find.
_HEAVY = regex.compile(r"[^\u0000-\u10FF\u2000-\u200D\u2010-\u201F\u2032-\u2037]")
_INVALID = regex.compile(r"[\uFFFE\uFEFF\uFFFF]")


def weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    # (start, end, weight); at the same start a link wins over an emoji, as in twitter-text.
    entities = sorted(
        [(start, end, URL_LENGTH * SCALE) for start, end in find_urls(text)]
        + [(start, end, DEFAULT_WEIGHT) for start, end in emoji_spans(text).items()],
        key=lambda entity: (entity[0], -entity[2]),
    )
    units = position = 0
    for start, end, weight in entities:
        if start < position:
            continue  # an emoji inside a link is part of the link
        units += _plain_units(text[position:start]) + weight
        position = end
    return (units + _plain_units(text[position:])) // SCALE


def invalid_characters(text: str) -> int:
    """How many characters X refuses outright (byte-order marks and non-characters)."""
    return len(_INVALID.findall(text))


def _plain_units(text: str) -> int:
    return SCALE * len(text) + (DEFAULT_WEIGHT - SCALE) * len(_HEAVY.findall(text))
