"""Adding a source by URL: only web addresses, each once, and bad input loses nothing."""

from __future__ import annotations

import pytest

from majlis.listening.models import Source


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
    response = login("manager").post(
        f"/en/w/{team.workspace.slug}/sources/",
        {"kind": "feed", "url": url, "name": "x", "interval_minutes": 30},
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
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
