"""The webhook connector: a signed JSON POST whose Idempotency-Key a receiver can trust."""

from __future__ import annotations

import pytest

from majlis.publishing import accounts
from majlis.publishing.connectors.base import MediaFile, Outgoing, PermanentError
from majlis.publishing.connectors.webhook import Webhook
from majlis.publishing.http import client
from tests.publishing.fakes.webhook import FakeWebhook


@pytest.fixture
def receiver():
    server = FakeWebhook(secret="partage-secret").start()
    yield server
    server.stop()


@pytest.fixture
def account(team, receiver):
    return accounts.connect(
        team.workspace,
        "webhook",
        "Site",
        {"base_url": receiver.url + "/hook", "signing_secret": "partage-secret"},
        team.owner,
    )


def send(account, key="k-1"):
    image = MediaFile("image/png", "Le logo", "https://majlis.example.org/m/abc", lambda: b"")
    with client() as http:
        return Webhook(http).publish(
            Outgoing(parts=("Bonjour مرحبا",), media=(image,), lang="fr"),
            accounts.view_of(account),
            key,
        )


def test_the_post_arrives_signed_and_the_receivers_address_comes_back(receiver, account):
    ref = send(account)
    [delivery] = receiver.deliveries.values()
    assert delivery["payload"]["text"] == "Bonjour مرحبا"
    assert delivery["payload"]["media"] == [
        {"url": "https://majlis.example.org/m/abc", "alt": "Le logo", "content_type": "image/png"}
    ]
    assert ref.url == delivery["url"]


def test_a_retry_with_the_same_key_is_one_delivery(receiver, account):
    assert send(account, "same") == send(account, "same")
    assert len(receiver.deliveries) == 1


def test_a_wrong_signature_is_refused_in_the_receivers_words(receiver, account):
    receiver.secret = "un-autre-secret"
    with pytest.raises(PermanentError, match="bad signature"):
        send(account)
