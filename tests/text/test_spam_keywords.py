"""The trades comment spam sells, recognized in English, French, Arabic and Darija."""

import pytest

from majlis.text.spam.keywords import find_keywords


def categories(text: str) -> set[str]:
    return {hit.category for hit in find_keywords(text)}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Best online casino with free spins", "gambling"),
        ("Le meilleur casino en ligne, machines à sous", "gambling"),
        ("أفضل كازينو في المغرب", "gambling"),
        ("مواقع المراهنات الرياضية", "gambling"),
        ("rbe7 f casino daba", "gambling"),
        ("Buy cialis without prescription", "pharma"),
        ("Viagra sans ordonnance", "pharma"),
        ("حبوب سايتوتك للبيع", "pharma"),
        ("Gagner de l'argent en ligne, revenu passif", "money"),
        ("ربح المال من الانترنت", "money"),
        ("rbe7 lflouss mn dar", "money"),
        ("Rencontre coquine ce soir", "adult"),
        ("افلام سكس", "adult"),
        ("Buy followers and backlinks cheap", "seo"),
        ("زيادة متابعين انستقرام", "seo"),
        ("Abonnez-vous à ma chaîne", "promo"),
        ("اشتركوا في قناتي", "promo"),
    ],
)
def test_each_trade_is_recognized(text, category):
    assert category in categories(text)


def test_an_arabic_keyword_is_found_behind_proclitics():
    assert "gambling" in categories("وبالكازينو تربح")
    assert "gambling" in categories("للقمار")


def test_digits_standing_for_letters_do_not_hide_a_keyword():
    assert "pharma" in categories("Achetez du V1AGRA ici")
    assert "gambling" in categories("le meilleur c4s1no")


def test_accents_and_case_do_not_matter():
    assert "gambling" in categories("MACHINES À SOUS")


@pytest.mark.parametrize(
    "text",
    [
        "Merci pour la livraison rapide, tout est parfait.",
        "الحمد لله رب العالمين، الخدمة ممتازة",
        "سبحان الباري",  # the Creator: not the Darija word for betting
        "Lkhedma zwina bzaf, choukran",
        "Ford Escort de 1995 à vendre",
    ],
)
def test_ordinary_words_are_not_spam_keywords(text):
    assert categories(text) == set()
