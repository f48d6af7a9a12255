"""The issue's acceptance path, through the pages a team uses.

An owner connects the brand's Mastodon and Bluesky accounts; an agent composes one message in
French and Arabic, sees each network's count and preview, and sends it for approval; a manager
approves it for a time in the workspace's zone; when that time comes the post is published
once on each server, and its page shows where.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from majlis.publishing.delivery import publish_due
from majlis.publishing.models import NetworkAccount, Post, PostState
from tests.publishing.fakes import bluesky as fake_bluesky
from tests.publishing.fakes import mastodon as fake_mastodon

MESSAGE = (
    "Nouvelle offre Atlas Fibre : 200 Mb/s pour tout le Maroc 🇲🇦\n"
    "عرض جديد من أطلس: الألياف البصرية بسرعة 200 ميغابت في كل المغرب\n"
    "https://atlas.ma/fibre #AtlasFibre"
)


def test_a_message_in_french_and_arabic_is_approved_scheduled_and_published_once_on_each_network(
    team, login, mastodon, bluesky, django_capture_on_commit_callbacks
):
    slug = team.workspace.slug
    owner = login("owner")
    owner.post(
        f"/fr/w/{slug}/accounts/connect/mastodon/",
        {"name": "Atlas · Mastodon", "base_url": mastodon.url, "access_token": fake_mastodon.TOKEN},
    )
    owner.post(
        f"/fr/w/{slug}/accounts/connect/bluesky/",
        {
            "name": "Atlas · Bluesky",
            "base_url": bluesky.url,
            "identifier": fake_bluesky.HANDLE,
            "app_password": fake_bluesky.APP_PASSWORD,
        },
    )
    skeet, toot = NetworkAccount.objects.filter(workspace=team.workspace).order_by("network")
    assert (skeet.network, toot.network) == ("bluesky", "mastodon")

    agent = login("agent")
    composer = agent.get(f"/fr/w/{slug}/publishing/new/").content.decode()
    assert "Atlas · Mastodon" in composer
    assert "Atlas · Bluesky" in composer

    form = {"text": MESSAGE, "accounts": [toot.pk, skeet.pk], "lang": "fr"}
    preview = agent.post(
        f"/fr/w/{slug}/publishing/preview/", form, headers={"HX-Request": "true"}
    ).content.decode()
    # Mastodon counts the link as 23 characters; Bluesky counts it as written (22).
    assert "158 / 500" in preview
    assert "157 / 300" in preview
    assert preview.count('dir="auto"') == 2
    assert "عرض جديد من أطلس" in preview

    tomorrow = datetime.now(ZoneInfo("Africa/Casablanca")).date() + timedelta(days=1)
    saved = agent.post(
        f"/fr/w/{slug}/publishing/new/",
        {**form, "day": tomorrow.isoformat(), "at": "10:30", "action": "submit"},
    )
    post = Post.objects.get()
    assert saved["Location"] == f"/fr/w/{slug}/publishing/{post.pk}/"
    assert post.state == PostState.IN_REVIEW

    manager = login("manager")
    manager.post(f"/fr/w/{slug}/publishing/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED
    assert post.scheduled_at == _casablanca(tomorrow, time(10, 30))

    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due(now=post.scheduled_at - timedelta(minutes=1)) == 0
        assert publish_due(now=post.scheduled_at) == 1

    assert list(mastodon.texts.values()) == [MESSAGE]
    assert [p["text"] for p in bluesky.posts()] == [MESSAGE]
    [status] = mastodon.statuses.values()
    [record_uri] = [r["uri"] for r in bluesky.records.values()]
    page = login("agent").get(f"/fr/w/{slug}/publishing/{post.pk}/").content.decode()
    assert status["url"] in page
    assert (
        f"https://bsky.app/profile/atlas.bsky.social/post/{record_uri.rsplit('/', 1)[-1]}" in page
    )
    assert re.search(r'class="state published"', page)


def _casablanca(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo("Africa/Casablanca"))
