"""A query's fault in words a person understands, with where it is."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query import errors as query_errors

# Every message of the text engine, written out so makemessages can find it.
_MESSAGES: dict[str, str | Promise] = {
    query_errors.AND_NEEDS_TERMS: gettext_lazy("AND needs a term on each side"),
    query_errors.EMPTY_PARENTHESES: gettext_lazy("empty parentheses"),
    query_errors.EMPTY_PHRASE: gettext_lazy("empty phrase"),
    query_errors.EMPTY_QUERY: gettext_lazy("empty query"),
    query_errors.FIELD_NEEDS_VALUE: gettext_lazy("this field needs a value"),
    query_errors.INVALID_HASHTAG: gettext_lazy("a hashtag holds only letters, digits and _"),
    query_errors.INVALID_LANGUAGE: gettext_lazy("invalid language code"),
    query_errors.INVALID_MENTION: gettext_lazy(
        "a mention holds only letters, digits, _ and inner dots or hyphens"
    ),
    query_errors.INVALID_SITE: gettext_lazy("invalid site: give a host name like example.com"),
    query_errors.MISPLACED_STAR: gettext_lazy("* may only end a word"),
    query_errors.MISSING_CLOSING_PARENTHESIS: gettext_lazy("missing closing parenthesis"),
    query_errors.NEAR_NEEDS_DISTANCE: gettext_lazy("NEAR needs a distance like NEAR/3"),
    query_errors.NEAR_NEEDS_WORDS: gettext_lazy("NEAR needs a word or a phrase on each side"),
    query_errors.NEAR_TOO_FAR: gettext_lazy("NEAR distance must be at most 100"),
    query_errors.NOTHING_TO_SEARCH: gettext_lazy("this word has no letters or digits"),
    query_errors.NOT_NEEDS_TERM: gettext_lazy("NOT needs a term after it"),
    query_errors.NOT_WITHOUT_POSITIVE: gettext_lazy(
        "NOT needs a term to keep beside it, as in a AND NOT b"
    ),
    query_errors.ONLY_NOT: gettext_lazy("a query cannot be only NOT"),
    query_errors.OR_NEEDS_TERMS: gettext_lazy("OR needs a term on each side"),
    query_errors.PREFIX_ONE_WORD: gettext_lazy("a prefix must be a single word"),
    query_errors.PREFIX_TOO_SHORT: gettext_lazy("a prefix needs at least 3 characters before *"),
    query_errors.QUERY_TOO_LONG: gettext_lazy("the query is too long"),
    query_errors.TOO_DEEPLY_NESTED: gettext_lazy("too many nested parentheses"),
    query_errors.UNCLOSED_QUOTE: gettext_lazy("unclosed quote"),
    query_errors.UNEXPECTED_CLOSING_PARENTHESIS: gettext_lazy("unexpected closing parenthesis"),
    query_errors.UNEXPECTED_NOT: gettext_lazy("unexpected NOT"),
    query_errors.UNKNOWN_FIELD: gettext_lazy("unknown field: use lang:, site: or author:"),
}


@dataclass(frozen=True)
class QueryProblem:
    message: str
    position: int

    @property
    def sentence(self) -> str:
        return _("%(message)s, at character %(position)d.") % {
            "message": self.message,
            "position": self.position + 1,
        }


def query_problem(text: str) -> QueryProblem | None:
    try:
        parse_query(text)
    except QuerySyntaxError as error:
        return QueryProblem(str(_MESSAGES.get(error.message, error.message)), error.position)
    return None


__all__ = ["QueryProblem", "query_problem"]
