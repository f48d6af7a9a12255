"""Turning a query tree into a function that says whether a prepared document matches."""

from __future__ import annotations

from collections.abc import Callable

from majlis.text.matcher.phrases import PhrasePattern
from majlis.text.matcher.prepared import PreparedDocument, Span, spans
from majlis.text.matcher.terms import implied_terms, plain_term
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
    Prefix,
    Proximal,
    Site,
    Word,
)
from majlis.text.tokens import proclitic_forms

Predicate = Callable[[PreparedDocument], bool]
Occurrences = Callable[[PreparedDocument], list[Span]]


def compile_query(node: Node) -> Predicate:
    """A predicate equivalent to ``node``; cheap checks run before costly ones."""
    term = plain_term(node)
    if term is not None:
        return lambda document: term in document.terms
    match node:
        case Word(text=text):
            # A common word, not kept among the terms (see majlis.text.matcher.terms).
            word = PhrasePattern((text,))
            return lambda document: document.has_phrase(word)
        case Phrase(words=words):
            needed = frozenset(implied_terms(node))
            phrase = PhrasePattern(words)
            return lambda document: needed <= document.terms and document.has_phrase(phrase)
        case Near():
            return _near(node)
        case And(children=children):
            return _all(_plain_terms(children), _compiled_rest(children))
        case Or(children=children):
            return _any(_plain_terms(children), _compiled_rest(children))
        case Not(child=child):
            negated = compile_query(child)
            return lambda document: not negated(document)
    raise TypeError(node)  # pragma: no cover - the match above covers every node


def cost(node: Node) -> int:
    """A rough price of checking ``node``, to check cheap terms first."""
    match node:
        case Word() if plain_term(node) is None:
            return 3
        case Word() | Hashtag() | Mention() | Language() | Site() | Author():
            return 1
        case Prefix():
            return 2
        case Phrase():
            return 3
        case Near():
            return 5
        case Not(child=child):
            return cost(child)
        case And(children=children) | Or(children=children):
            return sum(cost(child) for child in children)
    return 10  # pragma: no cover


def _phrase(words: tuple[str, ...]) -> tuple[tuple[frozenset[str], ...], int]:
    """The forms of each word of a phrase, and which word to look for first: the longest."""
    anchor = max(range(len(words)), key=lambda index: len(words[index]))
    return tuple(proclitic_forms(word) for word in words), anchor


def _plain_terms(children: tuple[Node, ...]) -> frozenset[str]:
    """The children that are one term each: an AND or an OR asks about them all at once, with
    one set operation in C."""
    return frozenset(term for term in map(plain_term, children) if term is not None)


def _compiled_rest(children: tuple[Node, ...]) -> tuple[Predicate, ...]:
    """The children that are not one term, cheapest first."""
    rest = sorted((child for child in children if plain_term(child) is None), key=cost)
    return tuple(map(compile_query, rest))


def _all(terms: frozenset[str], predicates: tuple[Predicate, ...]) -> Predicate:
    def every(document: PreparedDocument) -> bool:
        return terms <= document.terms and all(predicate(document) for predicate in predicates)

    return every


def _any(terms: frozenset[str], predicates: tuple[Predicate, ...]) -> Predicate:
    def some(document: PreparedDocument) -> bool:
        return not terms.isdisjoint(document.terms) or any(
            predicate(document) for predicate in predicates
        )

    return some


def _near(node: Near) -> Predicate:
    left, right, distance = _occurrences(node.left), _occurrences(node.right), node.distance
    # Positions cost a pass over the words; the terms say first whether both sides are there.
    needed = frozenset(implied_terms(node))

    def near(document: PreparedDocument) -> bool:
        if not needed <= document.terms:
            return False
        first = left(document)
        if not first:
            return False
        second = right(document)
        return any(
            _close(a, b, distance) and document.same_part(a[0], b[0]) for a in first for b in second
        )

    return near


def _close(a: Span, b: Span, distance: int) -> bool:
    """At most ``distance`` words between two spans that do not overlap."""
    if a[1] < b[0]:
        return b[0] - a[1] - 1 <= distance
    if b[1] < a[0]:
        return a[0] - b[1] - 1 <= distance
    return False


def _occurrences(side: Proximal) -> Occurrences:
    match side:
        case Word(text=text):
            forms = proclitic_forms(text)
            return lambda document: spans(document.positions(forms), 1)
        case Phrase(words=words):
            phrase, anchor = _phrase(words)
            return lambda document: spans(document.phrase_starts(phrase, anchor), len(phrase))
        case Prefix(stem=stem):
            return lambda document: spans(document.prefix_positions(stem), 1)
    raise TypeError(side)  # pragma: no cover
