"""The workspace's own feed: publishing to it adds an entry to an Atom and an RSS document."""

from __future__ import annotations

from defusedxml import ElementTree as ET

from majlis.publishing.delivery import publish_due
from majlis.publishing.models import NetworkAccount
from tests.publishing.conftest import scheduled_post

ATOM = "{http://www.w3.org/2005/Atom}"


def test_published_posts_appear_in_the_feed_with_their_own_page(
    client, team, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://testserver"
    login_client = client
    login_client.force_login(team.owner)
    login_client.post(
        f"/en/w/{team.workspace.slug}/accounts/connect/feed/", {"name": "Actualités Atlas"}
    )
    feed = NetworkAccount.objects.get(network="feed")
    scheduled_post(team, [feed], text="Nos boutiques ouvrent à 21h pendant Ramadan\nرمضان كريم")
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    client.logout()

    atom = ET.fromstring(client.get(f"/feeds/{feed.remote_id}/atom.xml").content)
    [entry] = atom.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Nos boutiques ouvrent à 21h pendant Ramadan"
    link = entry.find(f"{ATOM}link").get("href")
    page = client.get(link.removeprefix("http://testserver"))
    assert "رمضان كريم" in page.content.decode()
    rss = ET.fromstring(client.get(f"/feeds/{feed.remote_id}/rss.xml").content)
    assert rss.find("channel/item/link").text == link


def test_an_unknown_feed_is_not_found(client, db):
    assert client.get("/feeds/nothere/atom.xml").status_code == 404
