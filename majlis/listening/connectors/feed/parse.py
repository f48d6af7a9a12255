"""RSS 0.9x, 1.0 and 2.0 and Atom, read by feedparser once the XML has passed the guard."""

from __future__ import annotations

import hashlib
import io
from typing import Any
from urllib.parse import urlsplit

import feedparser

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_struct_time, published
from majlis.listening.connectors.links import unwrap_google_redirect, web_url
from majlis.listening.connectors.safe_xml import guarded_xml
from majlis.listening.connectors.text import html_to_text
from majlis.listening.fetch import FetchError, FetchResponse, Reason


def parse_xml_feed(response: FetchResponse, max_items: int) -> list[FetchedItem]:
    url = response.url_final
    data = guarded_xml(response.text, url)
    # A stream, never a string: feedparser would fetch a string that looks like an address.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={
            "content-type": "application/xml; charset=utf-8",
            "content-location": url,
        },
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    feed = parsed.get("feed") or {}
    source_name = html_to_text(feed.get("title", "")) or urlsplit(url).hostname or url
    language = feed.get("language") or ""
    entries: list[Any] = parsed.get("entries") or []
    items = [_item(entry, url, source_name, language) for entry in entries[:max_items]]
    items = [item for item in items if item.text]
    if not items:
        # A feed broken beyond repair, or not a feed: say which. A valid feed may be empty.
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise FetchError(Reason.PARSE_ERROR, f"{url} is not a readable feed ({problem}).")
        if not parsed.get("version"):
            raise FetchError(Reason.NOT_A_FEED, f"{url} is XML, but not an RSS or Atom feed.")
    return items


def _item(entry: Any, feed_url: str, source_name: str, language: str) -> FetchedItem:
    title = html_to_text(entry.get("title", ""))
    text = _text(entry)
    date = (
        entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    )
    title_detail = entry.get("title_detail") or {}
    return FetchedItem(
        url=_link(entry, feed_url, title + text),
        title=title,
        text=text or title,
        author=html_to_text(entry.get("author", "")),
        published_at=published(from_struct_time(date)),
        source_name=source_name,
        lang_hint=title_detail.get("language") or language,
    )


def _link(entry: Any, feed_url: str, content: str) -> str:
    link = web_url(unwrap_google_redirect(entry.get("link", "")), feed_url)
    if link:
        return link
    ident = entry.get("id", "")
    # Only an absolute http(s) id is an address; "tag:" and "urn:" ids make a stable anchor.
    anchor = hashlib.sha256((ident or content).encode()).hexdigest()[:16]
    return web_url(ident) or f"{feed_url}#{anchor}"


def _text(entry: Any) -> str:
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    return html_to_text(max(candidates, key=len))
