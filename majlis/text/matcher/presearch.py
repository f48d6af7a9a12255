"""Which terms a document must hold before a query is worth checking (a "presearch").

With thousands of queries, most never stand a chance against a given document. Each query gets a
small set of terms such that any matching document holds at least one of them: the rarest-looking
term of each AND, every branch of an OR. Documents then only look at the queries indexed under
the terms they hold, the way Lucene Monitor and the Elasticsearch percolator do.

Which term looks rarest is a guess: long words are rarer than short ones, and a word that many
queries name (service, connexion) is likelier a common word of the domain than a name that one
query watches, so each term's weight grows with the number of queries that use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from majlis.text.matcher.terms import COMMON_WORDS, field_term
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
    Site,
    Word,
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """A matching document holds one of ``terms`` or a word starting with one of ``prefixes``.

    ``weight`` guesses how often that happens: the lower, the fewer wasted checks.
    """

    terms: frozenset[str]
    prefixes: frozenset[str] = frozenset()
    weight: float = 0.0

    def __or__(self, other: Requirement) -> Requirement:
        return Requirement(
            self.terms | other.terms, self.prefixes | other.prefixes, self.weight + other.weight
        )


def term_usage(nodes: Iterable[Node]) -> Counter[str]:
    """How many of the queries ``nodes`` use each word, hashtag and mention."""
    return Counter(term for node in nodes for term in _named_terms(node))


def requirement(node: Node, usage: Mapping[str, int] | None = None) -> Requirement | None:
    """What any document matching ``node`` holds, or None when nothing is certain (NOT).

    ``usage`` (see ``term_usage``) helps pick the rarest term; without it, every term counts
    as used once.
    """
    usage = usage or {}

    def term(text: str) -> Requirement:
        return Requirement(frozenset((text,)), weight=_term_weight(text) * usage.get(text, 1))

    match node:
        case Word(text=text):
            return term(text)
        case Hashtag(name=name):
            return term("#" + name)
        case Mention(handle=handle):
            return term("@" + handle)
        case Prefix(stem=stem):
            return Requirement(frozenset(), frozenset((stem,)), _prefix_weight(stem))
        case Language(code=code):
            return term(field_term("lang", code))
        case Site(host=host):
            return term(field_term("site", host))
        case Author(name=name):
            return term(field_term("author", name))
        case Phrase(words=words):
            return _lightest([term(word) for word in words])
        case Near(left=left, right=right):
            return _lightest([requirement(left, usage), requirement(right, usage)])
        case And(children=children):
            return _lightest([requirement(child, usage) for child in children])
        case Or(children=children):
            return _union([requirement(child, usage) for child in children])
    return None


def _named_terms(node: Node) -> set[str]:
    match node:
        case Word(text=text):
            return {text}
        case Phrase(words=words):
            return set(words)
        case Hashtag(name=name):
            return {"#" + name}
        case Mention(handle=handle):
            return {"@" + handle}
        case Near(left=left, right=right):
            return _named_terms(left) | _named_terms(right)
        case And(children=children) | Or(children=children):
            return set().union(*map(_named_terms, children))
        case Not(child=child):
            return _named_terms(child)
    return set()


def fields_used(node: Node) -> set[str]:
    """The fields ``node`` filters on, so documents carry their field terms."""
    match node:
        case Language():
            return {"lang"}
        case Site():
            return {"site"}
        case Author():
            return {"author"}
        case And(children=children) | Or(children=children):
            return set().union(*map(fields_used, children))
        case Not(child=child):
            return fields_used(child)
    return set()


def decided_by_requirement(node: Node) -> bool:
    """Whether holding the requirement is the whole answer, so the query needs no checking."""
    match node:
        case Word() | Hashtag() | Mention() | Prefix() | Language() | Site() | Author():
            return True
        case Or(children=children):
            return all(map(decided_by_requirement, children))
    return False


def _lightest(requirements: list[Requirement | None]) -> Requirement | None:
    known = [found for found in requirements if found is not None]
    return min(known, key=lambda found: found.weight, default=None)


def _union(requirements: list[Requirement | None]) -> Requirement | None:
    union = Requirement(frozenset())
    for found in requirements:
        if found is None:
            return None
        union |= found
    return union


# Half the mentions are in one language; a site or an author narrows more, a word usually more.
_FIELD_WEIGHTS = {"lang": 50.0, "site": 10.0, "author": 5.0}


def _term_weight(term: str) -> float:
    if term in COMMON_WORDS:
        return 100.0
    field, colon, _ = term.partition(":")
    if colon:
        return _FIELD_WEIGHTS[field]
    if term[0] in "#@":
        return 4.0 / len(term)
    return 8.0 / len(term)


def _prefix_weight(stem: str) -> float:
    return 24.0 / len(stem)
