"""The language a source declares (RSS, html lang, Mastodon, Bluesky, Content-Language) helps
only where the detector found too little to go on, and only if the text's letters agree."""

import pytest

from majlis.text.langid import detect_language, detect_languages_hinted, normalize_hint

LONG_DARIJA = (
    "خدمة الزبناء ديال الشركة ما كتجاوبش، بقيت كنتسنى ساعة فالتيليفون وحتى واحد ما جاوبني. "
    "هادشي بزاف عليا، واش كاين شي حل؟"
)
LONG_MSA = "أعلنت شركة أطلس تيليكوم عن استئناف الخدمة في الدار البيضاء بعد انقطاع دام عدة ساعات"


def labels(*pairs: tuple[str, str]) -> list[str]:
    return detect_languages_hinted(pairs)


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("fr", "fr"),
        ("fr-FR", "fr"),
        ("fr-CA", "fr"),
        ("FR", "fr"),
        ("fra", "fr"),
        ("fr\n", "fr"),
        ("  en  ", "en"),
        ("en_US", "en"),
        ("en-GB-oxendict", "en"),
        ("en-Latn-US", "en"),
        ("ar", "ar"),
        ("ar-MA", "ar"),
        ("ara", "ar"),
        ("ar-Arab", "ar"),
        ("ary", "ary"),
        ("ar-ary", "ary"),  # the extended-language form of Moroccan Arabic
        ("ary-MA", "ary"),
        ("ary-Latn", "ary-Latn"),
        ("ARY-latn-ma", "ary-Latn"),
    ],
)
def test_a_declared_language_we_label_is_understood(declared, expected):
    assert normalize_hint(declared) == expected


@pytest.mark.parametrize(
    "declared",
    [
        "",
        "   ",
        "xx",
        "es",
        "und",
        "mul",
        "ZH-hant",
        "ar-Latn",  # Arabic in Latin letters: whether it is Darija is the detector's call
        "fr-Arab",
        "en-Cyrl",
        "arz",  # Egyptian: no guess at which of our labels another dialect code means
        "<script>",
        "fr<script>alert(1)</script>",
        "fr-",
        "fr--FR",
        "-fr",
        "f",
        "x-fr",
        "i-default",
        "fr;q=0.9",
        "fr,en",
        "fr\x00",
        "fr\u00a0",
        "ｆｒ",
        "fr-" + "a" * 40,
        "fr" + " " * 5000,
        "fr-" * 1700,
        "a" * 5000,
    ],
)
def test_a_declaration_that_is_malformed_or_not_ours_is_ignored(declared):
    assert normalize_hint(declared) == ""
    assert labels(("ok 👍", declared)) == ["und"]


def test_a_short_post_takes_the_language_its_source_declares():
    latin = labels(("ok 👍", "fr"), ("top", "fr"), ("merci", "fr-FR"), ("thanks", "en"))
    assert latin == ["fr", "fr", "fr", "en"]
    arabic = labels(("لا", "ar"), ("لا", "ary"))
    assert arabic == ["ar", "ary"]
    # Darija is written in both scripts: the letters say which.
    darija = labels(("hh", "ary"), ("ok", "ary-Latn"))
    assert darija == ["ary-Latn", "ary-Latn"]


def test_without_a_declaration_the_same_short_posts_stay_und():
    assert labels(("ok 👍", ""), ("merci", ""), ("لا", "")) == ["und", "und", "und"]


def test_a_declaration_is_not_trusted_against_the_letters():
    answers = labels(
        ("ok 👍", "ar"),  # Latin letters, Arabic declared
        ("لا", "fr"),
        ("hh", "ar"),
        ("ok", "ar-Latn"),
        ("o ش", "fr"),  # both scripts
        ("Привет", "fr"),
        ("پنیر", "ar"),  # Persian letters Arabic does not use
    )
    assert answers == ["und"] * 7


def test_emoji_numbers_and_links_alone_stay_und_whatever_is_declared():
    # Nothing in them to check the declaration against; Mastodon and Bluesky often send the
    # client's default language rather than the post's.
    answers = labels(
        ("👍👍", "fr"),
        ("😂", "en"),
        ("2024", "fr"),
        ("https://example.com/article", "fr"),
        ("@karim #AtlasTelecom", "fr"),
        ("", "fr"),
    )
    assert answers == ["und"] * 6


def test_a_post_in_another_language_is_not_relabelled_by_its_source():
    # Two words and more that lingua places in Spanish or German: that is evidence, not too little.
    assert labels(
        ("¿Dónde está la estación de tren más cercana?", "fr"),
        ("Das Wetter ist heute wirklich schön und warm.", "en"),
        ("این یک متن کوتاه به زبان فارسی است", "ar"),
    ) == ["und", "und", "und"]


def test_the_detector_wins_whenever_it_has_an_answer():
    english = "The delivery was late again and nobody answers the phone."
    assert labels(
        (english, "fr"),
        ("Merci pour votre réponse rapide, le colis est bien arrivé.", "en"),
        ("wach nta mzyan a khoya?", "fr"),
        (LONG_MSA, "fr"),
    ) == ["en", "fr", "ary-Latn", "ar"]


def test_a_declaration_never_chooses_between_darija_and_other_arabic():
    assert detect_language(LONG_DARIJA) == "ary"
    assert detect_language(LONG_MSA) == "ar"
    weighed = labels((LONG_DARIJA, "ar"), (LONG_DARIJA, "ar-MA"), (LONG_MSA, "ary"))
    assert weighed == ["ary", "ary", "ar"]


def test_declarations_are_weighed_text_by_text_in_a_batch():
    pairs = [("ok 👍", "fr"), ("ok 👍", ""), (LONG_DARIJA, "ar"), ("ok 👍", "en")] * 50
    assert detect_languages_hinted(pairs) == ["fr", "und", "ary", "en"] * 50
