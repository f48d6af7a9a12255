"""A malformed query is refused with a clear message and the position of the fault."""

import pytest

from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query import errors as messages


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("", messages.EMPTY_QUERY, 0),
        ("   ", messages.EMPTY_QUERY, 0),
        ('maroc "air canada', messages.UNCLOSED_QUOTE, 6),
        ('""', messages.EMPTY_PHRASE, 0),
        ("maroc (inwi OR orange", messages.MISSING_CLOSING_PARENTHESIS, 6),
        ("maroc)", messages.UNEXPECTED_CLOSING_PARENTHESIS, 5),
        ("maroc ()", messages.EMPTY_PARENTHESES, 6),
        ("(" * 40 + "a" + ")" * 40, messages.TOO_DEEPLY_NESTED, 32),
        ("AND maroc", messages.AND_NEEDS_TERMS, 0),
        ("maroc AND", messages.AND_NEEDS_TERMS, 6),
        ("maroc AND AND inwi", messages.AND_NEEDS_TERMS, 6),
        ("OR maroc", messages.OR_NEEDS_TERMS, 0),
        ("maroc OR", messages.OR_NEEDS_TERMS, 6),
        ("maroc OR OR inwi", messages.OR_NEEDS_TERMS, 6),
        ("maroc AND NOT", messages.NOT_NEEDS_TERM, 10),
        ("maroc AND NOT NOT inwi", messages.UNEXPECTED_NOT, 14),
        ("NOT maroc", messages.ONLY_NOT, 0),
        ("NOT maroc NOT inwi", messages.ONLY_NOT, 0),
        ("inwi OR NOT maroc", messages.NOT_WITHOUT_POSITIVE, 8),
        ("maroc NEAR rdc", messages.NEAR_NEEDS_DISTANCE, 6),
        ("maroc NEAR/x rdc", messages.NEAR_NEEDS_DISTANCE, 6),
        ("maroc NEAR/101 rdc", messages.NEAR_TOO_FAR, 6),
        ("NEAR/2 maroc", messages.NEAR_NEEDS_WORDS, 0),
        ("maroc NEAR/2", messages.NEAR_NEEDS_WORDS, 6),
        ("a NEAR/2 b NEAR/2 c", messages.NEAR_NEEDS_WORDS, 2),
        ("(a OR b) NEAR/2 c", messages.NEAR_NEEDS_WORDS, 9),
        ("a NEAR/2 #b", messages.NEAR_NEEDS_WORDS, 2),
        ("maroc !!!", messages.NOTHING_TO_SEARCH, 6),
        ("ba*nc", messages.MISPLACED_STAR, 2),
        ("*", messages.PREFIX_TOO_SHORT, 0),
        ("ba*", messages.PREFIX_TOO_SHORT, 0),
        ("l'ete*", messages.PREFIX_ONE_WORD, 0),
        ("#", messages.INVALID_HASHTAG, 0),
        ("#tag-x", messages.INVALID_HASHTAG, 0),
        ("@", messages.INVALID_MENTION, 0),
        ("foo:bar", messages.UNKNOWN_FIELD, 0),
        ("maroc lang:", messages.FIELD_NEEDS_VALUE, 6),
        ("lang:français", messages.INVALID_LANGUAGE, 0),
        ("site:ex!ample.com", messages.INVALID_SITE, 0),
        ("x" * 10_001, messages.QUERY_TOO_LONG, 10_000),
    ],
)
def test_a_malformed_query_is_refused_at_the_fault(query, message, position):
    with pytest.raises(QuerySyntaxError) as refused:
        parse_query(query)
    assert (refused.value.message, refused.value.position) == (message, position)


def test_the_error_reads_well():
    with pytest.raises(QuerySyntaxError, match="unclosed quote at character 6"):
        parse_query('maroc "air')


def test_every_message_is_listed_for_translation():
    constants = {
        value for name, value in vars(messages).items() if name.isupper() and isinstance(value, str)
    }
    assert constants == set(messages.ALL_MESSAGES)


def test_near_accepts_digits_of_any_script():
    parse_query("maroc NEAR/٣ rdc")
