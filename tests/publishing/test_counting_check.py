"""`check` returns the object `majlis compose-check` prints, for every network."""

from __future__ import annotations

import json

import pytest

from majlis.publishing.rules import NETWORKS, check, over_by


def test_the_result_holds_the_contract_keys_in_order() -> None:
    assert list(check("threads", "Bonjour")) == ["network", "length", "limit", "ok"]


def test_bluesky_adds_bytes_and_facets() -> None:
    assert list(check("bluesky", "Bonjour")) == [
        "network",
        "length",
        "limit",
        "ok",
        "bytes",
        "facets",
    ]


@pytest.mark.parametrize("network", list(NETWORKS))
def test_every_result_is_plain_json(network: str) -> None:
    result = check(network, "Salam 👋🏽 #Fès @amina.bsky.social https://example.ma")
    assert json.loads(json.dumps(result)) == result


def test_an_unknown_network_is_refused_with_the_known_ones_listed() -> None:
    with pytest.raises(ValueError, match="unknown network 'tiktok'") as refused:
        check("tiktok", "Bonjour")
    for network in ("x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "instagram"):
        assert network in str(refused.value)


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        check("mastodon", "Bonjour", limit=0)


def test_over_by_says_how_much_to_cut() -> None:
    assert over_by(check("x", "a" * 290)) == 10
    assert over_by(check("x", "a" * 20)) == 0


def test_an_empty_draft_is_within_every_limit() -> None:
    assert all(check(network, "")["ok"] for network in NETWORKS)
