"""YouTube, Reddit and Google Alerts: services whose listening is a feed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from majlis.listening.connectors import FetchedItem, SourceState
from majlis.listening.connectors.feed import (
    FeedConnector,
    reddit_search_feed_url,
    youtube_feed_url,
)
from majlis.listening.connectors.links import unwrap_google_redirect
from majlis.listening.fetch import FetchOptions
from tests.listening.http_server import LoopbackServer, Reply, serve

OPTIONS = FetchOptions(allow_private=True, timeout=2.0)
FEED = "https://www.youtube.com/feeds/videos.xml"


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("https://www.youtube.com/channel/UCatlas123", f"{FEED}?channel_id=UCatlas123"),
        ("https://youtube.com/channel/UCatlas123/videos", f"{FEED}?channel_id=UCatlas123"),
        ("https://www.youtube.com/playlist?list=PLfibre42", f"{FEED}?playlist_id=PLfibre42"),
        ("https://m.youtube.com/watch?v=abc&list=PLfibre42", f"{FEED}?playlist_id=PLfibre42"),
        ("https://www.youtube.com/user/AtlasTelecom", f"{FEED}?user=AtlasTelecom"),
    ],
)
def test_youtube_channel_and_playlist_pages_map_to_their_feed(page: str, feed: str) -> None:
    assert youtube_feed_url(page) == feed


@pytest.mark.parametrize(
    "page", ["https://www.youtube.com/@AtlasTelecom", "https://vimeo.com/channels/atlas"]
)
def test_pages_without_an_address_only_mapping_are_left_for_discovery(page: str) -> None:
    assert youtube_feed_url(page) == page


def test_a_reddit_search_is_a_feed_of_the_newest_posts() -> None:
    assert reddit_search_feed_url('"atlas telecom"') == (
        "https://www.reddit.com/search.rss?q=%22atlas+telecom%22&sort=new"
    )
    assert reddit_search_feed_url("fibre", subreddit="Morocco") == (
        "https://www.reddit.com/r/Morocco/search.rss?q=fibre&sort=new&restrict_sr=on"
    )


@pytest.mark.parametrize(
    ("link", "article"),
    [
        (
            "https://www.google.com/url?rct=j&sa=t&url=https://medias24.example.ma/a&ct=ga",
            "https://medias24.example.ma/a",
        ),
        ("https://www.google.co.ma/url?q=https://example.ma/b&sa=U", "https://example.ma/b"),
        (
            "https://www.google.com/url?url=javascript:alert(1)",
            "https://www.google.com/url?url=javascript:alert(1)",
        ),
        (
            "https://example.ma/url?url=https://elsewhere.com",
            "https://example.ma/url?url=https://elsewhere.com",
        ),
    ],
)
def test_google_redirect_links_are_unwrapped_to_the_article(link: str, article: str) -> None:
    assert unwrap_google_redirect(link) == article


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        yield server


def read(site: LoopbackServer, name: str) -> list[FetchedItem]:
    site.route("/feed", Reply.file(name, "application/atom+xml"))
    return FeedConnector().fetch(site.url("/feed"), SourceState(), OPTIONS).items


def test_a_youtube_video_is_an_item_with_its_description(site: LoopbackServer) -> None:
    [video] = read(site, "youtube_channel.xml")
    assert video.url == "https://www.youtube.com/watch?v=vid0001"
    assert video.text == "La fibre arrive à Fès : découvrez les nouvelles offres."
    assert video.author == "Atlas Telecom"


def test_a_reddit_search_result_is_an_item_with_its_post_text(site: LoopbackServer) -> None:
    [post] = read(site, "reddit_search.xml")
    assert post.title == "Atlas Telecom fiber down?"
    assert post.text.startswith("Anyone else having issues with Atlas Telecom fiber today?")
    assert post.author == "/u/casa_geek"


def test_a_google_alert_links_to_the_article_not_to_google(site: LoopbackServer) -> None:
    [alert] = read(site, "google_alerts.xml")
    assert alert.url == "https://www.medias24.example.ma/2024/05/03/atlas-telecom-resultats/"
    assert alert.title == "Atlas Telecom annonce des résultats en hausse"
    assert alert.text == "Le chiffre d'affaires d'Atlas Telecom progresse de 4 %."
    assert alert.published_at == datetime(2024, 5, 3, 6, 45, tzinfo=UTC)
