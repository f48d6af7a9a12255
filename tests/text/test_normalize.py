"""Normalization: what the matcher, the query language and the classifiers see of a text."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.text.normalize import normalize


def test_it_folds_case():
    assert normalize("MAROC Telecom") == "maroc telecom"


def test_it_removes_latin_diacritics():
    assert normalize("Été à l'École, ça coûte") == "ete a l'ecole, ca coute"


def test_it_folds_sharp_s_and_ligatures_the_way_people_type_them():
    assert normalize("Straße") == "strasse"
    assert normalize("cœur Æsop") == "coeur aesop"
    assert normalize("ﬁdèle") == "fidele"


def test_it_applies_nfkc_to_compatibility_characters():
    assert normalize("Ｍａｒｏｃ…") == "maroc..."
    assert normalize("prix\u00a0: 20\u202f€") == "prix : 20 €"


def test_it_removes_arabic_diacritics_and_tatweel():
    assert normalize("الخُطُوطُ المَلَكِيَّة") == normalize("الخطوط الملكية")
    assert normalize("مـــرحبا") == "مرحبا"
    assert normalize("رَحْمٰن") == "رحمن"


def test_it_folds_arabic_letter_variants():
    assert normalize("أ إ آ ٱ") == "ا ا ا ا"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدرسة") == "مدرسه"


def test_it_keeps_other_hamza_letters():
    assert normalize("مؤسسة شاطئ") == "مؤسسه شاطئ"


def test_it_removes_invisible_characters():
    assert normalize("con\u00adstruction") == "construction"
    assert normalize("❤\ufe0f") == "❤"
    assert normalize("ma\u200broc") == "maroc"


def test_it_keeps_ascii_text_as_lowercase():
    assert normalize("Hello, World! 2030") == "hello, world! 2030"


def test_a_long_text_with_one_compatibility_character_is_normalized_whole():
    text = ("Le Maroc " * 100) + "ﬁn" + (" École" * 100)
    assert normalize(text) == ("le maroc " * 100) + "fin" + (" ecole" * 100)


_MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
        st.sampled_from(" …\u00a0\u202fﬁ\u0301\u0308\ufe0fＡ"),
    ),
    max_size=600,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_normalizing_twice_changes_nothing(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(_MIXED_TEXT)
def test_it_agrees_with_a_character_by_character_reference(text):
    folded = unicodedata.normalize("NFKC", text).casefold()
    reference = "".join(normalize(char) if not char.isascii() else char for char in folded)
    assert normalize(text) == reference


_ARABIC_AND_FRENCH = st.text(
    alphabet=st.one_of(
        st.sampled_from([bytes([code]).decode("cp1256") for code in range(256)]),
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
        st.sampled_from("أإآٱىة\u064b\u0651ـ…ﷲ"),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_ARABIC_AND_FRENCH)
def test_arabic_text_with_french_in_it_agrees_with_the_character_by_character_reference(text):
    folded = unicodedata.normalize("NFKC", text).casefold()
    reference = "".join(normalize(char) if not char.isascii() else char for char in folded)
    assert normalize(text) == reference
