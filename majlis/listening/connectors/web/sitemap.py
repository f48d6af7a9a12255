"""Sitemaps (urlset and sitemapindex, plain or gzipped), news sitemaps included, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

from majlis.listening.connectors.dates import from_iso
from majlis.listening.connectors.links import web_url
from majlis.listening.connectors.safe_xml import parse_xml
from majlis.listening.fetch import FetchError, FetchOptions, FetchResponse, Reason, gunzip
from majlis.listening.fetch.charset import decode_text

_OLDEST = datetime.min.replace(tzinfo=UTC)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def is_sitemap(response: FetchResponse) -> bool:
    if response.body[:2] == b"\x1f\x8b":
        return True
    head = response.text[:2048].lower()
    return "<urlset" in head or "<sitemapindex" in head


def _root(response: FetchResponse, max_bytes: int) -> Element:
    body = response.body
    text = response.text
    if body[:2] == b"\x1f\x8b":  # a .xml.gz file, not a Content-Encoding
        text = decode_text(gunzip(body, max_bytes))
    return parse_xml(text, response.url_final)


@dataclass(frozen=True)
class _Entry:
    loc: str
    newest: datetime  # of lastmod and publication_date, to sort by
    published: datetime | None  # news:publication_date, to the minute with its zone


def _entries(root: Element, base: str, child: str) -> list[_Entry]:
    """Each <url> or <sitemap> element with its dates."""
    entries = []
    for element in root:
        if _local(element.tag) != child:
            continue
        loc, when, published = "", _OLDEST, None
        for field in element.iter():
            name = _local(field.tag)
            if name == "loc" and field.text and not loc:
                loc = web_url(field.text, base)
            elif name in ("lastmod", "publication_date"):
                date = from_iso(field.text)
                if date is not None:
                    when = max(when, date)
                    published = date if name == "publication_date" else published
        if loc:
            entries.append(_Entry(loc, when, published))
    return entries


def sitemap_urls(
    response: FetchResponse, options: FetchOptions, *, max_urls: int = 5000, max_children: int = 3
) -> list[str]:
    """Page addresses of a sitemap, newest first; of an index, from its newest sitemaps."""
    return list(sitemap_pages(response, options, max_urls=max_urls, max_children=max_children))


def sitemap_pages(
    response: FetchResponse, options: FetchOptions, *, max_urls: int = 5000, max_children: int = 3
) -> dict[str, datetime | None]:
    """As `sitemap_urls`, each with the publication date a news sitemap gives (or None)."""
    root = _root(response, options.max_bytes)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = _entries(root, response.url_final, "sitemap")
        children.sort(key=lambda entry: entry.newest, reverse=True)
        pages: list[_Entry] = []
        # The newest sitemap that answers holds the news; older ones are the archive.
        for child in children[:max_children]:
            try:
                tree = _root(options.fetch(child.loc), options.max_bytes)
            except FetchError as error:
                if error.reason == Reason.HOSTILE_XML:
                    raise
                continue
            pages = _entries(tree, child.loc, "url")[:max_urls]
            if pages:
                break
    elif kind == "urlset":
        pages = _entries(root, response.url_final, "url")
    else:
        raise FetchError(Reason.PARSE_ERROR, f"{response.url_final} is XML, but not a sitemap.")
    pages.sort(key=lambda entry: entry.newest, reverse=True)
    found: dict[str, datetime | None] = {}
    for page in pages[:max_urls]:
        found.setdefault(page.loc, page.published)
    return found
