"""What the matcher tests on a candidate query, cheapest first.

Most of a query's work is asking whether a document holds a term, and a set can answer many of
those questions in one call: a candidate is a set of terms the document must hold, a set it must
not hold, and a predicate for the rest (phrases, NEAR, prefixes, OR), or None when the sets
decide. The must-hold set also carries terms implied by the rest (the words of a phrase), so
the predicate only runs when it stands a chance.
"""

from __future__ import annotations

from functools import reduce

from majlis.text.matcher.evaluate import Predicate, compile_query
from majlis.text.matcher.prepared import field_term
from majlis.text.query.ast import (
    And,
    Author,
    Hashtag,
    Language,
    Mention,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Site,
    Word,
)
from majlis.text.tokens import takes_proclitics

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


def plain_term(node: Node) -> str | None:
    """The one term whose presence is exactly ``node``, if there is one."""
    match node:
        case Word(text=text) if not takes_proclitics(text):
            return text
        case Hashtag(name=name):
            return "#" + name
        case Mention(handle=handle):
            return "@" + handle
        case Language(code=code):
            return field_term("lang", code)
        case Site(host=host):
            return field_term("site", host)
        case Author(name=name):
            return field_term("author", name)
    return None


def implied_terms(node: Node) -> set[str]:
    """Terms that every document matching ``node`` holds."""
    term = plain_term(node)
    if term is not None:
        return {term}
    match node:
        case Phrase(words=words):
            return {word for word in words if not takes_proclitics(word)}
        case Near(left=left, right=right):
            return implied_terms(left) | implied_terms(right)
        case And(children=children):
            return set().union(*map(implied_terms, children))
        case Or(children=children):
            return reduce(set.intersection, map(implied_terms, children))
    return set()
