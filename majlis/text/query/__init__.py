"""The query language: ``parse_query`` turns a query into a tree, or raises QuerySyntaxError."""

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
from majlis.text.query.errors import QuerySyntaxError
from majlis.text.query.parser import parse_query

__all__ = [
    "And",
    "Author",
    "Hashtag",
    "Language",
    "Mention",
    "Near",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Prefix",
    "QuerySyntaxError",
    "Site",
    "Word",
    "parse_query",
]
