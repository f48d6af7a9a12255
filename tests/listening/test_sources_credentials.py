"""Bluesky and mailbox sources with a login: given once on the sources page, kept encrypted,
handed to the connector, and never shown again."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from majlis.core.crypto import decrypt
from majlis.listening import clusters, scheduling
from majlis.listening.connectors import connector_for
from majlis.listening.connectors.bluesky import BlueskyConnector, forget_sessions
from majlis.listening.credentials import seal
from majlis.listening.models import Item, Mention, Query, Source
from tests.listening.http_server import ImapServer, Mail, Reply, fixture, self_signed, serve
from tests.listening.test_connector_bluesky import CREATE, JSON, SEARCH, session

APP_PASSWORD = "abcd-efgh-ijkl-mnop"
SEARCH_URL = "https://bsky.app/search?q=atlas"


def add(client, team, **values):
    return client.post(
        f"/en/w/{team.workspace.slug}/sources/", {"interval_minutes": 30, "name": "", **values}
    )


def sources_page(client, team):
    return client.get(f"/en/w/{team.workspace.slug}/sources/").content.decode()


@pytest.fixture(autouse=True)
def fresh_state():
    forget_sessions()  # Bluesky sessions are kept per process, and ports get reused
    clusters.reset()
    yield
    forget_sessions()
    clusters.reset()


@pytest.fixture
def bsky(monkeypatch):
    """A loopback PDS and AppView; Bluesky sources are read there instead of bsky.social."""
    with serve() as server:
        server.route(CREATE, session("access-1", "refresh-1"))
        server.route(SEARCH, Reply.file("bluesky_search.json", JSON))

        def loopback_connector(kind, secrets=None):
            assert kind == "bluesky"
            return BlueskyConnector(
                **(secrets or {}), service=server.base_url, appview=server.base_url
            )

        monkeypatch.setattr(scheduling, "connector_for", loopback_connector)
        yield server


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_bluesky_search_added_with_an_app_password_brings_its_mentions(
    login, team, bsky, django_capture_on_commit_callbacks
):
    """GIVEN a query on the brand
    WHEN a manager adds a Bluesky search with a handle and an app password
    THEN the credentials are stored encrypted, the connector signs in with them, and the
    matching posts arrive as mentions."""
    Query.objects.create(workspace=team.workspace, name="Marque", text='"atlas telecom"')
    with django_capture_on_commit_callbacks(execute=True):
        response = add(
            login("manager"),
            team,
            kind="bluesky",
            url=SEARCH_URL,
            login="@veille.atlas.ma",
            password=APP_PASSWORD,
        )
    assert response.status_code == 302

    source = Source.objects.get()
    assert APP_PASSWORD not in source.credentials
    assert "veille" not in source.credentials
    assert json.loads(decrypt(source.credentials)) == {
        "identifier": "veille.atlas.ma",
        "app_password": APP_PASSWORD,
    }
    assert json.loads(bsky.requests[0].body) == {
        "identifier": "veille.atlas.ma",
        "password": APP_PASSWORD,
    }
    assert bsky.requests[1].headers["authorization"] == "Bearer access-1"
    mention = Mention.objects.select_related("item").get(workspace=team.workspace)
    assert mention.item.text.startswith("Atlas Telecom en panne à Casa")
    source.refresh_from_db()
    assert (source.healthy, source.last_error) == (True, "")


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_mailbox_added_with_its_login_is_read(
    login, team, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    certificate = self_signed(tmp_path, "127.0.0.1")
    monkeypatch.setattr(
        "majlis.listening.connectors.imap.default_ssl_context", lambda: certificate.client
    )
    mails = [Mail(3, fixture("google_alert.eml"))]
    with (
        ImapServer(
            mails, username="veille", password="s3cret", implicit_tls=certificate.server
        ) as server,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = add(
            login("manager"),
            team,
            kind="imap",
            url=f"imaps://127.0.0.1:{server.port}/INBOX",
            login="veille",
            password="s3cret",
        )
    assert response.status_code == 302
    source = Source.objects.get()
    assert json.loads(decrypt(source.credentials)) == {"username": "veille", "password": "s3cret"}
    assert server.commands[1:3] == ["LOGIN", "EXAMINE"]  # the server took the login
    assert Item.objects.filter(
        url="https://www.medias24.example.ma/2024/05/03/atlas-telecom-resultats/"
    ).exists()
    source.refresh_from_db()
    assert (source.healthy, source.last_error) == (True, "")


def test_the_stored_credentials_are_what_the_connector_takes(login, team):
    add(login("manager"), team, kind="imap", url="mail.example.ma", login="veille", password="x")
    source = Source.objects.get()
    assert source.url == "imaps://mail.example.ma"
    reader = connector_for(source.kind, json.loads(decrypt(source.credentials)))
    assert (reader.username, reader.password) == ("veille", "x")  # type: ignore[attr-defined]


def test_the_password_is_never_shown_again(login, team):
    client = login("manager")
    add(
        client, team, kind="bluesky", url=SEARCH_URL, login="veille.atlas.ma", password=APP_PASSWORD
    )
    page = sources_page(client, team)
    assert "login: <bdi>veille.atlas.ma</bdi>" in page
    assert APP_PASSWORD not in page


def test_a_refused_form_does_not_echo_the_password(login, team):
    response = add(
        login("manager"),
        team,
        kind="bluesky",
        url="https://bsky.app/",
        login="veille.atlas.ma",
        password=APP_PASSWORD,
    )
    page = response.content.decode()
    assert "not a Bluesky search, hashtag or profile address" in page
    assert APP_PASSWORD not in page
    assert 'value="veille.atlas.ma"' in page  # the login is kept, to correct the address
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"login": "veille"}, "A mailbox needs its password."),
        ({"password": "s3cret"}, "A mailbox needs its login"),
        ({}, "A mailbox needs its login and password."),
    ],
)
def test_a_mailbox_without_its_login_and_password_is_refused(login, team, values, message):
    response = add(login("manager"), team, kind="imap", url="imaps://mail.example.ma/", **values)
    assert message in response.content.decode()
    assert not Source.objects.exists()


def test_a_bluesky_search_needs_an_account_but_a_profile_does_not(login, team):
    client = login("manager")
    response = add(client, team, kind="bluesky", url="https://bsky.app/hashtag/Maroc")
    assert "A Bluesky search needs an account" in response.content.decode()
    add(client, team, kind="bluesky", url="https://bsky.app/profile/atlastelecom.ma")
    assert Source.objects.get().credentials == ""


@pytest.mark.parametrize(
    ("kind", "url", "values", "message"),
    [
        (
            "imap",
            "imaps://mail.example.ma/INBOX",
            {"login": "v" * 5000, "password": "s3cret"},
            "Ensure this value has at most 254 characters (it has 5000).",
        ),
        (
            "imap",
            "imaps://mail.example.ma/INBOX",
            {"login": "veille", "password": "p" * 5000},
            "Ensure this value has at most 512 characters (it has 5000).",
        ),
        (
            "imap",
            "imaps://mail.example.ma/INBOX",
            {"login": "veille\r\nA2 DELETE INBOX", "password": "s3cret"},
            "Line breaks and control characters are not allowed here.",
        ),
        (
            "feed",
            "https://news.example.ma/rss",
            {"login": "veille", "password": "s3cret"},
            "This kind of source takes no login",
        ),
    ],
)
def test_a_hostile_or_useless_login_is_refused(login, team, kind, url, values, message):
    response = add(login("manager"), team, kind=kind, url=url, **values)
    assert message in response.content.decode()
    assert not Source.objects.exists()


def test_agents_cannot_add_a_source_with_a_login(login, team):
    response = add(
        login("agent"), team, kind="bluesky", url=SEARCH_URL, login="veille", password="x"
    )
    assert response.status_code == 403
    assert not Source.objects.exists()


def test_a_manager_replaces_the_login_of_a_source(login, team, django_capture_on_commit_callbacks):
    client = login("manager")
    add(client, team, kind="imap", url="imaps://mail.example.ma/", login="veille", password="old")
    source = Source.objects.get()
    response = client.post(
        f"/en/w/{team.workspace.slug}/sources/{source.pk}/credentials/",
        {"login": "alertes", "password": "n3w-s3cret"},
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert json.loads(decrypt(source.credentials)) == {
        "username": "alertes",
        "password": "n3w-s3cret",
    }
    page = sources_page(client, team)
    assert "login: <bdi>alertes</bdi>" in page
    assert "n3w-s3cret" not in page


def test_a_replacement_without_password_is_refused_and_keeps_the_old_login(login, team):
    client = login("manager")
    add(client, team, kind="imap", url="imaps://mail.example.ma/", login="veille", password="old")
    source = Source.objects.get()
    before = source.credentials
    response = client.post(
        f"/en/w/{team.workspace.slug}/sources/{source.pk}/credentials/", {"login": "alertes"}
    )
    assert "A mailbox needs its password." in response.content.decode()
    source.refresh_from_db()
    assert source.credentials == before


def test_agents_cannot_replace_a_login(login, team):
    source = Source.objects.create(
        workspace=team.workspace, kind="imap", url="imaps://mail.example.ma/"
    )
    response = login("agent").post(
        f"/en/w/{team.workspace.slug}/sources/{source.pk}/credentials/",
        {"login": "intrus", "password": "x"},
    )
    assert response.status_code == 403
    source.refresh_from_db()
    assert source.credentials == ""


def test_a_login_written_with_another_key_asks_to_be_given_again(login, team):
    with override_settings(SECRET_KEY="another-key-from-an-older-installation-0123456789"):
        sealed = seal("imap", "veille", "x")
    Source.objects.create(
        workspace=team.workspace, kind="imap", url="imaps://mail.example.ma/", credentials=sealed
    )
    assert "login unreadable: give it again" in sources_page(login("manager"), team)


def test_an_empty_replacement_signs_a_bluesky_profile_out(login, team):
    client = login("manager")
    add(
        client,
        team,
        kind="bluesky",
        url="https://bsky.app/profile/atlastelecom.ma",
        login="veille.atlas.ma",
        password=APP_PASSWORD,
    )
    source = Source.objects.get()
    assert source.credentials
    client.post(
        f"/en/w/{team.workspace.slug}/sources/{source.pk}/credentials/",
        {"login": "", "password": ""},
    )
    source.refresh_from_db()
    assert source.credentials == ""
    assert "login:" not in sources_page(client, team)
