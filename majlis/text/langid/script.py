"""Which writing system a text is in, once links, mentions and emoji are set aside."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

_NOISE = regex.compile(r"(?:https?://|www\.)\S+|\bhttps?\b|[@#]\w+|&\w+;|<[^>]{1,200}>")
# A word: letters, with Arabizi's digit-letters inside it ("3afak", "ba9i", "l7aja").
_WORD = regex.compile(
    r"[\p{L}\p{M}]+(?:[\p{N}][\p{L}\p{M}]*)*|\p{N}+[\p{L}\p{M}]+[\p{L}\p{M}\p{N}]*"
)
_LATIN = regex.compile(r"\p{Latin}")
_ARABIC = regex.compile(r"[\p{Arabic}&&\p{L}]", regex.V1)


@dataclass(frozen=True)
class Script:
    words: list[str]  # casefolded words, in Latin or Arabic letters or both
    latin: int  # letters in each script
    arabic: int
    other: int
    cleaned: str  # the text `clean` gave, kept for lingua

    @property
    def letters(self) -> int:
        return self.latin + self.arabic + self.other


def clean(text: str) -> str:
    """The running text: no links, mentions, hashtags, HTML or entities."""
    return str(_NOISE.sub(" ", unicodedata.normalize("NFKC", text)))


def script_of(text: str) -> Script:
    cleaned = clean(text)
    words = _WORD.findall(cleaned.casefold())
    latin = arabic = letters = 0
    known = _known_kinds
    for char, count in Counter("".join(words)).items():
        is_latin, is_arabic, is_letter = known.get(char) or _kind(char)
        latin += count * is_latin
        arabic += count * is_arabic
        letters += count * is_letter
    return Script(words, latin, arabic, letters - latin - arabic, cleaned)


_known_kinds: dict[str, tuple[bool, bool, bool]] = {}


def _kind(char: str) -> tuple[bool, bool, bool]:
    """Whether a character is Latin, Arabic, a letter; remembered, as texts share most of theirs."""
    kind = _known_kinds[char] = (
        bool(_LATIN.match(char)),
        bool(_ARABIC.match(char)),
        char.isalpha(),
    )
    return kind
