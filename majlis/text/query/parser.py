"""A recursive-descent parser for the query language.

    query    := or_group END
    or_group := and_group ("OR" and_group)*
    and_group:= item (["AND"] item)*           juxtaposition means AND
    item     := "NOT" near | near
    near     := primary ["NEAR/n" primary]       NEAR binds tightest
    primary  := word | "phrase" | field:value | "(" or_group ")"

Every AND group must keep at least one term that is not negated: "a AND NOT b" finds mentions
of a, while a bare "NOT b" would select the whole world.
"""

from __future__ import annotations

from majlis.text.query import errors
from majlis.text.query.ast import And, Near, Node, Not, Or, Phrase, Prefix, Word
from majlis.text.query.errors import QuerySyntaxError
from majlis.text.query.lexer import Kind, Lexeme, lex
from majlis.text.query.terms import bare_term, field_term, phrase_term

MAX_QUERY_LENGTH = 10_000
MAX_NESTING = 32

_STARTS_ITEM = frozenset({Kind.WORD, Kind.PHRASE, Kind.FIELD, Kind.OPEN, Kind.NOT})


def parse_query(query: str) -> Node:
    """The tree of ``query``; raises QuerySyntaxError with the position of the first fault."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(errors.QUERY_TOO_LONG, MAX_QUERY_LENGTH)
    return _Parser(lex(query)).parse()


class _Parser:
    def __init__(self, lexemes: list[Lexeme]) -> None:
        self._lexemes = lexemes
        self._index = 0

    def parse(self) -> Node:
        if self._peek().kind is Kind.END:
            raise QuerySyntaxError(errors.EMPTY_QUERY, 0)
        node = self._or_group(depth=0)
        extra = self._peek()
        if extra.kind is Kind.CLOSE:
            raise QuerySyntaxError(errors.UNEXPECTED_CLOSING_PARENTHESIS, extra.position)
        return node

    def _peek(self) -> Lexeme:
        return self._lexemes[self._index]

    def _take(self) -> Lexeme:
        lexeme = self._lexemes[self._index]
        self._index += 1
        return lexeme

    def _or_group(self, depth: int) -> Node:
        branches = [self._and_group(depth)]
        while self._peek().kind is Kind.OR:
            operator = self._take()
            if self._peek().kind not in _STARTS_ITEM:
                raise QuerySyntaxError(errors.OR_NEEDS_TERMS, operator.position)
            branches.append(self._and_group(depth))
        return _joined(Or, branches)

    def _and_group(self, depth: int) -> Node:
        items: list[Node] = []
        first_not: Lexeme | None = None
        starts_query = self._index == 0
        while True:
            lexeme = self._peek()
            if lexeme.kind is Kind.AND:
                self._take()
                if not items or self._peek().kind not in _STARTS_ITEM:
                    raise QuerySyntaxError(errors.AND_NEEDS_TERMS, lexeme.position)
            elif lexeme.kind is Kind.NOT:
                first_not = first_not or lexeme
                items.append(self._negated(depth))
            elif lexeme.kind in _STARTS_ITEM:
                items.append(self._near(depth))
            else:
                break
        if not items:
            raise self._misplaced(self._peek())
        if all(isinstance(item, Not) for item in items):
            assert first_not is not None
            whole_query = starts_query and self._peek().kind is Kind.END
            message = errors.ONLY_NOT if whole_query else errors.NOT_WITHOUT_POSITIVE
            raise QuerySyntaxError(message, first_not.position)
        return _joined(And, items)

    def _negated(self, depth: int) -> Not:
        operator = self._take()
        following = self._peek()
        if following.kind is Kind.NOT:
            raise QuerySyntaxError(errors.UNEXPECTED_NOT, following.position)
        if following.kind not in _STARTS_ITEM:
            raise QuerySyntaxError(errors.NOT_NEEDS_TERM, operator.position)
        return Not(self._near(depth))

    def _near(self, depth: int) -> Node:
        left = self._primary(depth)
        if self._peek().kind is not Kind.NEAR:
            return left
        operator = self._take()
        if not isinstance(left, Word | Phrase | Prefix):
            raise QuerySyntaxError(errors.NEAR_NEEDS_WORDS, operator.position)
        if self._peek().kind not in _STARTS_ITEM - {Kind.NOT}:
            raise QuerySyntaxError(errors.NEAR_NEEDS_WORDS, operator.position)
        right = self._primary(depth)
        if not isinstance(right, Word | Phrase | Prefix) or self._peek().kind is Kind.NEAR:
            raise QuerySyntaxError(errors.NEAR_NEEDS_WORDS, operator.position)
        return Near(left, right, operator.distance)

    def _primary(self, depth: int) -> Node:
        lexeme = self._take()
        if lexeme.kind is Kind.WORD:
            return bare_term(lexeme.text, lexeme.position)
        if lexeme.kind is Kind.PHRASE:
            return phrase_term(lexeme.text, lexeme.position)
        if lexeme.kind is Kind.FIELD:
            return field_term(lexeme.field, lexeme.text, lexeme.position)
        if lexeme.kind is Kind.OPEN:
            return self._group(lexeme, depth + 1)
        raise self._misplaced(lexeme)

    def _group(self, opening: Lexeme, depth: int) -> Node:
        if depth > MAX_NESTING:
            raise QuerySyntaxError(errors.TOO_DEEPLY_NESTED, opening.position)
        if self._peek().kind is Kind.CLOSE:
            raise QuerySyntaxError(errors.EMPTY_PARENTHESES, opening.position)
        inner = self._or_group(depth)
        if self._take().kind is not Kind.CLOSE:
            raise QuerySyntaxError(errors.MISSING_CLOSING_PARENTHESIS, opening.position)
        return inner

    def _misplaced(self, lexeme: Lexeme) -> QuerySyntaxError:
        message = {
            Kind.AND: errors.AND_NEEDS_TERMS,
            Kind.OR: errors.OR_NEEDS_TERMS,
            Kind.NEAR: errors.NEAR_NEEDS_WORDS,
            Kind.CLOSE: errors.UNEXPECTED_CLOSING_PARENTHESIS,
        }.get(lexeme.kind, errors.EMPTY_QUERY)
        return QuerySyntaxError(message, lexeme.position)


def _joined(kind: type[And] | type[Or], children: list[Node]) -> Node:
    """One child stands alone; nested groups of the same kind are flattened."""
    if len(children) == 1:
        return children[0]
    flat: list[Node] = []
    for child in children:
        same_kind = isinstance(child, And | Or) and type(child) is kind
        flat.extend(child.children if isinstance(child, And | Or) and same_kind else (child,))
    return kind(tuple(flat))
