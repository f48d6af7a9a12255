"""Threads, LinkedIn, Facebook and Instagram count graphemes, each with its own limit."""

from __future__ import annotations

import pytest

from majlis.publishing.rules import check, escape_little_text


@pytest.mark.parametrize(
    ("network", "limit"),
    [("threads", 500), ("linkedin", 3000), ("facebook", 63206), ("instagram", 2200)],
)
def test_each_network_accepts_its_limit_and_refuses_one_more(network: str, limit: int) -> None:
    assert check(network, "é" * limit)["ok"] is True
    assert check(network, "é" * (limit + 1))["ok"] is False


def test_a_link_counts_in_full_on_threads() -> None:
    assert check("threads", "https://example.org/programme")["length"] == 29


def test_emoji_sequences_count_as_one_character_on_linkedin() -> None:
    assert check("linkedin", "Bravo 👏🏾🇲🇦")["length"] == 8


def test_instagram_refuses_a_31st_hashtag() -> None:
    hashtags = " ".join(f"#maroc{number}" for number in range(31))
    result = check("instagram", hashtags)
    assert result["ok"] is False
    assert result["problems"] == [{"rule": "hashtags", "count": 31, "limit": 30}]


def test_instagram_accepts_30_hashtags_including_arabic_ones() -> None:
    hashtags = " ".join(["#المغرب"] * 15 + ["#maroc"] * 15)
    assert check("instagram", hashtags)["ok"] is True


def test_instagram_refuses_a_21st_mention_but_not_an_email_address() -> None:
    mentions = " ".join(f"@compte_{number}" for number in range(21))
    assert check("instagram", mentions)["problems"] == [
        {"rule": "mentions", "count": 21, "limit": 20}
    ]
    assert "problems" not in check("instagram", "Écrivez à contact@example.ma")


def test_little_text_escapes_every_reserved_character() -> None:
    assert escape_little_text("Prix (HT) : 10 € #promo @ONCF a_b *x* ~ <3 | {} [] \\") == (
        "Prix \\(HT\\) : 10 € \\#promo \\@ONCF a\\_b \\*x\\* \\~ \\<3 \\| \\{\\} \\[\\] \\\\"
    )


def test_little_text_leaves_arabic_and_emoji_alone() -> None:
    assert escape_little_text("مرحبا 👋") == "مرحبا 👋"


def test_little_text_can_keep_hashtags_as_linkedin_hashtags() -> None:
    assert escape_little_text("Vive #Fès et #المغرب (2025)", hashtags=True) == (
        "Vive {hashtag|#|Fès} et {hashtag|#|المغرب} \\(2025\\)"
    )
