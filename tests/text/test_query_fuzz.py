"""Whatever people type, the parser either understands it or says where it went wrong."""

from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.text.query import QuerySyntaxError, parse_query

_PIECES = st.sampled_from(
    [
        "maroc", "Été", "الخطوط", "bzaf", "AND", "OR", "NOT", "NEAR/2", "NEAR/x", "NEAR",
        "(", ")", '"', "“", "»", "*", "banc*", "#", "#tag", "@", "@alice", "lang:", "lang:fr",
        "site:", "site:example.com", "author:", 'author:"x"', ":", "-", "'", " ", "  ", "\n",
    ]
)  # fmt: skip


def _parses_or_refuses(query: str) -> None:
    refused = None
    try:
        parse_query(query)
    except QuerySyntaxError as error:
        refused = error
    if refused is not None:
        assert refused.message
        assert 0 <= refused.position <= len(query)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_or_is_refused_with_a_position(query):
    _parses_or_refuses(query)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map(" ".join))
def test_any_mix_of_query_syntax_parses_or_is_refused_with_a_position(query):
    _parses_or_refuses(query)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_syntax_glued_together_parses_or_is_refused_with_a_position(query):
    _parses_or_refuses(query)
