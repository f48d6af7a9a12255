"""The sources page tells the truth about each source: when it is read next, how many new
items it brings a day, and why a home page whose feed is already a source is paused."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from majlis.listening.models import Item, Source
from majlis.listening.scheduling import enqueue_due_sources
from tests.listening.http_server import Reply, serve

pytestmark = pytest.mark.usefixtures("fresh_clusters")

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hespress FR</title><link>{base}/</link>
<item><title>Atlas Telecom baisse ses prix</title><link>{base}/a/1</link>
<pubDate>Thu, 19 Nov 2026 20:00:00 +0100</pubDate><description>Une baisse des forfaits.</description></item>
<item><title>Panne Atlas Telecom</title><link>{base}/a/2</link>
<pubDate>Thu, 19 Nov 2026 21:00:00 +0100</pubDate><description>Le réseau tombe à Fès.</description></item>
</channel></rss>"""
HOME = """<html><head><title>Hespress</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Bienvenue</body></html>"""


@pytest.fixture
def site():
    with serve() as server:
        server.route(
            "/rss.xml", Reply(FEED.format(base=server.base_url), content_type="application/rss+xml")
        )
        server.route("/", Reply(HOME, content_type="text/html; charset=utf-8"))
        yield server


def add(client, team, url, capture):
    with capture(execute=True):
        return client.post(
            f"/fr/w/{team.workspace.slug}/sources/",
            {"kind": "feed", "url": url, "name": "", "interval_minutes": 30},
        )


def page(client, team):
    return client.get(f"/fr/w/{team.workspace.slug}/sources/").content.decode()


def next_fetch_shown(html):
    [shown] = re.findall(
        r'<time datetime="([^"]+)">[^<]*</time></td>\s*<td>[^<]*</td>\s*<td>', html
    )
    return datetime.fromisoformat(shown)


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_new_source_is_read_once_and_its_next_fetch_is_ahead(
    login, team, site, django_capture_on_commit_callbacks
):
    client = login("manager")
    add(client, team, f"{site.base_url}/rss.xml", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_due_sources() == 0
    assert site.hits("/rss.xml") == 1
    assert next_fetch_shown(page(client, team)) > timezone.now() + timedelta(minutes=29)


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_fetch_now_moves_the_next_fetch_on_whether_it_succeeds_or_fails(
    login, team, site, django_capture_on_commit_callbacks
):
    client = login("manager")
    add(client, team, f"{site.base_url}/rss.xml", django_capture_on_commit_callbacks)
    source = Source.objects.get()
    feed = site.routes["/rss.xml"]
    for answer in (Reply("en panne", status=500), feed):
        site.route("/rss.xml", answer)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/fr/w/{team.workspace.slug}/sources/{source.pk}/fetch/")
            assert enqueue_due_sources() == 0
        assert next_fetch_shown(page(client, team)) > timezone.now() + timedelta(minutes=29)
    assert site.hits("/rss.xml") == 3  # added, then fetched now twice: never once more


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_new_items_per_day_leave_out_items_read_again(
    login, team, site, django_capture_on_commit_callbacks
):
    client = login("manager")
    add(client, team, f"{site.base_url}/rss.xml", django_capture_on_commit_callbacks)
    source = Source.objects.get()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/fr/w/{team.workspace.slug}/sources/{source.pk}/fetch/")
    assert "Nouveaux éléments par jour (7 jours)" in page(client, team)
    assert re.search(r"</time></td>\s*<td>2</td>", page(client, team))

    # A week old, with the two items stored over that week: two items in seven days.
    Source.objects.update(created_at=timezone.now() - timedelta(days=30))
    Item.objects.update(created_at=timezone.now() - timedelta(days=3))
    assert re.search(r"</time></td>\s*<td>0,3</td>", page(client, team))


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_home_page_whose_feed_is_already_a_source_is_paused_with_the_reason(
    login, team, site, django_capture_on_commit_callbacks
):
    client = login("manager")
    Source.objects.create(
        workspace=team.workspace, kind="feed", name="Hespress", url=f"{site.base_url}/rss.xml"
    )
    add(client, team, f"{site.base_url}/", django_capture_on_commit_callbacks)

    home = Source.objects.get(url=f"{site.base_url}/")
    assert (home.active, home.next_fetch_at) == (False, None)
    html = page(client, team)
    assert "Le flux de ce site est déjà la source « Hespress »" in html
    assert "en pause" in html
    assert not Item.objects.filter(source=home).exists()
