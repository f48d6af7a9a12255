"""What a brand site sees from comment-check: the verdict, the discard hint, and the reasons."""

import math

import pytest

from majlis.text.spam import MESSAGES, SpamContext, SpamInput, decide

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"


def comment(content: str, **fields) -> SpamInput:
    return SpamInput(content=content, user_agent=BROWSER, **{"blog_lang": "fr", **fields})


def codes(decision) -> set[str]:
    return {r.code for r in decision.reasons}


def test_akismet_test_author_is_always_spam():
    decision = decide(comment("Très bon article.", author="viagra-test-123"))

    assert decision.is_spam
    assert "test_spam" in codes(decision)


def test_akismet_test_value_in_the_content_is_spam():
    assert decide(comment("viagra-test-123")).is_spam


def test_akismet_guaranteed_spam_email_is_always_spam():
    decision = decide(comment("Merci !", author_email="akismet-guaranteed-spam@example.com"))

    assert decision.is_spam


def test_administrators_are_never_spam_even_with_a_spam_test_value():
    decision = decide(comment("viagra-test-123 casino http://bit.ly/x", user_role="administrator"))

    assert not decision.is_spam
    assert not decision.blatant
    assert decision.score == 0.0
    assert [r.code for r in decision.reasons] == ["administrator"]


def test_a_filled_honeypot_is_blatant_spam_to_discard():
    decision = decide(comment("Bonjour, merci pour l'article.", honeypot_value="x"))

    assert decision.is_spam
    assert decision.blatant
    assert decision.reasons[0].code == "honeypot"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Great post, thanks for sharing. I tried the recipe and it worked."),
        (
            "fr",
            "Merci pour cet article, très utile. J'ai commandé hier et la livraison était rapide.",
        ),
        ("fr", "Bonjour, est-ce que le magasin de Casablanca est ouvert dimanche ? Merci"),
        ("ar", "شكرا على هذا المقال المفيد، الخدمة ممتازة"),
        ("ar", "الخدمة زوينة ولكن التوصيل تعطل شوية"),
        ("fr", "Lkhedma zwina walakin livraison t2khrat chwiya"),
        ("ar", "شوفو هاد الخبر https://www.hespress.com/economie/123.html"),
        ("fr", "J'ai joué au casino de Tanger une fois, la vue est belle."),
    ],
)
def test_ordinary_comments_are_not_spam(lang, text):
    decision = decide(comment(text, blog_lang=lang, author="Salma"))

    assert not decision.is_spam, decision.reasons
    assert decision.score < 0.5


@pytest.mark.parametrize(
    ("lang", "text", "expected_code"),
    [
        (
            "ar",
            "أفضل كازينو اون لاين في المغرب ✅ بونص 100% مع 1xbet "
            "https://1xbet-maroc.xyz/%D9%83%D8%A7%D8%B2%D9%8A%D9%86%D9%88",
            "kw_gambling",
        ),
        ("ar", "مواقع المراهنات الرياضية في المغرب، سجل الآن واحصل على بونص", "kw_gambling"),
        ("ar", "حبوب سايتوتك للبيع في الرياض واتساب 0501234567", "contact_offsite"),
        (
            "fr",
            "Achetez du viagra sans ordonnance, livraison rapide: http://bit.ly/3xYz",
            "kw_pharma",
        ),
        (
            "fr",
            "Casino en ligne fiable : bonus sans dépôt et tours gratuits, inscrivez-vous",
            "kw_gambling",
        ),
        (
            "fr",
            "Bghiti terbe7 lflouss? rbe7 f casino online daba: www.casino-maroc.bet",
            "spammy_link_host",
        ),
        ("en", "Check out my channel and subscribe!!! http://www.youtube.com/user/xyz", "kw_promo"),
    ],
)
def test_spam_in_every_language_is_caught_and_explained(lang, text, expected_code):
    decision = decide(comment(text, blog_lang=lang, author="Promo"))

    assert decision.is_spam, decision.reasons
    assert expected_code in codes(decision)


def test_injected_arabic_casino_spam_with_latin_brands_and_encoded_links_is_blatant():
    text = (
        "افضل مواقع كازينو اون لاين في المغرب و العاب القمار: 1xbet casino, melbet, free spins "
        "https://casino-maroc.xyz/%D9%83%D8%A7%D8%B2%D9%8A%D9%86%D9%88 "
        "https://bit.ly/3casino"
    )

    decision = decide(comment(text, blog_lang="ar"))

    assert decision.is_spam
    assert decision.blatant
    assert {"mixed_script_spam", "encoded_arabic_link", "shortened_link"} <= codes(decision)


def test_the_score_is_the_sum_of_the_reasons():
    decision = decide(
        comment("Gagner de l'argent facile: http://bit.ly/abc", author="Crypto King"),
        SpamContext(same_ip_last_hour=12),
    )

    total = sum(r.weight for r in decision.reasons)
    assert decision.score == pytest.approx(1 / (1 + math.exp(-total)), abs=1e-5)
    assert decision.is_spam == (total >= 0)


def test_reasons_come_strongest_first_with_their_fixed_message():
    decision = decide(comment("Casino en ligne, machines a sous: http://bit.ly/x"))

    weights = [r.weight for r in decision.reasons]
    assert weights == sorted(weights, reverse=True)
    for code, message, _weight in decision.reasons:
        assert MESSAGES[code] == message


def test_an_ordinary_comment_is_not_blatant_even_when_spammy():
    decision = decide(comment("Check out my channel please", blog_lang="en"))

    assert not decision.blatant
