"""What each form of the query language means, as the tree the parser builds."""

from majlis.text.query import (
    And,
    Author,
    Hashtag,
    Language,
    Mention,
    Near,
    Not,
    Or,
    Phrase,
    Prefix,
    Site,
    Word,
    parse_query,
)


def test_a_bare_word_is_a_whole_word_normalized():
    assert parse_query("Été") == Word("ete")
    assert parse_query("الخطُوط") == Word("الخطوط")


def test_a_word_that_holds_several_words_is_a_phrase():
    assert parse_query("Maroc-RDC") == Phrase(("maroc", "rdc"))


def test_quotes_make_a_phrase_and_typographic_quotes_too():
    expected = Phrase(("air", "canada"))
    assert parse_query('"Air Canada"') == expected
    assert parse_query("“air canada”") == expected
    assert parse_query("« air canada »") == expected


def test_a_quoted_single_word_is_a_word():
    assert parse_query('"maroc"') == Word("maroc")


def test_a_star_at_the_end_makes_a_prefix():
    assert parse_query("Banc*") == Prefix("banc")


def test_hashtags_and_mentions():
    assert parse_query("#Maroc") == Hashtag("maroc")
    assert parse_query("@alice@mastodon.social") == Mention("alice@mastodon.social")


def test_juxtaposition_means_and():
    assert parse_query("inwi orange") == parse_query("inwi AND orange")
    assert parse_query("inwi orange") == And((Word("inwi"), Word("orange")))


def test_and_binds_tighter_than_or():
    assert parse_query("a b OR c") == Or((And((Word("a"), Word("b"))), Word("c")))


def test_parentheses_group():
    assert parse_query("a (b OR c)") == And((Word("a"), Or((Word("b"), Word("c")))))


def test_not_follows_and_or_stands_beside_a_positive_term():
    expected = And((Word("maroc"), Not(Word("rdc"))))
    assert parse_query("maroc AND NOT rdc") == expected
    assert parse_query("maroc NOT rdc") == expected
    assert parse_query("NOT rdc maroc") == And((Not(Word("rdc")), Word("maroc")))


def test_lowercase_operators_are_plain_words():
    assert parse_query("noir and blanc or gris") == And(
        tuple(Word(word) for word in ("noir", "and", "blanc", "or", "gris"))
    )


def test_near_binds_tightest_and_takes_phrases():
    assert parse_query('a NEAR/3 "b c" OR d') == Or(
        (Near(Word("a"), Phrase(("b", "c")), 3), Word("d"))
    )
    assert parse_query("a b NEAR/0 c") == And((Word("a"), Near(Word("b"), Word("c"), 0)))


def test_fields():
    query = 'lang:FR site:https://www.Example.com/page author:"Jean  Dupont"'
    assert parse_query(query) == And(
        (Language("fr"), Site("www.example.com"), Author("jean dupont"))
    )
    assert parse_query("author:@Karim") == Author("karim")
    assert parse_query("lang:ary-Latn") == Language("ary-latn")


def test_nested_groups_of_the_same_kind_are_flattened():
    assert parse_query("(a b) (c d)") == And(tuple(Word(word) for word in "abcd"))
