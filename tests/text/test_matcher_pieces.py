"""The compiled matcher looks a text up piece by piece, cut at whitespace, and finds phrases by
searching the normalized text: both give what the words of the whole normalized text give."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.text.matcher.phrases import phrase_pattern
from majlis.text.normalize import normalize
from majlis.text.tokens import hashtags, mentions, proclitic_forms, words

_WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u3000"
_TRICKY = "#@_.-'\u0301\u0308\u00a8\u0651\u0640ﬁ…Œœß\u00ad\u200d"
_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
        st.sampled_from(_WHITESPACE + _TRICKY),
    ),
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(_ANY_TEXT)
def test_a_text_holds_what_its_whitespace_separated_pieces_hold(text):
    whole = normalize(text)
    pieces = [normalize(piece) for piece in text.split()]
    assert words(whole) == [word for piece in pieces for word in words(piece)]
    assert hashtags(whole) == frozenset().union(*map(hashtags, pieces))
    assert mentions(whole) == frozenset().union(*map(mentions, pieces))


_WORDS = ["الخطوط", "والخطوط", "للخطوط", "خطوط", "لل", "ال", "و", "maroc", "air", "canada"]
_WORDS += ["l", "ete", "ab", "abab", "2030"]
_GLUE = [" ", ", ", "-", " #", "@", "\n", "...", "_", "'"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=12),
)
def test_a_phrase_pattern_finds_the_words_side_by_side_in_any_of_their_forms(phrase, text):
    normalized = normalize("".join(word + glue for word, glue in text))
    found = words(normalized)
    forms = [proclitic_forms(word) for word in phrase]
    side_by_side = any(
        all(found[start + offset] in forms[offset] for offset in range(len(phrase)))
        for start in range(len(found) - len(phrase) + 1)
    )
    pattern = regex.compile(phrase_pattern(tuple(phrase)))
    assert (pattern.search(normalized) is not None) == side_by_side
