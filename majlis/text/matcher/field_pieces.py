"""What a document's language, site and author add to its terms, worked out once per value.

They are pieces of their own: ``lang:ary-latn`` and ``lang:ary`` for ary-Latn,
``site:news.example.com``, ``site:example.com`` and ``site:com`` for a URL on
news.example.com, ``author:salma b.``. Languages, sites and authors repeat from one mention to
the next, so each value is looked up in the lexicon once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from majlis.text.matcher.document import Document
from majlis.text.matcher.lexicon import Held, Lexicon
from majlis.text.matcher.pieces import NOTHING, Pieces
from majlis.text.matcher.terms import field_term
from majlis.text.query.fields import host_of_url, normalize_author, normalize_language

Keys = npt.NDArray[np.int64]


class FieldPieces:
    """The field pieces of a document, for the fields the matcher's queries use."""

    def __init__(self, fields: frozenset[str], lexicon: Lexicon, pieces: Pieces) -> None:
        self._pieces = pieces
        self._generation = pieces.generation
        self._with_language = "lang" in fields
        self._with_site = "site" in fields
        self._with_author = "author" in fields
        self._languages = _ByValue(language_terms, lexicon, pieces)
        self._authors = _ByValue(author_terms, lexicon, pieces)
        self._sites = _ByValue(site_terms, lexicon, pieces)
        # Most URLs are scheme://authority/...: the host follows from the authority alone.
        self._authorities = _ByValue(_authority_terms, lexicon, pieces)

    def of(self, document: Document) -> list[int]:
        """The numbers (see majlis.text.matcher.pieces) of the document's field pieces."""
        self._forget_if_pieces_did()
        found = []
        if self._with_language and document.lang:
            found.append(self._languages[document.lang])
        if self._with_site and document.url:
            found.append(self._site(document.url))
        if self._with_author and document.author:
            found.append(self._authors[document.author])
        return found

    def of_many(self, documents: Sequence[Document]) -> tuple[Keys, Keys]:
        """Each (document, number) of the documents' field pieces; NOTHING where one has none."""
        self._forget_if_pieces_did()
        numbers: list[int] = []
        fields = 0
        if self._with_language:
            languages, fields = self._languages, fields + 1
            numbers += [languages[d.lang] if d.lang else NOTHING for d in documents]
        if self._with_site:
            site, fields = self._site, fields + 1
            numbers += [site(d.url) if d.url else NOTHING for d in documents]
        if self._with_author:
            authors, fields = self._authors, fields + 1
            numbers += [authors[d.author] if d.author else NOTHING for d in documents]
        documents_of = np.tile(np.arange(len(documents), dtype=np.int64), fields)
        return documents_of, np.array(numbers, dtype=np.int64)

    def _forget_if_pieces_did(self) -> None:
        if self._generation != self._pieces.generation:
            self._generation = self._pieces.generation
            for by_value in (self._languages, self._authors, self._sites, self._authorities):
                by_value.clear()

    def _site(self, url: str) -> int:
        scheme, separator, rest = url.partition("://")
        if separator and scheme.isascii() and scheme.isalpha():
            return self._authorities[rest.partition("/")[0]]
        return self._sites[host_of_url(url)]


class _ByValue(dict[str, int]):
    # Sites and authors are many but far fewer than mentions; the bound is for the odd feed
    # that gives every mention its own.
    LIMIT = 65_536

    def __init__(
        self, terms_of: Callable[[str], tuple[str, ...]], lexicon: Lexicon, pieces: Pieces
    ) -> None:
        super().__init__()
        self._terms_of = terms_of
        self._lexicon = lexicon
        self._pieces = pieces

    def __missing__(self, value: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        terms = self._terms_of(value)
        held: Held = (tuple(map(sys.intern, terms)), self._lexicon.field_hits(terms))
        number = self[value] = self._pieces.number(held) if terms else NOTHING
        return number


def language_terms(language: str) -> tuple[str, ...]:
    """ary-Latn answers lang:ary-latn and lang:ary."""
    parts = normalize_language(language).split("-")
    return tuple(field_term("lang", "-".join(parts[:end])) for end in range(1, len(parts) + 1))


def site_terms(host: str) -> tuple[str, ...]:
    """news.example.com answers site:news.example.com, site:example.com and site:com."""
    parts = host.split(".") if host else []
    return tuple(field_term("site", ".".join(parts[start:])) for start in range(len(parts)))


def _authority_terms(authority: str) -> tuple[str, ...]:
    """The site terms of any scheme://authority/... URL (its host depends on nothing else)."""
    return site_terms(host_of_url("//" + authority))


def author_terms(author: str) -> tuple[str, ...]:
    name = normalize_author(author)
    return (field_term("author", name),) if name else ()
