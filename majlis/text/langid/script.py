"""Which writing system a text is in, once links, mentions and emoji are set aside."""

from __future__ import annotations

import unicodedata
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

    @property
    def letters(self) -> int:
        return self.latin + self.arabic + self.other


def clean(text: str) -> str:
    """The running text: no links, mentions, hashtags, HTML or entities."""
    return str(_NOISE.sub(" ", unicodedata.normalize("NFKC", text)))


def script_of(text: str) -> Script:
    words = _WORD.findall(clean(text).casefold())
    joined = "".join(words)
    latin = len(_LATIN.findall(joined))
    arabic = len(_ARABIC.findall(joined))
    other = sum(1 for c in joined if c.isalpha()) - latin - arabic
    return Script(words=words, latin=latin, arabic=arabic, other=other)
