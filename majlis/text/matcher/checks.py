"""What the matcher tests on a candidate query, cheapest first.

Most of a query's work is asking whether a document holds a term, and a set can answer many of
those questions in one call: a candidate is a set of terms the document must hold, a set it must
not hold, sets it must hold one of (an OR of plain terms), and a predicate for the rest
(phrases, NEAR, deeper ORs, common words), or None when the sets decide. The must-hold set also
carries terms implied by the rest (the words of a phrase), so the predicate only runs when it
stands a chance.
"""

from __future__ import annotations

from typing import NamedTuple

from majlis.text.matcher.evaluate import Predicate, compile_query
from majlis.text.matcher.phrases import PhrasePattern
from majlis.text.matcher.terms import implied_terms, plain_term
from majlis.text.query.ast import And, Node, Not, Or, Phrase


class Check(NamedTuple):
    musts: frozenset[str]
    must_nots: frozenset[str]
    # Each one a set of terms the document must hold at least one of.
    any_of: tuple[frozenset[str], ...]
    predicate: Predicate | None


_NOTHING: frozenset[str] = frozenset()


def compile_check(node: Node) -> Check:
    must: set[str] = set()
    must_not: set[str] = set()
    any_of: list[frozenset[str]] = []
    rest: list[Node] = []
    for child in node.children if isinstance(node, And) else (node,):
        term = plain_term(child)
        negated = plain_term(child.child) if isinstance(child, Not) else None
        alternatives = _plain_alternatives(child)
        if term is not None:
            must.add(term)
        elif negated is not None:
            must_not.add(negated)
        elif alternatives is not None:
            any_of.append(alternatives)
        else:
            must |= implied_terms(child)
            rest.append(child)
    # One shared empty set keeps the common case in the processor's cache.
    return Check(
        frozenset(must) or _NOTHING, frozenset(must_not) or _NOTHING, tuple(any_of), _rest(rest)
    )


def _plain_alternatives(node: Node) -> frozenset[str] | None:
    """The terms of an OR whose every branch is one term."""
    if not isinstance(node, Or):
        return None
    terms = [plain_term(child) for child in node.children]
    return None if None in terms else frozenset(term for term in terms if term is not None)


def _rest(rest: list[Node]) -> Predicate | None:
    if not rest:
        return None
    if len(rest) == 1 and isinstance(rest[0], Phrase):
        # The phrase's words are among the must-hold terms already: only their order is left.
        phrase = PhrasePattern(rest[0].words)
        return lambda document: document.has_phrase(phrase)
    return compile_query(rest[0] if len(rest) == 1 else And(tuple(rest)))


def holds_any_of(any_of: tuple[frozenset[str], ...], terms: set[str]) -> bool:
    """Whether ``terms`` hold one term of each set."""
    return all(not alternatives.isdisjoint(terms) for alternatives in any_of)
