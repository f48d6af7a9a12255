"""The parsed form of a query. Leaves hold normalized text, ready to compare with documents."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    """One whole word."""

    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """Two or more words next to each other, in this order."""

    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Prefix:
    """Any word that starts with ``stem``."""

    stem: str


@dataclass(frozen=True, slots=True)
class Hashtag:
    name: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A mentioned account; ``handle`` may carry its server (alice@mastodon.social)."""

    handle: str


@dataclass(frozen=True, slots=True)
class Near:
    """Both sides with at most ``distance`` words between them, in either order."""

    left: Proximal
    right: Proximal
    distance: int


@dataclass(frozen=True, slots=True)
class Language:
    """The mention's language: ``ary`` also covers ``ary-latn``."""

    code: str


@dataclass(frozen=True, slots=True)
class Site:
    """The host of the mention's URL, subdomains included."""

    host: str


@dataclass(frozen=True, slots=True)
class Author:
    name: str


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


Proximal = Word | Phrase | Prefix
TextTerm = Word | Phrase | Prefix | Hashtag | Mention | Near
FieldTerm = Language | Site | Author
Node = Word | Phrase | Prefix | Hashtag | Mention | Near | Language | Site | Author | And | Or | Not
