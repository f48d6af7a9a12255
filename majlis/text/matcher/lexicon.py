"""What a document word holds and leads to, worked out once per distinct word.

A word (or ``#hashtag``, ``@mention``) holds the queries' terms that it is, that it is once its
Arabic proclitics are taken off (وبالخطوط → بالخطوط, الخطوط, خطوط), and the ``stem*`` terms of
the query prefixes that it or one of those stems starts with (see majlis.text.matcher.terms).
It leads to the queries indexed under any of those words and prefixes. Working that out takes
a few dictionary lookups; the pieces of text that documents repeat are then looked up whole
(see majlis.text.matcher.pieces).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from majlis.text.matcher.terms import Vocabulary, prefix_term
from majlis.text.tokens import proclitic_stems


@dataclass(slots=True)
class Entry:
    """The queries behind one term or prefix: those it alone decides, and those to check.

    A query to check is named by its number in the matcher's list of checks: small integers
    hash for free when each document gathers its candidates into a set.
    """

    decided: list[str] = field(default_factory=list)
    to_check: list[int] = field(default_factory=list)

    def hits(self) -> Hits:
        return _distinct([self.decided]), _distinct([self.to_check])


# What something leads to: the ids it decides and the checks it raises.
Hits = tuple[tuple[str, ...], tuple[int, ...]]

# The queries' terms something holds, interned (sets then compare them by identity, without
# reading them), and what it leads to, or None for nothing. Something that neither holds a term
# nor leads anywhere, most words of most texts, is None itself.
#
# Tuples, not sets: the garbage collector stops following a tuple of strings and numbers, and a
# worker holds hundreds of thousands of these, which every full collection would walk again.
Held = tuple[tuple[str, ...], Hits | None]


class Lexicon(dict[str, Held | None]):
    """Maps a document word, ``#hashtag`` or ``@mention`` to what it holds; index it with any."""

    # Bounds memory on a long-running worker; forgetting only costs recomputation.
    LIMIT = 300_000

    def __init__(
        self, by_term: dict[str, Entry], by_prefix: dict[str, Entry], vocabulary: Vocabulary
    ) -> None:
        super().__init__()
        self._by_term = {term: entry.hits() for term, entry in by_term.items()}
        self._terms = frozenset(vocabulary.terms)
        # A query prefix, with the term that says a word starts with it and what it leads to.
        self._prefixes: dict[str, tuple[str, Hits | None]] = {
            prefix: (sys.intern(prefix_term(prefix)), by_prefix[prefix].hits())
            if prefix in by_prefix
            else (sys.intern(prefix_term(prefix)), None)
            for prefix in {*vocabulary.prefixes, *by_prefix}
        }
        self._prefix_lengths = sorted({len(prefix) for prefix in self._prefixes})
        # Most words start like no query prefix: their first letters say so in one lookup.
        self._shortest = min(self._prefix_lengths, default=0)
        self._prefix_starts = {prefix[: self._shortest] for prefix in self._prefixes}

    def __missing__(self, term: str) -> Held | None:
        if len(self) >= self.LIMIT:
            self.clear()
        forms = (term, *proclitic_stems(term))
        held = {sys.intern(form) for form in forms if form in self._terms}
        found_hits = [self._by_term[form] for form in forms if form in self._by_term]
        for form in forms:
            if form[: self._shortest] not in self._prefix_starts:
                continue
            for length in self._prefix_lengths:
                if length > len(form):
                    break
                found = self._prefixes.get(form[:length])
                if found is not None:
                    prefix, prefix_hits = found
                    held.add(prefix)
                    if prefix_hits is not None:
                        found_hits.append(prefix_hits)
        hits = _merged(found_hits)
        result = (tuple(sorted(held)), hits) if held or hits else None
        self[term] = result
        return result

    def held(self, terms: Iterable[str]) -> Held | None:
        """What ``terms`` hold together; one term's answer is shared, not copied."""
        found = [held for held in map(self.__getitem__, terms) if held is not None]
        if len(found) <= 1:
            return found[0] if found else None
        hits = _merged([hits for _, hits in found if hits is not None])
        return _distinct(terms for terms, _ in found), hits

    def field_hits(self, terms: Iterable[str]) -> Hits | None:
        """What field terms (lang:fr) lead to: only their own entries, no prefix applies."""
        return _merged([self._by_term[term] for term in terms if term in self._by_term])


def _merged(found: list[Hits]) -> Hits | None:
    if len(found) <= 1:
        return found[0] if found else None
    return _distinct(decided for decided, _ in found), _distinct(checks for _, checks in found)


_Item = TypeVar("_Item", str, int)


def _distinct(groups: Iterable[Iterable[_Item]]) -> tuple[_Item, ...]:
    """Each item once, sorted, so that equal answers are equal tuples."""
    return tuple(sorted({item for group in groups for item in group}))
