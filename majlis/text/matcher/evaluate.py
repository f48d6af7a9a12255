"""Turning a query tree into a function that says whether a prepared document matches."""

from __future__ import annotations

from collections.abc import Callable

from majlis.text.matcher.prepared import PreparedDocument, Span, field_term, spans
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
    match node:
        case Word(text=text):
            forms = proclitic_forms(text)
            if len(forms) > 1:
                return lambda document: not forms.isdisjoint(document.terms)
            return _has_term(text)
        case Hashtag(name=name):
            return _has_term("#" + name)
        case Mention(handle=handle):
            return _has_term("@" + handle)
        case Prefix(stem=stem):
            return lambda document: document.has_prefix(stem)
        case Phrase(words=words):
            phrase, anchor = _phrase(words)
            return lambda document: document.has_phrase(phrase, anchor)
        case Near():
            return _near(node)
        # The matcher gives documents the field terms of every field its queries use.
        case Language(code=code):
            return _has_term(field_term("lang", code))
        case Site(host=host):
            return _has_term(field_term("site", host))
        case Author(name=name):
            return _has_term(field_term("author", name))
        case And(children=children):
            return _all(tuple(compile_query(child) for child in sorted(children, key=cost)))
        case Or(children=children):
            return _any(tuple(compile_query(child) for child in sorted(children, key=cost)))
        case Not(child=child):
            negated = compile_query(child)
            return lambda document: not negated(document)
    raise TypeError(node)  # pragma: no cover - the match above covers every node


def cost(node: Node) -> int:
    """A rough price of checking ``node``, to check cheap terms first."""
    match node:
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


def _has_term(term: str) -> Predicate:
    return lambda document: term in document.terms


def _all(predicates: tuple[Predicate, ...]) -> Predicate:
    if len(predicates) == 2:
        first, second = predicates
        return lambda document: first(document) and second(document)
    return lambda document: all(predicate(document) for predicate in predicates)


def _any(predicates: tuple[Predicate, ...]) -> Predicate:
    if len(predicates) == 2:
        first, second = predicates
        return lambda document: first(document) or second(document)
    return lambda document: any(predicate(document) for predicate in predicates)


def _near(node: Near) -> Predicate:
    left, right, distance = _occurrences(node.left), _occurrences(node.right), node.distance

    def near(document: PreparedDocument) -> bool:
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
