"""A document as the checks of candidate queries see it: its terms, and its words on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from majlis.text import tokens
from majlis.text.matcher.document import Document
from majlis.text.matcher.phrases import PhrasePattern
from majlis.text.normalize import normalize

# Stands between the title's words and the text's, so a phrase cannot run from one into the
# other; no word is ever equal to it.
BOUNDARY = "\x00"

Span = tuple[int, int]


class PreparedDocument:
    """A document's terms (see ``majlis.text.matcher.terms``) and, when a check asks for
    positions, its words in order.

    Most candidates are decided by terms alone, so the words are only cut out when a phrase,
    NEAR or prefix check first needs them.
    """

    __slots__ = ("_boundary", "_document", "_normalized", "_terms", "_words", "_words_held")

    def __init__(self, document: Document, terms: set[str] | Callable[[], set[str]]) -> None:
        """``terms``, or a function that gives them when a check first asks."""
        self._document = document
        self._normalized: tuple[str, str] | None = None
        self._words: list[str] | None = None
        self._words_held: set[str] | None = None
        self._boundary = -1
        self._terms = terms

    @property
    def terms(self) -> set[str]:
        if not isinstance(self._terms, set):
            self._terms = self._terms()
        return self._terms

    @property
    def normalized(self) -> tuple[str, str]:
        """The title and the text, normalized."""
        if self._normalized is None:
            title = normalize(self._document.title) if self._document.title else ""
            self._normalized = (title, normalize(self._document.text))
        return self._normalized

    @property
    def words(self) -> list[str]:
        """The title's words, BOUNDARY, then the text's words (the text's alone if no title)."""
        if self._words is None:
            title, text = self.normalized
            words = tokens.words(text)
            if self._document.title:
                title_words = tokens.words(title)
                self._boundary = len(title_words)
                words = [*title_words, BOUNDARY, *words]
            self._words = words
        return self._words

    def positions(self, forms: frozenset[str]) -> list[int]:
        """Where the words that are one of ``forms`` stand, in order."""
        words = self.words
        if self._words_held is None:
            self._words_held = set(words)
        found: list[int] = []
        for form in forms & self._words_held:
            index = -1
            try:
                while True:
                    index = words.index(form, index + 1)
                    found.append(index)
            except ValueError:
                pass
        if len(forms) > 1:
            found.sort()
        return found

    def has_phrase(self, phrase: PhrasePattern) -> bool:
        """Whether ``phrase`` is found in the title or in the text (never across them)."""
        title, text = self.normalized
        return phrase.found_in(text) or phrase.found_in(title)

    def phrase_starts(self, phrase: tuple[frozenset[str], ...], anchor: int = 0) -> list[int]:
        """Where the phrase whose n-th word is one of ``phrase[n]`` starts.

        The search starts from the words of ``phrase[anchor]``, best the rarest.
        """
        words = self.words
        last = len(words) - len(phrase)
        starts = []
        for position in self.positions(phrase[anchor]):
            start = position - anchor
            if 0 <= start <= last and all(
                words[start + offset] in forms for offset, forms in enumerate(phrase)
            ):
                starts.append(start)
        return starts

    def prefix_positions(self, stem: str) -> list[int]:
        return [index for index, word in enumerate(self.words) if _starts_with(word, stem)]

    def same_part(self, first: int, second: int) -> bool:
        """Whether two positions of ``words`` are both in the title or both in the text.

        Positions come from ``words``, which sets where the title ends.
        """
        return (first < self._boundary) == (second < self._boundary)


def _starts_with(word: str, stem: str) -> bool:
    return word.startswith(stem) or any(s.startswith(stem) for s in tokens.proclitic_stems(word))


def spans(starts: Iterable[int], length: int) -> list[Span]:
    return [(start, start + length - 1) for start in starts]
