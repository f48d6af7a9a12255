"""Adding a source from the page: every kind Majlis listens to, each with the addresses its
connector reads, each address once, and bad input loses nothing."""

from __future__ import annotations

import pytest

from majlis.listening.models import Source


def add(client, team, **values):
    return client.post(
        f"/en/w/{team.workspace.slug}/sources/", {"interval_minutes": 30, "name": "x", **values}
    )


def test_every_kind_but_imported_files_can_be_chosen(login, team):
    page = login("manager").get(f"/en/w/{team.workspace.slug}/sources/").content.decode()
    for kind in ("feed", "web", "mastodon", "bluesky", "imap"):
        assert f'<option value="{kind}"' in page
    assert '<option value="import"' not in page


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/feed.xml",
        "https://user:secret@example.com/feed.xml",
        "not a url",
        "http://",
        "https://" + "a" * 2100 + ".com/",
    ],
)
def test_a_bad_source_address_is_refused_with_a_message(login, team, url):
    response = add(login("manager"), team, kind="feed", url=url)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("kind", "url", "message"),
    [
        ("feed", "javascript:alert(1)", "starts with http:// or https://"),
        ("web", "file:///etc/passwd", "starts with http:// or https://"),
        ("mastodon", "ftp://mastodon.social/tags/atlas", "starts with http:// or https://"),
        ("feed", "imaps://mail.example.ma/INBOX", "starts with http:// or https://"),
        ("imap", "https://mail.example.ma/INBOX", "starts with imaps://"),
        ("imap", "javascript:alert(1)", "starts with imaps://"),
        ("feed", "https://user:secret@example.com/feed.xml", "in their own fields"),
        ("imap", "imaps://veille:s3cret@mail.example.ma/INBOX", "in their own fields"),
        ("imap", "imaps://veille@mail.example.ma/INBOX", "in their own fields"),
        ("bluesky", "https://bsky.app/", "not a Bluesky search, hashtag or profile"),
        ("bluesky", "https://bsky.app/profile/atlas/post/3ksofficial1", "not a Bluesky search"),
        ("bluesky", "https://bsky.app/search?q=", "not a Bluesky search"),
        ("mastodon", "https://mastodon.social/about", "not a Mastodon hashtag or account"),
        ("imap", "imaps://mail.example.ma:99999/INBOX", "not a mailbox address"),
    ],
)
def test_each_kind_refuses_the_addresses_its_connector_cannot_read(login, team, kind, url, message):
    response = add(login("manager"), team, kind=kind, url=url, login="veille", password="abcd-efgh")
    assert message in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("kind", "url", "stored"),
    [
        ("feed", "news.example.ma/rss", "https://news.example.ma/rss"),
        ("web", "http://news.example.ma/", "http://news.example.ma/"),
        ("mastodon", "https://mastodon.social/tags/AtlasTelecom", None),
        ("mastodon", "https://mastodon.social/@atlastelecom", None),
        ("bluesky", "https://bsky.app/profile/atlastelecom.ma", None),
    ],
)
def test_each_kind_accepts_the_addresses_its_connector_reads(
    login, team, kind, url, stored, django_capture_on_commit_callbacks
):
    response = add(login("manager"), team, kind=kind, url=url)
    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.kind, source.url, source.credentials) == (kind, stored or url, "")


def test_imported_files_are_not_a_kind_the_page_adds(login, team):
    response = add(login("manager"), team, kind="import", url="https://example.com/export.csv")
    assert "Select a valid choice" in response.content.decode()
    assert not Source.objects.exists()


def test_the_same_address_twice_is_refused(login, team, django_capture_on_commit_callbacks):
    Source.objects.create(workspace=team.workspace, kind="feed", url="https://news.example.ma/rss")
    response = login("manager").post(
        f"/en/w/{team.workspace.slug}/sources/",
        {"kind": "feed", "url": "https://news.example.ma/rss", "interval_minutes": 30},
    )
    assert "already a source" in response.content.decode()
    assert Source.objects.count() == 1


def test_agents_cannot_add_sources(login, team):
    response = login("agent").post(
        f"/en/w/{team.workspace.slug}/sources/",
        {"kind": "feed", "url": "https://news.example.ma/rss", "interval_minutes": 30},
    )
    assert response.status_code == 403
    assert not Source.objects.exists()
