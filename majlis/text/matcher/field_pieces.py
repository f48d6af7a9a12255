"""What a document's language, site and author add to its terms, worked out once per value.

They are pieces of their own: ``lang:ary-latn`` and ``lang:ary`` for ary-Latn,
``site:news.example.com``, ``site:example.com`` and ``site:com`` for a URL on
news.example.com, ``author:salma b.``. Languages, sites and authors repeat from one mention to
the next, so each value is looked up in the lexicon once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from majlis.text.matcher.document import Document
from majlis.text.matcher.lexicon import Held, Lexicon
from majlis.text.matcher.pieces import NOTHING, Pieces
from majlis.text.matcher.terms import field_term
from majlis.text.query.fields import (
    host_of_url,
    normalize_author,
    normalize_host,
    normalize_language,
    plain_url_host,
)


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
        # Most URLs are scheme://host/...: their host as written is looked up as it is.
        self._written_sites = _ByValue(_written_site_terms, lexicon, pieces)

    def of(self, document: Document) -> list[int]:
        """The numbers (see majlis.text.matcher.pieces) of the document's field pieces."""
        if self._generation != self._pieces.generation:
            self._generation = self._pieces.generation
            for by_value in (self._languages, self._authors, self._sites, self._written_sites):
                by_value.clear()
        found = []
        if self._with_language and document.lang:
            found.append(self._languages[document.lang])
        if self._with_site and document.url:
            found.append(self._site(document.url))
        if self._with_author and document.author:
            found.append(self._authors[document.author])
        return found

    def _site(self, url: str) -> int:
        written = plain_url_host(url)
        if written is None:
            return self._sites[host_of_url(url)]
        return self._written_sites[written]


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


def _written_site_terms(host: str) -> tuple[str, ...]:
    return site_terms(normalize_host(host))


def author_terms(author: str) -> tuple[str, ...]:
    name = normalize_author(author)
    return (field_term("author", name),) if name else ()
