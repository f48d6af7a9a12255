"""The Mastodon connector against a Mastodon-compatible server on loopback."""

from __future__ import annotations

import pytest

from majlis.publishing.accounts import view_of
from majlis.publishing.connectors.base import MediaFile, Outgoing, PermanentError, TransientError
from majlis.publishing.connectors.mastodon import Mastodon
from majlis.publishing.http import client
from tests.publishing.conftest import PNG


def publish(account, text="Bonjour de l'Atlas", key="key-1", **kwargs):
    with client() as http:
        return Mastodon(http).publish(Outgoing(parts=(text,), **kwargs), view_of(account), key)


def test_connecting_reads_the_account_and_the_instance_limit(mastodon, mastodon_account):
    assert mastodon_account.handle == "@atlas"
    assert mastodon_account.char_limit == 500


def test_a_post_comes_back_with_its_public_address(mastodon, mastodon_account):
    ref = publish(mastodon_account, "Nouvelle offre Fibre 🇲🇦 عرض جديد")
    assert ref.url == f"{mastodon.url}/@atlas/{ref.remote_id}"
    assert mastodon.texts[ref.remote_id] == "Nouvelle offre Fibre 🇲🇦 عرض جديد"
    assert mastodon.seen("POST", "/api/v1/statuses")[0].headers["idempotency-key"] == "key-1"


def test_the_same_key_twice_makes_one_status(mastodon, mastodon_account):
    first = publish(mastodon_account, key="same")
    second = publish(mastodon_account, key="same")
    assert first == second
    assert len(mastodon.statuses) == 1


def test_images_go_with_their_alt_text_even_when_the_server_processes_them(
    mastodon, mastodon_account, monkeypatch
):
    monkeypatch.setattr("majlis.publishing.connectors.mastodon.MEDIA_POLL_SECONDS", 0)
    mastodon.processing = True
    image = MediaFile(
        "image/png", "Le logo d'Atlas Telecom", "https://example.org/i.png", lambda: PNG
    )
    ref = publish(mastodon_account, media=(image,))
    attachment = mastodon.statuses[ref.remote_id]["media_attachments"][0]
    assert attachment["description"] == "Le logo d'Atlas Telecom"
    assert mastodon.seen("GET", f"/api/v1/media/{attachment['id']}")


def test_a_thread_is_a_chain_of_replies(mastodon, mastodon_account):
    with client() as http:
        ref = Mastodon(http).publish(
            Outgoing(parts=("Un 1/2", "Deux 2/2")), view_of(mastodon_account), "t"
        )
    second = next(s for s in mastodon.statuses.values() if s["id"] != ref.remote_id)
    assert second["in_reply_to_id"] == ref.remote_id


def test_a_refusal_carries_the_servers_own_words(mastodon, mastodon_account):
    mastodon.max_characters = 10
    with pytest.raises(PermanentError, match="Text character limit of 10 exceeded"):
        publish(mastodon_account, "Ce texte est bien trop long")


def test_an_invalid_token_is_a_permanent_error(mastodon, mastodon_account):
    mastodon.tokens.clear()
    with pytest.raises(PermanentError, match="The access token is invalid"):
        publish(mastodon_account)


def test_a_rate_limit_is_transient_and_says_when_to_come_back(mastodon, mastodon_account):
    mastodon.remaining = 0
    with pytest.raises(TransientError) as raised:
        publish(mastodon_account)
    assert 200 < raised.value.retry_after <= 300


def test_a_server_error_is_transient(mastodon, mastodon_account):
    mastodon.fail_next("POST", "/api/v1/statuses", 503, {"error": "Service Unavailable"})
    with pytest.raises(TransientError):
        publish(mastodon_account)
    assert mastodon.statuses == {}
