"""What the matcher tests on a candidate query, cheapest first.

Most of a query's work is asking whether a document holds a term, and a set can answer many of
those questions in one call: a candidate is a set of terms the document must hold, a set it must
not hold, and a predicate for the rest (phrases, NEAR, OR, common words), or None when the sets
decide. The must-hold set also carries terms implied by the rest (the words of a phrase), so
the predicate only runs when it stands a chance.
"""

from __future__ import annotations

from majlis.text.matcher.evaluate import Predicate, compile_query
from majlis.text.matcher.terms import implied_terms, plain_term
from majlis.text.query.ast import And, Node, Not

Check = tuple[frozenset[str], frozenset[str], Predicate | None]

_NOTHING: frozenset[str] = frozenset()


def compile_check(node: Node) -> Check:
    must: set[str] = set()
    must_not: set[str] = set()
    rest: list[Node] = []
    for child in node.children if isinstance(node, And) else (node,):
        term = plain_term(child)
        negated = plain_term(child.child) if isinstance(child, Not) else None
        if term is not None:
            must.add(term)
        elif negated is not None:
            must_not.add(negated)
        else:
            must |= implied_terms(child)
            rest.append(child)
    predicate = None
    if rest:
        predicate = compile_query(rest[0] if len(rest) == 1 else And(tuple(rest)))
    # One shared empty set keeps the common case in the processor's cache.
    return frozenset(must) or _NOTHING, frozenset(must_not) or _NOTHING, predicate
