"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), validated field by field."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.links import web_url
from majlis.listening.connectors.text import html_to_text, squash
from majlis.listening.fetch import FetchError, FetchResponse, Reason


def parse_json_feed(response: FetchResponse, max_items: int) -> list[FetchedItem]:
    url = response.url_final
    document = response.json()
    if not isinstance(document, dict) or not _text(document, "version").startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FetchError(Reason.NOT_A_FEED, f"{url} answers JSON, but not a JSON Feed.")
    items = document.get("items")
    if not isinstance(items, list):
        raise FetchError(Reason.PARSE_ERROR, f"The JSON Feed at {url} has no list of items.")
    source_name = _text(document, "title") or urlsplit(url).hostname or url
    language = _text(document, "language")
    feed_author = _author(document)
    found = []
    for raw in items[:max_items]:
        item = (
            _item(raw, url, source_name, language, feed_author) if isinstance(raw, dict) else None
        )
        if item is not None and item.text:
            found.append(item)
    return found


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return value.strip() if isinstance(value, str) else ""


def _author(obj: dict[str, Any]) -> str:
    authors = obj.get("authors")  # 1.1
    candidates = authors if isinstance(authors, list) else [obj.get("author")]  # 1.0
    for author in candidates:
        if isinstance(author, dict) and _text(author, "name"):
            return _text(author, "name")
    return ""


def _item(
    raw: dict[str, Any], feed_url: str, source_name: str, language: str, feed_author: str
) -> FetchedItem:
    ident = raw.get("id")
    ident_text = str(ident) if isinstance(ident, str | int) else ""
    title = html_to_text(_text(raw, "title"))
    text = (
        squash(_text(raw, "content_text"))
        or html_to_text(_text(raw, "content_html"))
        or html_to_text(_text(raw, "summary"))
    )
    link = (
        web_url(_text(raw, "url"), feed_url)
        or web_url(_text(raw, "external_url"), feed_url)
        or web_url(ident_text)
        or f"{feed_url}#{hashlib.sha256((ident_text or title + text).encode()).hexdigest()[:16]}"
    )
    return FetchedItem(
        url=link,
        title=title,
        text=text or title,
        author=_author(raw) or feed_author,
        published_at=published(
            from_iso(raw.get("date_published")) or from_iso(raw.get("date_modified"))
        ),
        source_name=source_name,
        lang_hint=_text(raw, "language") or language,
    )
