"""The matcher for many queries at once: presearch by terms, then exact checks on candidates."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

from majlis.text.matcher.checks import compile_check
from majlis.text.matcher.document import Document
from majlis.text.matcher.evaluate import Predicate
from majlis.text.matcher.field_pieces import FieldPieces
from majlis.text.matcher.lexicon import Entry, Lexicon
from majlis.text.matcher.pieces import Pieces
from majlis.text.matcher.prepared import PreparedDocument
from majlis.text.matcher.presearch import (
    decided_by_requirement,
    fields_used,
    requirement,
    term_usage,
)
from majlis.text.matcher.terms import Vocabulary
from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query.ast import Node, Or

# A query branch to check: its id, terms the document must hold and must not hold, and a
# predicate for the rest (None when the terms decide).
_Check = tuple[str, frozenset[str], frozenset[str], Predicate | None]

_terms_of = itemgetter(0)


@dataclass(slots=True)
class _Index:
    usage: Counter[str]
    by_term: defaultdict[str, Entry] = field(default_factory=lambda: defaultdict(Entry))
    by_prefix: defaultdict[str, Entry] = field(default_factory=lambda: defaultdict(Entry))
    # Each query branch to check, as (query id, *check); entries name them by position.
    checks: list[_Check] = field(default_factory=list)
    always: list[int] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    size: int = 0

    def add(self, query_id: str, node: Node) -> None:
        self.size += 1
        self.fields |= fields_used(node)
        self.vocabulary.add(node)
        # A query matches when any branch of its top OR does, so each branch is indexed on its
        # own, as Lucene Monitor's query decomposer does: a branch that is a plain word needs
        # no checking, and the others get their own must-hold terms.
        for branch in node.children if isinstance(node, Or) else (node,):
            self._add_branch(query_id, branch)

    def _add_branch(self, query_id: str, node: Node) -> None:
        needed = requirement(node, self.usage)
        if needed is None:
            self.always.append(self._check(query_id, node))
            return
        entries = [self.by_term[term] for term in needed.terms]
        entries += [self.by_prefix[prefix] for prefix in needed.prefixes]
        if decided_by_requirement(node):
            for entry in entries:
                entry.decided.append(query_id)
            return
        check = self._check(query_id, node)
        for entry in entries:
            entry.to_check.append(check)

    def _check(self, query_id: str, node: Node) -> int:
        self.checks.append((query_id, *compile_check(node)))
        return len(self.checks) - 1


class CompiledMatcher:
    """Matches documents against every query at once.

    Build it once per set of queries (``CompiledMatcher.build``) and call ``match`` per document.
    """

    def __init__(self, index: _Index) -> None:
        lexicon = Lexicon(dict(index.by_term), dict(index.by_prefix), index.vocabulary)
        self._pieces = Pieces(lexicon)
        self._field_pieces = FieldPieces(frozenset(index.fields), lexicon)
        # Apart, so that the must-hold test that turns most candidates down reads nothing else.
        self._musts = [must for _, must, _, _ in index.checks]
        self._rests = [(query_id, must_not, check) for query_id, _, must_not, check in index.checks]
        self._always = frozenset(index.always)
        self._size = index.size

    @classmethod
    def build(cls, queries: Iterable[tuple[str, str]]) -> CompiledMatcher:
        """Compile ``(query id, query text)`` pairs.

        Raises QuerySyntaxError, carrying the query id, on the first malformed query.
        """
        parsed = [(query_id, _parsed(query_id, text)) for query_id, text in queries]
        index = _Index(term_usage(node for _, node in parsed))
        for query_id, node in parsed:
            index.add(query_id, node)
        return cls(index)

    def __len__(self) -> int:
        return self._size

    def match(self, document: Document) -> list[str]:
        """The sorted ids of the queries that ``document`` matches."""
        # The text is split at whitespace and each piece looked up in C; most pieces hold
        # nothing. Plain loops over the few that lead somewhere, and over the candidates, beat
        # chains of C calls: each C call has a set-up cost, and there are only a few items.
        lookup = self._pieces.__getitem__
        pieces = list(filter(None, map(lookup, document.text.split())))
        if document.title:
            pieces += filter(None, map(lookup, document.title.split()))
        pieces += self._field_pieces.of(document)
        matched: set[str] = set()
        candidates: set[int] = set(self._always)
        for _, hits in pieces:
            if hits is not None:
                matched.update(hits[0])
                candidates.update(hits[1])
        if candidates:
            terms = set(chain.from_iterable(map(_terms_of, pieces)))
            self._check(document, terms, candidates, matched)
        return sorted(matched)

    def _check(
        self, document: Document, terms: set[str], candidates: set[int], matched: set[str]
    ) -> None:
        musts, rests = self._musts, self._rests
        prepared = None
        for index in candidates:
            if not musts[index] <= terms:
                continue  # most candidates: a set operation in C says no
            query_id, must_not, predicate = rests[index]
            if query_id in matched or not must_not.isdisjoint(terms):
                continue
            if predicate is not None:
                prepared = prepared or PreparedDocument(document, terms)
                if not predicate(prepared):
                    continue
            matched.add(query_id)


def _parsed(query_id: str, text: str) -> Node:
    try:
        return parse_query(text)
    except QuerySyntaxError as error:
        raise error.for_query(query_id) from None
