"""X counts a post's weight, not its characters (twitter-text v3).

The expected lengths restate cases of twitter-text's conformance suite (validate.yml,
WeightedTweetsWithDiscountedEmojiCounterTest and friends) alongside our own French and
Arabic drafts.
"""

from __future__ import annotations

import pytest

from majlis.publishing.rules import check

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


def x_length(text: str) -> int:
    return check("x", text)["length"]


@pytest.mark.parametrize(
    ("text", "length"),
    [
        pytest.param("This is a test.", 15, id="plain ASCII counts one per character"),
        pytest.param("Hi http://test.co", 26, id="a link counts 23"),
        pytest.param("http://test.co", 23, id="a lone link counts 23"),
        pytest.param("https://www.twitter.com/aloha " * 10, 240, id="ten links"),
        pytest.param("Test https://test.com test https://test.com test.com test", 86, id="links"),
        pytest.param("test.com", 23, id="a link without scheme counts 23 too"),
        pytest.param("ÁB", 2, id="a precomposed accent counts once"),
        pytest.param("A\u05e9\u05c1\u05bc", 4, id="NFC first: Hebrew points stay separate"),
        pytest.param("저찀쯿쿿", 8, id="Hangul weighs two"),
        pytest.param("😷" * 160, 320, id="each emoji weighs two"),
        pytest.param("😷👾😡🔥💩", 10, id="five emoji"),
        pytest.param(f"H🐱☺{FAMILY}", 7, id="a ZWJ family is one emoji"),
        pytest.param("🙋🏽👨\u200d🎤", 4, id="skin tone and ZWJ sequences are one emoji each"),
        pytest.param(FAMILY * 140, 280, id="140 families fill a post"),
        pytest.param(f"Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; {ENGLAND}", 34, id="tag flag"),
        pytest.param("Unicode 9.0 emoji: 🤠; 💃; 💃🏾", 29, id="Unicode 9 emoji"),
        pytest.param("\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069", 31, id="RTL marks"),
        pytest.param(
            "This is a tweet with general punctuation characters: "
            "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b"
            " ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷",
            110,
            id="typographic spaces and quotes weigh one",
        ),
        pytest.param(
            "randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com",
            68,
            id="a 64-letter label is not a domain, so not a link",
        ),
    ],
)
def test_x_counts_as_twitter_text_does(text: str, length: int) -> None:
    assert x_length(text) == length


def test_a_long_idn_host_is_not_a_link_so_it_counts_in_full() -> None:
    kana = "あいうえおかきくけこ"
    assert x_length(f"{kana * 12} http://{kana * 5}あいう.com") == 358
    assert x_length(f"{kana * 12} http://{kana * 5}あい.com") == 264


def test_a_post_of_280_is_accepted_and_281_is_refused() -> None:
    assert check("x", "a" * 280)["ok"] is True
    refused = check("x", "a" * 281)
    assert refused == {"network": "x", "length": 281, "limit": 280, "ok": False}


def test_a_long_wiki_link_in_a_french_post_only_costs_23() -> None:
    text = "Lisez l'article : https://fr.wikipedia.org/wiki/Festival_de_Fès_des_musiques_sacrées"
    assert x_length(text) == len("Lisez l'article : ") + 23


def test_arabic_letters_weigh_one_like_latin_ones() -> None:
    assert x_length("مرحبا بكم في المغرب") == 19


def test_flags_keycaps_and_presentation_selectors_count_as_one_emoji() -> None:
    assert x_length("🇲🇦") == 2
    assert x_length("1\ufe0f\u20e3") == 2
    assert x_length("©\ufe0f") == 2
    assert x_length("©") == 1


def test_characters_x_refuses_make_the_post_not_ok() -> None:
    result = check("x", "ABC\u202a\uffffABC\ufffe")
    assert result["length"] == 12
    assert result["ok"] is False
    assert result["problems"] == [{"rule": "invalid_characters", "count": 2, "limit": 0}]


def test_x_premium_accounts_can_pass_their_own_limit() -> None:
    assert check("x", "a" * 1000, limit=25000)["ok"] is True
