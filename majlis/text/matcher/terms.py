"""How query leaves are looked up among a document's terms, and which terms queries look up.

A document's terms are the terms of the matcher's queries that the document holds: words,
``#hashtags``, ``@mentions``, ``field:value`` terms of its language, site and author, and
``stem*`` for each query prefix that one of its words starts with. A query word is also held
when a document word is that word carrying Arabic proclitics, that is when it is one of the
document word's proclitic stems (وبالخطوط gives بالخطوط, الخطوط and خطوط). So every word,
hashtag, mention, field and prefix of a query is one set lookup.

Only the queries' own terms are kept, and not the commonest words (le, the, في): every check
asks about those terms alone, and a set of the words that half of every text is made of would
cost each document more than the rare check that needs one of them (it searches the text).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import reduce

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
COMMON_WORDS = frozenset(
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


def field_term(name: str, value: str) -> str:
    """How a field value is looked up among a document's terms; words never hold ":"."""
    return f"{name}:{value}"


def prefix_term(stem: str) -> str:
    """How "a word starts with ``stem``" is looked up; words never hold "*"."""
    return stem + "*"


def plain_term(node: Node) -> str | None:
    """The one term whose presence among a document's terms is exactly ``node``, if any.

    Interned, as documents' terms are: set operations then find equal terms by identity.
    """
    term = _plain_term(node)
    return sys.intern(term) if term is not None else None


def word_terms(words: tuple[str, ...]) -> set[str]:
    """The terms of ``words`` that are kept among documents' terms."""
    return {term for term in map(plain_term, map(Word, words)) if term is not None}


def implied_terms(node: Node) -> set[str]:
    """Terms that every document matching ``node`` holds."""
    term = plain_term(node)
    if term is not None:
        return {term}
    match node:
        case Phrase(words=words):
            return word_terms(words)
        case Near(left=left, right=right):
            return implied_terms(left) | implied_terms(right)
        case And(children=children):
            return set().union(*map(implied_terms, children))
        case Or(children=children):
            return reduce(set.intersection, map(implied_terms, children))
    return set()


def named_terms(node: Node) -> set[str]:
    """Every term that a check of ``node`` may look up among a document's terms."""
    term = plain_term(node)
    found = {term} if term is not None else set()
    match node:
        case Phrase(words=words):
            found |= word_terms(words)
        case Near(left=left, right=right):
            found |= named_terms(left) | named_terms(right)
        case And(children=children) | Or(children=children):
            found = found.union(*map(named_terms, children))
        case Not(child=child):
            found |= named_terms(child)
    return found


def _plain_term(node: Node) -> str | None:
    match node:
        case Word(text=text) if text not in COMMON_WORDS:
            return text
        case Hashtag(name=name):
            return "#" + name
        case Mention(handle=handle):
            return "@" + handle
        case Prefix(stem=stem):
            return prefix_term(stem)
        case Language(code=code):
            return field_term("lang", code)
        case Site(host=host):
            return field_term("site", host)
        case Author(name=name):
            return field_term("author", name)
    return None


@dataclass(slots=True)
class Vocabulary:
    """The words, hashtags and mentions (``terms``) and the prefixes that documents keep."""

    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def add(self, node: Node) -> None:
        match node:
            case Word() | Hashtag() | Mention():
                term = plain_term(node)
                if term is not None:  # None for the commonest words, which are not kept
                    self.terms.add(term)
            case Phrase(words=words):
                self.terms.update(word_terms(words))
            case Prefix(stem=stem):
                self.prefixes.add(stem)
            case Near(left=left, right=right):
                self.add(left)
                self.add(right)
            case And(children=children) | Or(children=children):
                for child in children:
                    self.add(child)
            case Not(child=child):
                self.add(child)
