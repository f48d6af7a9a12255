"""Cutting normalized text into words, hashtags and mentions; the Arabic proclitic rule."""

from majlis.text.normalize import normalize
from majlis.text.tokens import (
    proclitic_forms,
    proclitic_stems,
    takes_proclitics,
    tokenize,
    words,
)


def test_words_are_split_at_anything_that_is_not_a_letter_digit_or_mark():
    assert words(normalize("Maroc-RDC: 2-1, l'été!")) == ["maroc", "rdc", "2", "1", "l", "ete"]


def test_underscores_split_words():
    assert words("service_client") == ["service", "client"]


def test_arabic_words_are_split_at_arabic_punctuation():
    assert words(normalize("الخطوط، الملكية؟ نعم؛ 😀")) == ["الخطوط", "الملكيه", "نعم"]


def test_combining_marks_stay_inside_words():
    assert words("हिन्दी भाषा") == ["हिन्दी", "भाषा"]


def test_hashtags_and_mentions_are_recognised_and_their_text_is_words_too():
    found = tokenize(normalize("Bravo #Maroc_2030 et @Alice@mastodon.social, merci @bob."))
    assert found.hashtags == {"maroc_2030"}
    assert found.mentions == {"alice", "alice@mastodon.social", "bob"}
    assert "maroc" in found.words
    assert "alice" in found.words


def test_an_email_address_is_not_a_mention_and_c_sharp_is_not_a_hashtag():
    found = tokenize("ecrire a contact@maroc.ma en c#")
    assert found.mentions == frozenset()
    assert found.hashtags == frozenset()


def test_arabic_proclitics_come_off_in_every_allowed_way():
    assert set(proclitic_stems("وبالخطوط")) == {"بالخطوط", "الخطوط", "خطوط"}
    assert set(proclitic_stems("للمغرب")) == {"لمغرب", "مغرب", "المغرب"}
    assert set(proclitic_stems("فالمدرسه")) == {"المدرسه", "مدرسه"}


def test_a_strip_must_leave_two_letters():
    assert proclitic_stems("ولد") == ("لد",)
    assert proclitic_stems("بل") == ()


def test_only_arabic_words_carry_proclitics():
    assert proclitic_stems("walou") == ()
    assert proclitic_stems("والخطx") == ()
    assert not takes_proclitics("maroc")
    assert not takes_proclitics("و")


def test_an_arabic_query_word_stands_for_its_forms_with_proclitics():
    forms = proclitic_forms("الخطوط")
    assert {"الخطوط", "والخطوط", "بالخطوط", "وبالخطوط", "للخطوط", "وللخطوط"} <= forms
    assert proclitic_forms("maroc") == {"maroc"}


def test_a_short_arabic_word_keeps_its_forms_but_lil_needs_two_letters_after_it():
    assert {"وخط", "بالخط"} <= proclitic_forms("خط")
    assert "وللد" not in proclitic_forms("الد")


def test_arabic_text_with_french_in_it_is_split_like_any_other():
    text = normalize("الخطوط، الملكية؟ «نعم» École-été (2030)")
    assert words(text) == ["الخطوط", "الملكيه", "نعم", "ecole", "ete", "2030"]
