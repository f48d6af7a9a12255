"""robots.txt: read once per host, obeyed, and kept for a while."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from majlis.listening.fetch import FetchError, RobotsCache, fetch
from tests.listening.http_server import LoopbackServer, Reply, serve

ROBOTS = """
User-agent: *
Disallow: /admin/

User-agent: Majlis
Disallow: /members/
"""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route("/news/feed.xml", Reply("<rss/>"))
        server.route("/members/feed.xml", Reply("<rss/>"))
        yield server


def get(site: LoopbackServer, path: str, robots: RobotsCache) -> str:
    return fetch(site.url(path), allow_private=True, timeout=2.0, robots=robots).text


def test_a_path_disallowed_for_majlis_is_refused_without_being_requested(
    site: LoopbackServer,
) -> None:
    site.route("/robots.txt", Reply(ROBOTS))
    with pytest.raises(FetchError) as caught:
        get(site, "/members/feed.xml", RobotsCache())
    assert caught.value.reason == "robots_disallowed"
    assert (
        caught.value.message
        == "The robots.txt of 127.0.0.1 asks robots not to read /members/feed.xml."
    )
    assert site.hits("/members/feed.xml") == 0


def test_robots_txt_is_read_once_per_host_while_it_is_fresh(site: LoopbackServer) -> None:
    site.route("/robots.txt", Reply(ROBOTS))
    clock = Clock()
    robots = RobotsCache(ttl=3600, clock=clock)
    get(site, "/news/feed.xml", robots)
    get(site, "/news/feed.xml", robots)
    assert site.hits("/robots.txt") == 1
    clock.now += 3601
    get(site, "/news/feed.xml", robots)
    assert site.hits("/robots.txt") == 2


def test_a_missing_robots_txt_allows_everything(site: LoopbackServer) -> None:
    assert get(site, "/members/feed.xml", RobotsCache()) == "<rss/>"


def test_a_robots_txt_that_fails_keeps_majlis_away(site: LoopbackServer) -> None:
    site.route("/robots.txt", Reply("down", status=503))
    with pytest.raises(FetchError) as caught:
        get(site, "/news/feed.xml", RobotsCache())
    assert caught.value.reason == "robots_disallowed"
