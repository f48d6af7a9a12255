"""An article's main text and metadata, as trafilatura finds them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.text import html_to_text, squash
from majlis.listening.fetch import FetchResponse

_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def page_language(html: str) -> str:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1) if match else ""


def page_title(html: str) -> str:
    match = _TITLE.search(html[:65536])
    return html_to_text(match.group(1)) if match else ""


def extract_article(response: FetchResponse) -> FetchedItem | None:
    """The article at `response`, or None when the page has no main text."""
    html, url = response.text, response.url_final
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = squash(str(getattr(document, "text", "") or ""))
    if not text:
        return None
    title = squash(str(getattr(document, "title", "") or "")) or page_title(html)
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()  # the headline repeated as the first line
    return FetchedItem(
        url=url,
        title=title,
        text=text,
        author=squash(str(getattr(document, "author", "") or "")),
        published_at=published(from_iso(getattr(document, "date", None))),
        source_name=str(getattr(document, "sitename", "") or urlsplit(url).hostname or url),
        lang_hint=page_language(html),
    )
