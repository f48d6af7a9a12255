"""A text cut at its whitespace, each piece worked out once for every document that holds it.

Normalization and word splitting never reach across whitespace: NFKC composes nothing with a
space, case folding and the other foldings go character by character, and no word, hashtag or
mention holds a space. So a text holds what its whitespace-separated pieces hold. Documents
repeat the same pieces ("le", "Maroc,", "#promo", "وبالخطوط") over and over; after its first
sighting a piece costs one dictionary lookup in C instead of normalizing, splitting, stemming
and looking up its words again.
"""

from __future__ import annotations

from majlis.text import tokens
from majlis.text.matcher.lexicon import Held, Lexicon
from majlis.text.normalize import normalize

# What a piece holds and leads to (see majlis.text.matcher.lexicon); a piece that holds nothing
# is None, so that documents skip it without touching anything else in memory: the lookups,
# not the work, are what a document costs.
Piece = Held


class Pieces(dict[str, Piece | None]):
    """Maps a whitespace-separated piece of raw text to what it holds; index it with any piece."""

    # Bounds memory on a long-running worker; forgetting only costs recomputation.
    LIMIT = 300_000

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lexicon = lexicon
        self._shared: dict[Piece, Piece] = {}

    def __missing__(self, raw: str) -> Piece | None:
        if len(self) >= self.LIMIT:
            self.clear()
            self._shared.clear()
        piece = self._lexicon.held(_words_and_marks(raw))
        if piece is not None:
            # "Maroc", "maroc," and "#maroc" hold the same: one shared object for all of them
            # keeps the memory a document walks through small.
            piece = self._shared.setdefault(piece, piece)
        self[raw] = piece
        return piece


def _words_and_marks(raw: str) -> list[str]:
    """The words, ``#hashtags`` and ``@mentions`` of a piece of raw text."""
    if raw.isascii() and raw.isalnum():
        return [raw.lower()]  # a plain ASCII word, as normalize and words would give it
    text = normalize(raw)
    return [*tokens.words(text), *_hashtags_and_mentions(text)]


def _hashtags_and_mentions(text: str) -> list[str]:
    marks: list[str] = []
    if "#" in text:
        marks += ["#" + tag for tag in tokens.hashtags(text)]
    if "@" in text:
        marks += ["@" + handle for handle in tokens.mentions(text)]
    return marks
