"""A comment in a writing system or language the site does not use."""

from majlis.text.spam import SpamInput, decide
from majlis.text.spam.language import blog_languages

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0"


def codes_for(content: str, blog_lang: str) -> set[str]:
    data = SpamInput(content=content, user_agent=BROWSER, blog_lang=blog_lang)
    return {r.code for r in decide(data).reasons}


def test_a_cyrillic_comment_on_a_french_site_is_foreign():
    assert "foreign_script" in codes_for("Отличная статья, спасибо автору за информацию", "fr")


def test_a_chinese_comment_on_an_arabic_site_is_foreign():
    assert "foreign_script" in codes_for("这是一个非常好的网站，我每天都来看看新的内容", "ar")


def test_arabic_on_a_french_moroccan_site_is_at_home():
    assert "foreign_script" not in codes_for("شكرا بزاف على هاد المقال، معلومات مفيدة بزاف", "fr")


def test_french_and_arabizi_on_an_arabic_site_are_at_home():
    found = codes_for("Merci pour l'article, c'est tres interessant et bien ecrit", "ar")

    assert not found & {"foreign_script", "language_mismatch"}


def test_arabic_on_an_english_only_site_is_foreign():
    assert "foreign_script" in codes_for("شكرا على هذا المقال المفيد جدا والمعلومات القيمة", "en")


def test_without_a_declared_language_nothing_is_foreign():
    assert not codes_for("Отличная статья, спасибо автору за информацию", "") & {
        "foreign_script",
        "language_mismatch",
    }


def test_akismet_language_lists_are_understood():
    assert blog_languages("en, fr_ca") == {"en", "fr"}
    assert blog_languages("ar-MA") == {"ar"}
