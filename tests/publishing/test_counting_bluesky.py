"""Bluesky limits graphemes and bytes, and wants links, tags and mentions as byte-range facets."""

from __future__ import annotations

from majlis.publishing.rules import check, detect_facets, resolve_mentions


def test_a_post_reports_graphemes_bytes_and_no_facets_when_there_are_none() -> None:
    assert check("bluesky", "Salut 👋🏽") == {
        "network": "bluesky",
        "length": 7,
        "limit": 300,
        "ok": True,
        "bytes": 14,
        "facets": [],
    }


def test_a_link_after_arabic_and_emoji_gets_utf8_byte_offsets() -> None:
    # Five Arabic letters of 2 bytes, a space, a 4-byte emoji and a space: the link starts at 16.
    assert detect_facets("مرحبا 👋 https://example.org/fr") == [
        {
            "index": {"byteStart": 16, "byteEnd": 38},
            "features": [
                {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/fr"}
            ],
        }
    ]


def test_a_bare_domain_with_a_known_tld_becomes_an_https_link_without_its_full_stop() -> None:
    [facet] = detect_facets("Infos sur maroc.ma.")
    assert facet["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://maroc.ma"}
    ]
    assert facet["index"] == {"byteStart": 10, "byteEnd": 18}


def test_a_dotted_word_without_a_known_tld_is_not_a_link() -> None:
    assert detect_facets("version 2.0 du fichier notes.txtx") == []


def test_a_closing_parenthesis_is_left_out_unless_the_link_opened_one() -> None:
    [plain] = detect_facets("(voir https://example.org/page)")
    assert plain["features"][0]["uri"] == "https://example.org/page"
    [wiki] = detect_facets("https://fr.wikipedia.org/wiki/Fès_(ville)")
    assert wiki["features"][0]["uri"] == "https://fr.wikipedia.org/wiki/Fès_(ville)"


def test_an_arabic_hashtag_is_a_tag_facet_over_its_bytes() -> None:
    # The flag is two 4-byte code points; `#` is 1 byte and each Arabic letter 2.
    [facet] = detect_facets("🇲🇦 #المغرب!")
    assert facet == {
        "index": {"byteStart": 9, "byteEnd": 22},
        "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "المغرب"}],
    }


def test_an_all_digit_hashtag_is_not_a_tag() -> None:
    assert detect_facets("On the #2030 bus") == []


def test_a_hashtag_of_more_than_64_graphemes_is_not_a_tag() -> None:
    assert detect_facets("#" + "a" * 65) == []
    assert len(detect_facets("#" + "é" * 64)) == 1


def test_a_mention_keeps_its_handle_for_resolution_and_carries_no_did_yet() -> None:
    [facet] = detect_facets("Merci @amina.bsky.social !")
    assert facet == {
        "index": {"byteStart": 6, "byteEnd": 24},
        "features": [{"$type": "app.bsky.richtext.facet#mention", "handle": "amina.bsky.social"}],
    }


def test_a_word_after_an_at_sign_without_a_known_tld_is_not_a_mention() -> None:
    assert detect_facets("@amina et @nobody.invalidtld") == []


def test_resolving_mentions_sets_dids_and_drops_handles_that_do_not_resolve() -> None:
    facets = detect_facets("@amina.bsky.social et @ghost.bsky.social https://example.org")
    dids = {"amina.bsky.social": "did:plc:amina"}
    resolved = resolve_mentions(facets, dids.get)
    assert [facet["features"] for facet in resolved] == [
        [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:amina"}],
        [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org"}],
    ]


def test_facets_come_in_text_order() -> None:
    facets = detect_facets("#Fès @amina.bsky.social maroc.ma")
    assert [facet["index"]["byteStart"] for facet in facets] == [0, 6, 25]


def test_300_graphemes_fit_and_301_do_not() -> None:
    assert check("bluesky", "é" * 300)["ok"] is True
    assert check("bluesky", "é" * 301)["ok"] is False


def test_a_post_under_300_graphemes_can_still_be_over_3000_bytes() -> None:
    family = "👨\u200d👩\u200d👧\u200d👦"  # one grapheme, 25 bytes
    result = check("bluesky", family * 200)
    assert (result["length"], result["bytes"], result["ok"]) == (200, 5000, False)
    assert result["problems"] == [{"rule": "bytes", "count": 5000, "limit": 3000}]
