"""Mastodon counts characters as readers see them, with links and remote mentions discounted."""

from __future__ import annotations

from majlis.publishing.rules import check, instance_limit


def mastodon_length(text: str) -> int:
    return check("mastodon", text)["length"]


def test_plain_text_counts_one_per_character() -> None:
    assert mastodon_length("hello world") == 11


def test_a_link_with_a_scheme_counts_23_whatever_its_length() -> None:
    assert mastodon_length("see https://example.com/a/very/long/path/to/an/article.html here") == 32


def test_a_bare_domain_counts_in_full_because_the_server_only_discounts_http_links() -> None:
    assert mastodon_length("see example.com here") == 20


def test_a_remote_mention_counts_as_its_local_part() -> None:
    assert mastodon_length("hi @amina@mastodon.social") == len("hi @amina")


def test_a_local_mention_counts_as_written() -> None:
    assert mastodon_length("hi @amina") == 9


def test_an_email_address_is_not_a_mention() -> None:
    assert mastodon_length("mail amina@example.org") == len("mail amina@example.org")


def test_a_mention_inside_a_link_is_part_of_the_link() -> None:
    assert mastodon_length("https://example.com/@arnt@example.org") == 23


def test_an_emoji_with_a_skin_tone_and_a_flag_are_one_character_each() -> None:
    assert mastodon_length("Salut 👋🏽 🇲🇦") == 9


def test_arabic_with_diacritics_counts_letters_with_their_marks() -> None:
    assert mastodon_length("مَرْحَبًا") == 5


def test_the_default_limit_is_500_and_an_instance_limit_replaces_it() -> None:
    assert check("mastodon", "a" * 501)["ok"] is False
    assert check("mastodon", "a" * 501, limit=5000) == {
        "network": "mastodon",
        "length": 501,
        "limit": 5000,
        "ok": True,
    }


def test_the_instance_limit_is_read_from_the_v2_instance_document() -> None:
    document = {"domain": "piaille.fr", "configuration": {"statuses": {"max_characters": 5000}}}
    assert instance_limit(document) == 5000


def test_pleroma_style_documents_give_their_limit_too() -> None:
    assert instance_limit({"max_toot_chars": 2000}) == 2000


def test_a_document_without_a_usable_limit_gives_mastodons_default() -> None:
    assert instance_limit({}) == 500
    assert instance_limit({"configuration": {"statuses": {"max_characters": "lots"}}}) == 500
