"""The X connector against API v2 on loopback."""

from __future__ import annotations

import pytest

from majlis.publishing import accounts
from majlis.publishing.connectors.base import MediaFile, Outgoing, PermanentError, TransientError
from majlis.publishing.connectors.x import X
from majlis.publishing.http import client
from majlis.publishing.models import NetworkAccount
from tests.publishing.fakes import x as fake
from tests.publishing.fakes.x import FakeX


@pytest.fixture
def server():
    api = FakeX().start()
    yield api
    api.stop()


@pytest.fixture
def account(team, server):
    return accounts.connect(
        team.workspace,
        "x",
        "Atlas sur X",
        {
            "base_url": server.url,
            "access_token": fake.TOKEN,
            "refresh_token": fake.REFRESH,
            "client_id": "app",
        },
        team.owner,
    )


def publish(account, *parts, media=()):
    with client() as http:
        return X(http).publish(Outgoing(parts=parts, media=media), accounts.view_of(account), "k")


def test_connecting_reads_the_username(account):
    assert account.handle == "@atlastelecom"


def test_a_post_comes_back_with_its_address(server, account):
    ref = publish(account, "Bonjour du Maroc 🇲🇦")
    assert server.tweets[ref.remote_id]["text"] == "Bonjour du Maroc 🇲🇦"
    assert ref.url == f"https://x.com/atlastelecom/status/{ref.remote_id}"


def test_images_carry_their_alt_text(server, account):
    image = MediaFile(
        "image/png", "Le logo d'Atlas", "https://example.org/i.png", lambda: b"\x89PNG"
    )
    ref = publish(account, "Logo", media=(image,))
    [media_id] = server.tweets[ref.remote_id]["media"]["media_ids"]
    assert server.media[media_id]["alt"] == "Le logo d'Atlas"


def test_a_thread_replies_to_the_previous_post(server, account):
    ref = publish(account, "Un 1/2", "Deux 2/2")
    second = next(t for t in server.tweets.values() if t["text"] == "Deux 2/2")
    assert second["reply"] == {"in_reply_to_tweet_id": ref.remote_id}


def test_an_expired_token_is_refreshed_once_and_kept(server, account):
    server.tokens.clear()
    publish(account, "Après renouvellement")
    assert len(server.tweets) == 1
    saved = NetworkAccount.objects.get(pk=account.pk).credentials()
    assert saved["access_token"].startswith("x-token-")
    assert saved["refresh_token"] != fake.REFRESH


def test_duplicate_content_is_refused_in_xs_words(server, account):
    publish(account, "Deux fois")
    with pytest.raises(PermanentError, match="duplicate content"):
        publish(account, "Deux fois")


def test_a_post_that_may_have_gone_out_is_found_before_sending_again(server, account):
    first = publish(account, "Voir https://atlas.ma/fibre")
    server.tweets[first.remote_id]["text"] = "Voir https://t.co/abc123"  # as X shows links
    with client() as http:
        found = X(http).find_existing(
            Outgoing(parts=("Voir https://atlas.ma/fibre",)), accounts.view_of(account)
        )
    assert found == first


def test_the_rate_limit_says_when_it_resets(server, account):
    server.remaining = 0
    with pytest.raises(TransientError) as raised:
        publish(account, "Trop tôt")
    assert 800 < raised.value.retry_after <= 900
