"""Long drafts become threads whose every post fits, cut where a reader would cut."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.publishing.rules import check, split_thread
from majlis.publishing.rules.urls import find_urls

FRENCH = (
    "Le festival des musiques sacrées de Fès revient cette année avec une programmation "
    "exceptionnelle. Plus de quarante concerts sont prévus dans la médina, au Bab Al Makina et "
    "au jardin Jnan Sbil. Les billets sont en vente sur "
    "https://www.fesfestival.com/billetterie/2025/programme-complet?lang=fr dès aujourd'hui."
)
ARABIC = (
    "مهرجان فاس للموسيقى العريقة يعود هذا العام ببرنامج استثنائي. أكثر من أربعين حفلا في "
    "المدينة القديمة؟ نعم! التذاكر متوفرة ابتداء من اليوم على الموقع الرسمي 🎶🇲🇦"
)
COUNTER = regex.compile(r" (\d+)/(\d+)$")


def test_a_draft_that_fits_stays_one_post_without_a_counter() -> None:
    assert split_thread("x", "  Bonjour Fès !  ") == ["Bonjour Fès !"]


def test_every_post_fits_with_its_counter_counted() -> None:
    for network, limit in [("x", None), ("bluesky", 120), ("mastodon", 150), ("threads", 100)]:
        posts = split_thread(network, f"{FRENCH}\n\n{ARABIC}", limit)
        assert len(posts) > 1
        assert all(check(network, post, limit)["ok"] for post in posts), network


def test_posts_are_numbered_one_of_n() -> None:
    posts = split_thread("bluesky", f"{FRENCH}\n\n{ARABIC}", 120)
    counters = [COUNTER.search(post) for post in posts]
    assert [(int(c[1]), int(c[2])) for c in counters if c] == [
        (number, len(posts)) for number in range(1, len(posts) + 1)
    ]


def test_nothing_is_lost_or_reordered() -> None:
    text = f"{FRENCH}\n\n{ARABIC}"
    posts = split_thread("threads", text, 100)
    assert " ".join(COUNTER.sub("", post) for post in posts).split() == text.split()


def test_posts_end_at_sentences_when_they_can() -> None:
    posts = split_thread("bluesky", FRENCH, 120)
    assert COUNTER.sub("", posts[0]).endswith("exceptionnelle.")
    assert COUNTER.sub("", posts[1]).endswith("Jnan Sbil.")


def test_an_arabic_question_mark_ends_a_sentence() -> None:
    posts = split_thread("mastodon", "هل تعرفون مهرجان فاس؟ " + "يعود هذا العام " * 5, 40)
    assert COUNTER.sub("", posts[0]) == "هل تعرفون مهرجان فاس؟"


def test_a_link_is_never_cut_when_it_fits_in_a_post() -> None:
    posts = split_thread("bluesky", FRENCH, 120)
    link = "https://www.fesfestival.com/billetterie/2025/programme-complet?lang=fr"
    assert any(link in post for post in posts)


def test_a_link_longer_than_a_post_is_cut_between_characters_as_a_last_resort() -> None:
    link = "https://example.org/" + "a" * 400
    posts = split_thread("bluesky", link)
    assert "".join(COUNTER.sub("", post) for post in posts) == link
    assert all(check("bluesky", post)["ok"] for post in posts)


def test_a_flag_or_a_family_emoji_is_never_cut_in_half() -> None:
    text = "🇲🇦" * 400
    posts = split_thread("threads", text)
    assert all(COUNTER.sub("", post) == "🇲🇦" * (len(COUNTER.sub("", post)) // 2) for post in posts)


def test_on_x_a_long_link_only_takes_23_so_more_text_fits_around_it() -> None:
    text = " ".join(["mot"] * 60 + ["https://example.org/" + "a" * 200] + ["mot"] * 60)
    for post in split_thread("x", text):
        assert check("x", post)["ok"]
        assert len(find_urls(post)) <= 1


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "Fès",
                "مرحبا",
                "👨\u200d👩\u200d👧",
                "🇲🇦",
                "https://example.org/page",
                "maroc.ma",
                "@amina@mastodon.social",
                "#المغرب",
                "bonjour.",
                "نعم؟",
                "\n\n",
                "é" * 30,
            ]
        ),
        min_size=1,
        max_size=120,
    ),
    network=st.sampled_from(["x", "mastodon", "bluesky", "threads"]),
    limit=st.integers(min_value=40, max_value=300),
)
def test_any_draft_splits_into_posts_that_fit_and_keep_every_word(
    words: list[str], network: str, limit: int
) -> None:
    text = " ".join(words)
    posts = split_thread(network, text, limit)
    assert all(check(network, post, limit)["ok"] for post in posts)
    assert " ".join(COUNTER.sub("", post) for post in posts).split() == text.split()
