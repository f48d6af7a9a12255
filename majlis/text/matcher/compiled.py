"""The matcher for many queries at once: presearch by terms, then exact checks on candidates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from majlis.text.matcher.checks import compile_check
from majlis.text.matcher.document import Document
from majlis.text.matcher.lexicon import Candidate, Entry, Lexicon
from majlis.text.matcher.prepared import PreparedDocument
from majlis.text.matcher.presearch import decided_by_requirement, fields_used, requirement
from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query.ast import Node, Or


@dataclass(slots=True)
class _Index:
    by_term: defaultdict[str, Entry] = field(default_factory=lambda: defaultdict(Entry))
    by_prefix: defaultdict[str, Entry] = field(default_factory=lambda: defaultdict(Entry))
    always: list[Candidate] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    size: int = 0

    def add(self, query_id: str, node: Node) -> None:
        self.size += 1
        self.fields |= fields_used(node)
        # A query matches when any branch of its top OR does, so each branch is indexed on its
        # own, as Lucene Monitor's query decomposer does: a branch that is a plain word needs
        # no checking, and the others get their own must-hold terms.
        for branch in node.children if isinstance(node, Or) else (node,):
            self._add_branch(query_id, branch)

    def _add_branch(self, query_id: str, node: Node) -> None:
        needed = requirement(node)
        if needed is None:
            self.always.append((query_id, *compile_check(node)))
            return
        entries = [self.by_term[term] for term in needed.terms]
        entries += [self.by_prefix[prefix] for prefix in needed.prefixes]
        if decided_by_requirement(node):
            for entry in entries:
                entry.decided.append(query_id)
            return
        candidate = (query_id, *compile_check(node))
        for entry in entries:
            entry.to_check.append(candidate)


class CompiledMatcher:
    """Matches documents against every query at once.

    Build it once per set of queries (``CompiledMatcher.build``) and call ``match`` per document.
    """

    def __init__(self, index: _Index) -> None:
        self._lexicon = Lexicon(dict(index.by_term), dict(index.by_prefix))
        self._always = index.always
        self._fields = frozenset(index.fields)
        self._size = index.size

    @classmethod
    def build(cls, queries: Iterable[tuple[str, str]]) -> CompiledMatcher:
        """Compile ``(query id, query text)`` pairs.

        Raises QuerySyntaxError, carrying the query id, on the first malformed query.
        """
        index = _Index()
        for query_id, text in queries:
            try:
                node = parse_query(text)
            except QuerySyntaxError as error:
                raise error.for_query(query_id) from None
            index.add(query_id, node)
        return cls(index)

    def __len__(self) -> int:
        return self._size

    def match(self, document: Document) -> list[str]:
        """The sorted ids of the queries that ``document`` matches."""
        prepared = PreparedDocument(document, self._fields)
        terms = prepared.terms
        matched: set[str] = set()
        candidates: set[Candidate] = set(self._always)
        for decided, to_check in filter(None, map(self._lexicon.__getitem__, terms)):
            matched |= decided
            candidates |= to_check
        for query_id, must, must_not, predicate in candidates:
            if (
                must <= terms
                and must_not.isdisjoint(terms)
                and query_id not in matched
                and (predicate is None or predicate(prepared))
            ):
                matched.add(query_id)
        return sorted(matched)
