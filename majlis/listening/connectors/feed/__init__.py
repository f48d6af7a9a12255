"""The feed connector: RSS, Atom and JSON Feed, with feed discovery behind a home page."""

from __future__ import annotations

from urllib.parse import urlsplit

from majlis.listening.connectors.base import FetchedItem, FetchOutcome, SourceState, reading
from majlis.listening.connectors.feed.discovery import discover_feeds
from majlis.listening.connectors.feed.jsonfeed import parse_json_feed
from majlis.listening.connectors.feed.parse import parse_xml_feed
from majlis.listening.connectors.feed.services import reddit_search_feed_url, youtube_feed_url
from majlis.listening.fetch import FetchError, FetchOptions, FetchResponse, Reason

__all__ = [
    "FeedConnector",
    "discover_feeds",
    "parse_feed",
    "reddit_search_feed_url",
    "youtube_feed_url",
]

# A candidate that fails this way is simply not the feed; anything else stops the search.
_NOT_THIS_ONE = frozenset(
    {
        Reason.HTTP_ERROR,
        Reason.NOT_A_FEED,
        Reason.PARSE_ERROR,
        Reason.TOO_LARGE,
        Reason.ROBOTS_DISALLOWED,
        Reason.BLOCKED_ADDRESS,
        Reason.BAD_URL,
        Reason.UNSUPPORTED_SCHEME,
        Reason.REDIRECT_LOOP,
        Reason.TOO_MANY_REDIRECTS,
    }
)


def _head(response: FetchResponse) -> str:
    return response.text[:2048].lstrip("\ufeff \t\r\n").lower()


def looks_like_html(response: FetchResponse) -> bool:
    head = _head(response)
    page = head.find("<html")
    feeds = [at for at in (head.find("<rss"), head.find("<feed"), head.find("<rdf:rdf")) if at >= 0]
    if page >= 0 and (not feeds or page < min(feeds)):
        return True
    if feeds or head.startswith(("<?xml", "{")):
        return False
    return "html" in response.content_type.lower()


def parse_feed(response: FetchResponse, max_items: int = 200) -> list[FetchedItem]:
    """Items of a feed answer, whatever its format; FetchError when it is none."""
    url = response.url_final
    if not response.body.strip():
        raise FetchError(Reason.NOT_A_FEED, f"{url} answered an empty document.")
    with reading(f"The feed at {url}"):
        if _head(response).startswith("{") or "json" in response.content_type.lower():
            return parse_json_feed(response, max_items)
        return parse_xml_feed(response, max_items)


class FeedConnector:
    kind = "feed"

    def __init__(self, max_items: int = 200, max_candidates: int = 6) -> None:
        self.max_items = max_items
        self.max_candidates = max_candidates

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        response = options.fetch(source_url, etag=state.etag, last_modified=state.last_modified)
        if response.not_modified:
            return FetchOutcome(
                etag=response.etag, last_modified=response.last_modified, not_modified=True
            )
        if looks_like_html(response):
            return self._discover(response, options)
        return FetchOutcome(
            parse_feed(response, self.max_items),
            etag=response.etag,
            last_modified=response.last_modified,
        )

    def _discover(self, page: FetchResponse, options: FetchOptions) -> FetchOutcome:
        with reading(f"The page at {page.url_final}"):
            candidates = discover_feeds(page.text, page.url_final)
        for candidate in candidates[: self.max_candidates]:
            try:
                response = options.fetch(candidate)
                if looks_like_html(response):
                    continue
                items = parse_feed(response, self.max_items)
            except FetchError as error:
                if error.reason in _NOT_THIS_ONE:
                    continue
                raise
            # The etag belongs to the feed; the worker re-reads it under its own address.
            return FetchOutcome(items, feed_url=response.url_final)
        host = urlsplit(page.url_final).hostname
        raise FetchError(
            Reason.NOT_A_FEED,
            f"{page.url_final} is a web page, and no feed was found in it or at the usual "
            f"addresses of {host}; add it as a web source to read its articles instead.",
        )
