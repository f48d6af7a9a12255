"""The LinkedIn connector against the versioned REST API on loopback."""

from __future__ import annotations

import pytest

from majlis.publishing import accounts
from majlis.publishing.connectors.base import Outgoing, PermanentError
from majlis.publishing.connectors.linkedin import LinkedIn
from majlis.publishing.http import client
from majlis.publishing.models import NetworkAccount
from tests.publishing.fakes import linkedin as fake
from tests.publishing.fakes.linkedin import FakeLinkedIn


@pytest.fixture
def server():
    api = FakeLinkedIn().start()
    yield api
    api.stop()


@pytest.fixture
def account(team, server):
    made = accounts.connect(
        team.workspace,
        "linkedin",
        "Atlas sur LinkedIn",
        {
            "base_url": server.url,
            "remote_id": fake.ORGANIZATION,
            "access_token": fake.TOKEN,
            "refresh_token": fake.REFRESH,
            "client_id": "app",
            "client_secret": "s3cret",
        },
        team.owner,
    )
    made.options = {"token_url": f"{server.url}/oauth/v2/accessToken"}
    made.save()
    return made


def publish(account, text):
    with client() as http:
        return LinkedIn(http).publish(Outgoing(parts=(text,)), accounts.view_of(account), "k")


def test_a_post_goes_out_as_escaped_little_text_with_hashtags_kept(server, account):
    ref = publish(account, "Prix (HT) : 99 DH #Fibre")
    post = server.posts[ref.remote_id]
    assert post["commentary"] == "Prix \\(HT\\) : 99 DH {hashtag|#|Fibre}"
    assert (post["visibility"], post["lifecycleState"]) == ("PUBLIC", "PUBLISHED")
    assert ref.url == f"https://www.linkedin.com/feed/update/{ref.remote_id}/"
    assert server.seen("POST", "/rest/posts")[0].headers["x-restli-protocol-version"] == "2.0.0"


def test_an_expired_token_is_refreshed_and_the_post_goes_out(server, account):
    server.expired.add(fake.TOKEN)
    publish(account, "Bonjour")
    assert len(server.posts) == 1
    assert (
        NetworkAccount.objects.get(pk=account.pk)
        .credentials()["access_token"]
        .startswith("AQV-new-")
    )


def test_without_a_refresh_token_an_expired_token_fails_with_linkedins_message(server, account):
    account.set_credentials({**account.credentials(), "refresh_token": ""})
    account.save()
    server.expired.add(fake.TOKEN)
    with pytest.raises(PermanentError, match="The token used in the request has expired"):
        publish(account, "Bonjour")


def test_a_post_already_sent_is_found_by_its_text(server, account):
    first = publish(account, "Une fois #Maroc")
    with client() as http:
        found = LinkedIn(http).find_existing(
            Outgoing(parts=("Une fois #Maroc",)), accounts.view_of(account)
        )
    assert found == first
