"""An article's main text and metadata, as trafilatura finds them."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import set_date_params

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.text import html_to_text, squash
from majlis.listening.fetch import FetchResponse

_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# "Par Karim", "By Karim", "بقلم: كريم": the byline's word is not part of the name.
_BYLINE = re.compile(r"^(?:par|by|بقلم)(?:\s*:\s*|\s+)(?=\S)", re.IGNORECASE)
# trafilatura gives the day only unless asked for the time; a date without one has no zone
# and stays midnight UTC.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DECLARED_TIME = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished']/@content | //*[@itemprop='datePublished']/@datetime"
)


def page_language(html: str) -> str:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1) if match else ""


def page_title(html: str) -> str:
    match = _TITLE.search(html[:65536])
    return html_to_text(match.group(1)) if match else ""


def declared_time(html: str) -> datetime | None:
    """The publication time the page declares (Open Graph, schema.org), with its zone: the
    date trafilatura finds may be the day in the address (/2026/11/20/) alone."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    for value in tree.xpath(_DECLARED_TIME):
        when = from_iso(value)
        if when is not None:
            return when
    return None


def without_byline(author: str) -> str:
    return _BYLINE.sub("", author, count=1)


def extract_article(response: FetchResponse) -> FetchedItem | None:
    """The article at `response`, or None when the page has no main text."""
    html, url = response.text, response.url_final
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Made at each call: the defaults hold today's date as the latest one allowed.
        date_extraction_params={**set_date_params(), "outputformat": _DATE_FORMAT},
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
        author=without_byline(squash(str(getattr(document, "author", "") or ""))),
        published_at=published(declared_time(html) or from_iso(getattr(document, "date", None))),
        source_name=str(getattr(document, "sitename", "") or urlsplit(url).hostname or url),
        lang_hint=page_language(html),
    )
