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

# A piece that holds nothing, most pieces of most texts.
NOTHING = 0


class Pieces(dict[str, int]):
    """Maps a whitespace-separated piece of raw text to a number: NOTHING, or where what it
    holds stands in ``terms``, ``decided`` and ``checks``.

    Pieces that hold the same ("Maroc", "maroc," and "#maroc") get the same number. One
    document gathers the numbers of its pieces in a set, so each is worked on once however
    often the text repeats it, and the tables give, in C, the union of what the pieces hold; a
    batch of documents gathers them as arrays (majlis.text.matcher.batch).
    """

    # Bounds memory on a long-running worker; forgetting only costs recomputation.
    LIMIT = 300_000

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self._lexicon = lexicon
        self._numbers: dict[Held, int] = {}
        # By number: the queries' terms a piece holds, the ids it decides, the checks it raises.
        self.terms: list[tuple[str, ...]] = [()]
        self.decided: list[tuple[str, ...]] = [()]
        self.checks: list[tuple[int, ...]] = [()]
        # Counts the times it forgot, so that what keeps numbers elsewhere knows to forget too.
        self.generation = 0

    def forget_if_full(self) -> None:
        """Start afresh past LIMIT pieces.

        Only between documents: a document's numbers must keep their meaning while it is
        matched.
        """
        if len(self) >= self.LIMIT:
            self.clear()
            self._numbers.clear()
            del self.terms[1:], self.decided[1:], self.checks[1:]
            self.generation += 1

    def __missing__(self, raw: str) -> int:
        held = self._lexicon.held(_words_and_marks(raw))
        number = NOTHING if held is None else self.number(held)
        self[raw] = number
        return number

    def number(self, held: Held) -> int:
        """The number of what ``held`` holds, given on first sight."""
        number = self._numbers.get(held)
        if number is None:
            number = self._numbers[held] = len(self.terms)
            terms, hits = held
            self.terms.append(terms)
            self.decided.append(hits[0] if hits else ())
            self.checks.append(hits[1] if hits else ())
        return number


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
