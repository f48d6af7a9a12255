"""A user adds a feed and a site, writes queries in French and Arabic, and sees the matching
mentions arrive in the stream: deduplicated, with their language and sentiment."""

from __future__ import annotations

import pytest
from django.test import override_settings

from majlis.listening.models import Item, Mention, Query, Source
from tests.listening.http_server import Reply, serve

pytestmark = pytest.mark.usefixtures("fresh_clusters")

ARABIC_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>هسبريس تقنية</title><link>{base}/</link>
<item><title>انقطاع شبكة أطلس تيليكوم في الدار البيضاء</title><link>{base}/ar/1</link>
<pubDate>Thu, 19 Nov 2026 20:00:00 +0100</pubDate>
<description>اشتكى مشتركو أطلس تيليكوم من انقطاع الشبكة طوال المساء وبالخطوط الثابتة.</description></item>
<item><title>الطقس غدا</title><link>{base}/ar/2</link>
<pubDate>Thu, 19 Nov 2026 21:00:00 +0100</pubDate><description>أمطار متفرقة في الشمال.</description></item>
</channel></rss>"""

ARTICLE = """<html lang="fr"><head><title>Atlas Telecom baisse ses prix</title>
<meta name="author" content="Nadia Alaoui"></head><body><article><h1>Atlas Telecom baisse ses prix</h1>
<p>L'opérateur Atlas Telecom annonce une baisse de ses forfaits fibre dès lundi, une excellente
nouvelle pour les familles de Casablanca et de Rabat qui attendaient cette offre depuis longtemps.</p>
<p>Les clients actuels en profiteront automatiquement, sans démarche à faire en agence.</p>
</article></body></html>"""

HOME = """<html><body><h1>Actu</h1>
<a href="/2026/11/atlas-telecom-baisse-ses-prix">Atlas Telecom baisse ses prix</a>
<a href="/about">À propos</a></body></html>"""


@pytest.fixture
def site():
    with serve() as server:
        base = server.base_url
        server.route(
            "/rss.xml", Reply(ARABIC_FEED.format(base=base), content_type="application/rss+xml")
        )
        server.route("/", Reply(HOME, content_type="text/html; charset=utf-8"))
        server.route(
            "/2026/11/atlas-telecom-baisse-ses-prix",
            Reply(ARTICLE, content_type="text/html; charset=utf-8"),
        )
        server.route("/robots.txt", Reply("User-agent: *\nAllow: /\n"))
        yield server


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_feed_and_a_site_bring_mentions_in_french_and_arabic(
    login, team, site, django_capture_on_commit_callbacks
):
    client = login("manager")
    slug = team.workspace.slug
    for name, text in [("Marque FR", '"atlas telecom"'), ("Marque AR", '"أطلس تيليكوم" OR الخطوط')]:
        client.post(
            f"/fr/w/{slug}/queries/new/",
            {"name": name, "group": "brand", "text": text, "active": "on"},
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fr/w/{slug}/sources/",
            {"kind": "feed", "url": f"{site.base_url}/rss.xml", "interval_minutes": 30},
        )
        client.post(
            f"/fr/w/{slug}/sources/",
            {"kind": "web", "url": f"{site.base_url}/", "interval_minutes": 30},
        )

    mentions = Mention.objects.filter(workspace=team.workspace).select_related("item")
    found = {m.item.url: m for m in mentions}
    assert set(found) == {
        f"{site.base_url}/ar/1",
        f"{site.base_url}/2026/11/atlas-telecom-baisse-ses-prix",
    }
    arabic = found[f"{site.base_url}/ar/1"]
    assert arabic.item.lang == "ar"
    assert [q.name for q in arabic.queries.all()] == ["Marque AR"]
    assert arabic.sentiment in {"negative", "neutral", "positive"}
    assert 0 <= arabic.sentiment_score <= 1
    french = found[f"{site.base_url}/2026/11/atlas-telecom-baisse-ses-prix"]
    assert french.item.lang == "fr"
    assert french.item.author == "Nadia Alaoui"

    stream = client.get(f"/fr/w/{slug}/mentions/?lang=ar").content.decode()
    assert "انقطاع شبكة أطلس تيليكوم" in stream
    assert "baisse ses prix" not in stream
    for source in Source.objects.all():
        assert (source.healthy, source.last_error) == (True, "")


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_the_same_story_from_two_sources_is_stored_once(
    team, site, django_capture_on_commit_callbacks
):
    from majlis.listening.scheduling import fetch_now

    Query.objects.create(workspace=team.workspace, name="AR", text="أطلس")
    with django_capture_on_commit_callbacks(execute=True):
        for path in ("/rss.xml", "/rss.xml?copy=1"):
            source = Source.objects.create(
                workspace=team.workspace, kind="feed", url=f"{site.base_url}{path}"
            )
            fetch_now(source)
    assert Item.objects.filter(url=f"{site.base_url}/ar/1").count() == 1
    assert Mention.objects.count() == 1


def test_a_hostile_source_is_marked_unhealthy_and_disturbs_nothing(
    team, site, django_capture_on_commit_callbacks
):
    from majlis.listening.scheduling import fetch_now

    # Private addresses are refused by default: the loopback feed is a stand-in for an
    # intranet address an attacker would like Majlis to read.
    source = Source.objects.create(
        workspace=team.workspace, kind="feed", url=f"{site.base_url}/rss.xml"
    )
    with django_capture_on_commit_callbacks(execute=True):
        fetch_now(source)
    source.refresh_from_db()
    assert not source.healthy
    assert source.last_error == (
        "127.0.0.1 resolves to a private address; Majlis only reads public addresses unless an "
        "operator allows private ones."
    )
    assert site.requests == []
    assert source.next_fetch_at is not None


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_broken_feed_says_why_in_words(team, site, django_capture_on_commit_callbacks):
    from majlis.listening.scheduling import fetch_now

    site.route("/bomb.xml", Reply.file("billion_laughs.xml", "application/rss+xml"))
    source = Source.objects.create(
        workspace=team.workspace, kind="feed", url=f"{site.base_url}/bomb.xml"
    )
    with django_capture_on_commit_callbacks(execute=True):
        fetch_now(source)
    source.refresh_from_db()
    assert source.consecutive_errors == 1
    assert source.last_error
    assert not Item.objects.exists()


def test_due_sources_are_claimed_once_however_many_schedulers_look(team):
    from django.utils import timezone

    from majlis.core.models import Job
    from majlis.listening.scheduling import enqueue_due_sources

    Source.objects.create(
        workspace=team.workspace,
        kind="feed",
        url="https://news.example.ma/rss",
        next_fetch_at=timezone.now(),
    )
    assert enqueue_due_sources() == 1
    assert enqueue_due_sources() == 0
    assert Job.objects.filter(kind="listening.fetch").count() == 1
