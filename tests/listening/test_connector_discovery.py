"""Feed discovery: from a home page an operator pastes to the feed behind it."""

from __future__ import annotations

from majlis.listening.connectors.feed import discover_feeds
from majlis.listening.connectors.feed.discovery import COMMON_PATHS

BASE = "https://www.example.ma/fr/"


def usual(origin: str = "https://www.example.ma") -> list[str]:
    return [origin + path for path in COMMON_PATHS]


def test_declared_feeds_come_first_and_comment_feeds_last() -> None:
    html = """<head>
      <link rel="alternate" type="application/rss+xml" title="Commentaires" href="/comments/feed">
      <link rel="alternate" type="application/atom+xml" title="Articles" href="atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://www.example.ma/feed.json">
    </head>"""
    assert discover_feeds(html, BASE)[:3] == [
        "https://www.example.ma/fr/atom.xml",
        "https://www.example.ma/feed.json",
        "https://www.example.ma/comments/feed",
    ]


def test_alternates_that_are_not_feeds_are_ignored() -> None:
    html = """<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">
      <link rel="alternate" hreflang="ar" href="/ar/">
      <link rel="stylesheet" type="text/css" href="/style.css">"""
    assert discover_feeds(html, BASE) == usual()


def test_a_base_element_sets_where_relative_feed_links_point() -> None:
    html = """<base href="https://cdn.example.ma/site/">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">"""
    assert discover_feeds(html, BASE)[0] == "https://cdn.example.ma/site/rss.xml"


def test_links_that_look_like_feeds_on_the_same_site_are_candidates() -> None:
    html = """<a href="/actualites/rss.xml">RSS</a>
      <a href="https://elsewhere.example.com/feed">Elsewhere</a>
      <a href="/contact">Contact</a>"""
    assert discover_feeds(html, BASE) == ["https://www.example.ma/actualites/rss.xml", *usual()]


def test_a_page_with_nothing_declared_offers_the_usual_feed_addresses() -> None:
    assert discover_feeds("<p>Bienvenue</p>", "https://blog.example.ma/a/b") == usual(
        "https://blog.example.ma"
    )


def test_javascript_links_never_become_candidates() -> None:
    html = '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
    assert discover_feeds(html, BASE) == usual()
