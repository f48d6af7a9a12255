"""Which terms a document must hold before a query is worth checking (a "presearch").

With thousands of queries, most never stand a chance against a given document. Each query gets a
small set of terms such that any matching document holds at least one of them: the rarest-looking
term of each AND, every branch of an OR. Documents then only look at the queries indexed under
the terms they hold, the way Lucene Monitor and the Elasticsearch percolator do.
"""

from __future__ import annotations

from dataclasses import dataclass

from majlis.text.matcher.prepared import field_term
from majlis.text.normalize import normalize
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

# Words so frequent that a query requiring them narrows nothing, in every language we serve.
_COMMON_WORDS = frozenset(
    normalize(word)
    for word in (  # noqa: SIM905 - a list literal of 140 words would not read better
        "le la les l un une des de du d et ou a à au aux en dans sur pour par avec pas ne que qui"
        " ce c est il elle on nous vous ils je j se s y plus tres très mais sont été etre être"
        " the a an of and or to in on at for with is are was be it this that not by from as"
        " في من على الى إلى عن مع هذا هذه ذلك التي الذي و او أو ما لا لم لن ان أن إن كان هو هي"
        " قد كل بعد قبل عند"
        " f fi l li w wa o ou ma la dyal d had hadi hada ana nta nti howa hiya kan ghir"
        " ديال ف فين هاد هادي هادا انا راه غير"
    ).split()
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


def _term(term: str) -> Requirement:
    return Requirement(frozenset((term,)), weight=_term_weight(term))


def requirement(node: Node) -> Requirement | None:
    """What any document matching ``node`` holds, or None when nothing is certain (NOT)."""
    match node:
        case Word(text=text):
            return _term(text)
        case Hashtag(name=name):
            return _term("#" + name)
        case Mention(handle=handle):
            return _term("@" + handle)
        case Prefix(stem=stem):
            return Requirement(frozenset(), frozenset((stem,)), _prefix_weight(stem))
        case Language(code=code):
            return _term(field_term("lang", code))
        case Site(host=host):
            return _term(field_term("site", host))
        case Author(name=name):
            return _term(field_term("author", name))
        case Phrase(words=words):
            return _lightest([requirement(Word(word)) for word in words])
        case Near(left=left, right=right):
            return _lightest([requirement(left), requirement(right)])
        case And(children=children):
            return _lightest([requirement(child) for child in children])
        case Or(children=children):
            return _union([requirement(child) for child in children])
    return None


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
    if term in _COMMON_WORDS:
        return 100.0
    field, colon, _ = term.partition(":")
    if colon:
        return _FIELD_WEIGHTS[field]
    if term[0] in "#@":
        return 4.0 / len(term)
    return 8.0 / len(term)


def _prefix_weight(stem: str) -> float:
    return 24.0 / len(stem)
