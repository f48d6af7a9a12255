"""Cutting a query into lexemes, each with its character position for error messages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum, auto

from majlis.text.query import errors
from majlis.text.query.errors import QuerySyntaxError
from majlis.text.query.fields import FIELD_NAMES

# Phones and word processors turn " into typographic quotes, and French uses guillemets.
QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}
_CLOSING_QUOTES = {'"': '"', "“": '”"', "«": "»"}
_FIELD = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
MAX_NEAR_DISTANCE = 100


class Kind(Enum):
    WORD = auto()
    PHRASE = auto()
    FIELD = auto()
    OPEN = auto()
    CLOSE = auto()
    AND = auto()
    OR = auto()
    NOT = auto()
    NEAR = auto()
    END = auto()


@dataclass(frozen=True, slots=True)
class Lexeme:
    kind: Kind
    position: int
    text: str = ""
    field: str = ""
    distance: int = 0


_OPERATORS = {"AND": Kind.AND, "OR": Kind.OR, "NOT": Kind.NOT}


def lex(query: str) -> list[Lexeme]:
    """The lexemes of ``query``, ending with an END lexeme."""
    lexemes: list[Lexeme] = []
    index = 0
    while index < len(query):
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            lexemes.append(Lexeme(Kind.OPEN if char == "(" else Kind.CLOSE, index))
            index += 1
        elif char in QUOTE_PAIRS:
            text, index_after = _quoted(query, index)
            lexemes.append(Lexeme(Kind.PHRASE, index, text))
            index = index_after
        else:
            lexeme, index = _bare(query, index)
            lexemes.append(lexeme)
    lexemes.append(Lexeme(Kind.END, len(query)))
    return lexemes


def _quoted(query: str, start: int) -> tuple[str, int]:
    """The text between the quote at ``start`` and its closing quote, and the index after it."""
    closers = _CLOSING_QUOTES[query[start]]
    for index in range(start + 1, len(query)):
        if query[index] in closers:
            return query[start + 1 : index], index + 1
    raise QuerySyntaxError(errors.UNCLOSED_QUOTE, start)


def _bare_end(query: str, start: int) -> int:
    index = start
    while index < len(query):
        char = query[index]
        if char.isspace() or char in "()" or char in QUOTE_PAIRS:
            break
        index += 1
    return index


def _bare(query: str, start: int) -> tuple[Lexeme, int]:
    end = _bare_end(query, start)
    run = query[start:end]
    if run in _OPERATORS:
        return Lexeme(_OPERATORS[run], start), end
    if run == "NEAR" or run.startswith("NEAR/"):
        return Lexeme(Kind.NEAR, start, distance=_near_distance(run, start)), end
    field = _FIELD.fullmatch(run)
    if field is None:
        return Lexeme(Kind.WORD, start, run), end
    name, value = field.group(1).lower(), field.group(2)
    if name not in FIELD_NAMES:
        raise QuerySyntaxError(errors.UNKNOWN_FIELD, start)
    if not value and end < len(query) and query[end] in QUOTE_PAIRS:
        value, end = _quoted(query, end)
    if not value.strip():
        raise QuerySyntaxError(errors.FIELD_NEEDS_VALUE, start)
    return Lexeme(Kind.FIELD, start, value, field=name), end


def _near_distance(run: str, start: int) -> int:
    digits = run.removeprefix("NEAR/")
    if run == "NEAR" or not digits.isdecimal():
        raise QuerySyntaxError(errors.NEAR_NEEDS_DISTANCE, start)
    # Any script's decimal digits count (NEAR/٣); leading zeros must not overflow int().
    significant = "".join(str(unicodedata.decimal(digit)) for digit in digits).lstrip("0")
    if len(significant) > 3 or int(significant or "0") > MAX_NEAR_DISTANCE:
        raise QuerySyntaxError(errors.NEAR_TOO_FAR, start)
    return int(significant or "0")
