"""The matcher for many queries at once: presearch by terms, then exact checks on candidates."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from majlis.text.matcher.batch import BatchMatcher
from majlis.text.matcher.checks import Check, compile_check, holds_any_of
from majlis.text.matcher.document import Document
from majlis.text.matcher.field_pieces import FieldPieces
from majlis.text.matcher.lexicon import Entry, Lexicon
from majlis.text.matcher.pieces import NOTHING, Pieces
from majlis.text.matcher.prepared import PreparedDocument
from majlis.text.matcher.presearch import (
    decided_by_requirement,
    fields_used,
    requirement,
    term_usage,
)
from majlis.text.matcher.terms import Vocabulary, named_terms
from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query.ast import Node, Or

# A query branch to check: its id and what to check (see majlis.text.matcher.checks).
_Check = tuple[str, Check]


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
    query_ids: set[str] = field(default_factory=set)
    # Every term that a check may ask about.
    named: set[str] = field(default_factory=set)
    size: int = 0

    def add(self, query_id: str, node: Node) -> None:
        self.size += 1
        self.query_ids.add(query_id)
        self.named |= named_terms(node)
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

    def terms(self) -> list[str]:
        """Every term a check may ask about, in a fixed order."""
        return sorted(self.named)

    def _check(self, query_id: str, node: Node) -> int:
        self.checks.append((query_id, compile_check(node)))
        return len(self.checks) - 1


class CompiledMatcher:
    """Matches documents against every query at once.

    Build it once per set of queries (``CompiledMatcher.build``), then call ``match`` per
    document or ``match_many`` per batch.
    """

    # Below this many documents a batch's fixed cost (a dozen matrix operations) outweighs
    # what it saves.
    BATCH_FROM = 24

    def __init__(self, index: _Index) -> None:
        lexicon = Lexicon(dict(index.by_term), dict(index.by_prefix), index.vocabulary)
        self._pieces = Pieces(lexicon)
        self._field_pieces = FieldPieces(frozenset(index.fields), lexicon, self._pieces)
        # Apart, so that the must-hold test that turns most candidates down reads nothing else.
        self._musts = [check.musts for _, check in index.checks]
        self._rests = [
            (query_id, check.must_nots, check.any_of, check.predicate)
            for query_id, check in index.checks
        ]
        self._always = frozenset(index.always)
        self._size = index.size
        self._batch = BatchMatcher(
            self._pieces, sorted(index.query_ids), index.checks, self._always, index.terms()
        )

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
        # Each distinct piece of the text is looked up once; the few that hold something are
        # numbers whose terms, decided ids and checks are gathered by set operations in C.
        pieces = self._pieces
        pieces.forget_if_full()
        numbers = set(self._numbers(document))
        numbers.discard(NOTHING)
        matched: set[str] = set()
        matched.update(*map(pieces.decided.__getitem__, numbers))
        candidates: set[int] = set(self._always)
        candidates.update(*map(pieces.checks.__getitem__, numbers))
        if candidates:
            terms: set[str] = set()
            terms.update(*map(pieces.terms.__getitem__, numbers))
            self._check(document, terms, candidates, matched)
        return sorted(matched)

    def match_many(self, documents: Sequence[Document]) -> list[list[str]]:
        """``match`` for each of ``documents``; much faster per document over a few dozen."""
        if len(documents) < self.BATCH_FROM:
            return list(map(self.match, documents))
        self._pieces.forget_if_full()
        return self._batch.match(documents, self._field_pieces.of_many(documents))

    def _numbers(self, document: Document) -> list[int]:
        """The numbers of the document's pieces (see majlis.text.matcher.pieces)."""
        lookup = self._pieces.__getitem__
        numbers = list(map(lookup, document.text.split()))
        if document.title:
            numbers += map(lookup, document.title.split())
        numbers += self._field_pieces.of(document)
        return numbers

    def _check(
        self, document: Document, terms: set[str], candidates: set[int], matched: set[str]
    ) -> None:
        musts, rests = self._musts, self._rests
        prepared = None
        for index in candidates:
            if not musts[index] <= terms:
                continue  # most candidates: a set operation in C says no
            query_id, must_not, any_of, predicate = rests[index]
            if query_id in matched or not must_not.isdisjoint(terms):
                continue
            if any_of and not holds_any_of(any_of, terms):
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
