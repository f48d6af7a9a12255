"""The one exception a malformed query raises, and its messages.

The messages are plain English constants, one per kind of fault, so the Django layer can mark
each one for translation and show it next to the position.
"""

from __future__ import annotations

EMPTY_QUERY = "empty query"
QUERY_TOO_LONG = "the query is too long"
UNCLOSED_QUOTE = "unclosed quote"
EMPTY_PHRASE = "empty phrase"
MISSING_CLOSING_PARENTHESIS = "missing closing parenthesis"
UNEXPECTED_CLOSING_PARENTHESIS = "unexpected closing parenthesis"
EMPTY_PARENTHESES = "empty parentheses"
TOO_DEEPLY_NESTED = "too many nested parentheses"
AND_NEEDS_TERMS = "AND needs a term on each side"
OR_NEEDS_TERMS = "OR needs a term on each side"
NOT_NEEDS_TERM = "NOT needs a term after it"
UNEXPECTED_NOT = "unexpected NOT"
ONLY_NOT = "a query cannot be only NOT"
NOT_WITHOUT_POSITIVE = "NOT needs a term to keep beside it, as in a AND NOT b"
NEAR_NEEDS_DISTANCE = "NEAR needs a distance like NEAR/3"
NEAR_TOO_FAR = "NEAR distance must be at most 100"
NEAR_NEEDS_WORDS = "NEAR needs a word or a phrase on each side"
NOTHING_TO_SEARCH = "this word has no letters or digits"
MISPLACED_STAR = "* may only end a word"
PREFIX_ONE_WORD = "a prefix must be a single word"
PREFIX_TOO_SHORT = "a prefix needs at least 3 characters before *"
INVALID_HASHTAG = "a hashtag holds only letters, digits and _"
INVALID_MENTION = "a mention holds only letters, digits, _ and inner dots or hyphens"
UNKNOWN_FIELD = "unknown field: use lang:, site: or author:"
FIELD_NEEDS_VALUE = "this field needs a value"
INVALID_LANGUAGE = "invalid language code"
INVALID_SITE = "invalid site: give a host name like example.com"


class QuerySyntaxError(ValueError):
    """A query that cannot be parsed.

    ``position`` is the 0-based character offset of the fault in the query text; ``message`` is
    one of the constants above; ``query_id`` names the query when it came from a batch.
    """

    def __init__(self, message: str, position: int, query_id: str | None = None) -> None:
        super().__init__(message, position, query_id)
        self.message = message
        self.position = position
        self.query_id = query_id

    def __str__(self) -> str:
        where = f"at character {self.position}"
        if self.query_id is not None:
            return f"query {self.query_id!r}: {self.message} {where}"
        return f"{self.message} {where}"

    def for_query(self, query_id: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.message, self.position, query_id)


# Every message above, for the layer that translates them.
ALL_MESSAGES = (
    EMPTY_QUERY,
    QUERY_TOO_LONG,
    UNCLOSED_QUOTE,
    EMPTY_PHRASE,
    MISSING_CLOSING_PARENTHESIS,
    UNEXPECTED_CLOSING_PARENTHESIS,
    EMPTY_PARENTHESES,
    TOO_DEEPLY_NESTED,
    AND_NEEDS_TERMS,
    OR_NEEDS_TERMS,
    NOT_NEEDS_TERM,
    UNEXPECTED_NOT,
    ONLY_NOT,
    NOT_WITHOUT_POSITIVE,
    NEAR_NEEDS_DISTANCE,
    NEAR_TOO_FAR,
    NEAR_NEEDS_WORDS,
    NOTHING_TO_SEARCH,
    MISPLACED_STAR,
    PREFIX_ONE_WORD,
    PREFIX_TOO_SHORT,
    INVALID_HASHTAG,
    INVALID_MENTION,
    UNKNOWN_FIELD,
    FIELD_NEEDS_VALUE,
    INVALID_LANGUAGE,
    INVALID_SITE,
)
