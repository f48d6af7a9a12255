"""A document cut up once, so that thousands of queries can be checked against it cheaply."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from majlis.text import tokens
from majlis.text.matcher.document import Document
from majlis.text.normalize import normalize
from majlis.text.query.fields import host_of_url, normalize_author, normalize_language

# Stands between the title's words and the text's, so a phrase cannot run from one into the
# other; no word is ever equal to it.
BOUNDARY = "\x00"


Span = tuple[int, int]


class PreparedDocument:
    """A document's words with their positions, and the set of everything a query can look up.

    ``terms`` holds the words of the title and the text, ``#hashtags`` and ``@mentions``, and
    for each field named in ``fields`` the ``field:value`` terms that a query on that field
    looks up (see ``field_term``).
    """

    __slots__ = ("_pairs", "_sorted_terms", "boundary", "terms", "words")

    def __init__(self, document: Document, fields: frozenset[str] = frozenset()) -> None:
        self._sorted_terms: list[str] | None = None
        self._pairs: set[tuple[str, str]] | None = None
        text = normalize(document.text)
        words = tokens.words(text)
        terms = set(words)
        _add_hashtags_and_mentions(terms, text)
        self.boundary = -1
        if document.title:
            title = normalize(document.title)
            title_words = tokens.words(title)
            terms.update(title_words)
            _add_hashtags_and_mentions(terms, title)
            self.boundary = len(title_words)
            words = [*title_words, BOUNDARY, *words]
        if fields:
            terms.update(_field_terms(document, fields))
        self.words = words
        self.terms = terms

    def has_prefix(self, stem: str) -> bool:
        """Whether a word, or an Arabic word once its proclitics are off, starts with ``stem``."""
        if self._sorted_terms is None:
            self._sorted_terms = sorted(self.terms)
        if self._starting_with(stem, self._sorted_terms):
            return True
        if not tokens.takes_proclitics(stem):
            return False
        return any(
            _starts_with(word, stem)
            for spelling in tokens.proclitic_spellings(stem)
            for word in self._starting_with(spelling, self._sorted_terms)
        )

    @staticmethod
    def _starting_with(start: str, sorted_terms: list[str]) -> list[str]:
        first = bisect_left(sorted_terms, start)
        last = first
        while last < len(sorted_terms) and sorted_terms[last].startswith(start):
            last += 1
        return sorted_terms[first:last]

    def positions(self, forms: frozenset[str]) -> list[int]:
        """Where the words that are one of ``forms`` stand, in order."""
        found: list[int] = []
        words = self.words
        for form in forms & self.terms:
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

    def has_phrase(self, phrase: tuple[frozenset[str], ...], anchor: int = 0) -> bool:
        """Whether the phrase whose n-th word is one of ``phrase[n]`` is there."""
        if not self._has_pairs(phrase):
            return False
        return len(phrase) == 2 or bool(self.phrase_starts(phrase, anchor))

    def _has_pairs(self, phrase: tuple[frozenset[str], ...]) -> bool:
        """Whether each word of the phrase stands somewhere before the next: most phrases that
        are not there fail here, at the price of one set lookup per pair of words."""
        terms = self.terms
        present = [forms & terms if len(forms) > 1 else forms for forms in phrase]
        if not all(present) or not all(next(iter(forms)) in terms for forms in present):
            return False
        if self._pairs is None:
            self._pairs = set(zip(self.words, self.words[1:], strict=False))
        pairs = self._pairs
        return all(
            any((first, second) in pairs for first in before for second in after)
            for before, after in pairwise(present)
        )

    def phrase_starts(self, phrase: tuple[frozenset[str], ...], anchor: int = 0) -> list[int]:
        """Where the phrase whose n-th word is one of ``phrase[n]`` starts.

        The search starts from the words of ``phrase[anchor]``, best the rarest.
        """
        if not self._has_pairs(phrase):
            return []
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
        if not self.has_prefix(stem):
            return []
        return [index for index, word in enumerate(self.words) if _starts_with(word, stem)]

    def same_part(self, first: int, second: int) -> bool:
        """Whether two positions are both in the title or both in the text."""
        return (first < self.boundary) == (second < self.boundary)


def field_term(name: str, value: str) -> str:
    """How a field value is looked up among a document's terms; words never hold ":"."""
    return f"{name}:{value}"


def _field_terms(document: Document, fields: frozenset[str]) -> list[str]:
    found: list[str] = []
    if "lang" in fields and document.lang:
        found += _language_terms(document.lang)
    if "site" in fields and document.url:
        found += _site_terms(host_of_url(document.url))
    if "author" in fields and document.author:
        found += _author_terms(document.author)
    return found


# Languages, sites and authors repeat from one mention to the next.
@lru_cache(maxsize=1024)
def _language_terms(language: str) -> tuple[str, ...]:
    """ary-Latn answers lang:ary-latn and lang:ary."""
    parts = normalize_language(language).split("-")
    return tuple(field_term("lang", "-".join(parts[:end])) for end in range(1, len(parts) + 1))


@lru_cache(maxsize=65536)
def _site_terms(host: str) -> tuple[str, ...]:
    """news.example.com answers site:news.example.com, site:example.com and site:com."""
    parts = host.split(".") if host else []
    return tuple(field_term("site", ".".join(parts[start:])) for start in range(len(parts)))


@lru_cache(maxsize=65536)
def _author_terms(author: str) -> tuple[str, ...]:
    name = normalize_author(author)
    return (field_term("author", name),) if name else ()


def _add_hashtags_and_mentions(terms: set[str], text: str) -> None:
    if "#" in text:
        terms.update(["#" + tag for tag in tokens.hashtags(text)])
    if "@" in text:
        terms.update(["@" + handle for handle in tokens.mentions(text)])


def _starts_with(word: str, stem: str) -> bool:
    return word.startswith(stem) or any(s.startswith(stem) for s in tokens.proclitic_stems(word))


def spans(starts: Iterable[int], length: int) -> list[Span]:
    return [(start, start + length - 1) for start in starts]
