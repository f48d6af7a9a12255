"""Sitemaps (urlset and sitemapindex, plain or gzipped), news sitemaps included, newest first."""

from __future__ import annotations

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


def _entries(root: Element, base: str, child: str) -> list[tuple[str, datetime]]:
    """(loc, newest date given) for each <url> or <sitemap> element."""
    entries = []
    for element in root:
        if _local(element.tag) != child:
            continue
        loc, when = "", _OLDEST
        for field in element.iter():
            name = _local(field.tag)
            if name == "loc" and field.text and not loc:
                loc = web_url(field.text, base)
            elif name in ("lastmod", "publication_date"):
                date = from_iso(field.text)
                if date is not None:
                    when = max(when, date)
        if loc:
            entries.append((loc, when))
    return entries


def sitemap_urls(
    response: FetchResponse, options: FetchOptions, *, max_urls: int = 5000, max_children: int = 3
) -> list[str]:
    """Page addresses of a sitemap, newest first; of an index, from its newest sitemaps."""
    root = _root(response, options.max_bytes)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = _entries(root, response.url_final, "sitemap")
        children.sort(key=lambda entry: entry[1], reverse=True)
        pages: list[tuple[str, datetime]] = []
        # The newest sitemap that answers holds the news; older ones are the archive.
        for child_url, _ in children[:max_children]:
            try:
                child = _root(options.fetch(child_url), options.max_bytes)
            except FetchError as error:
                if error.reason == Reason.HOSTILE_XML:
                    raise
                continue
            pages = _entries(child, child_url, "url")[:max_urls]
            if pages:
                break
    elif kind == "urlset":
        pages = _entries(root, response.url_final, "url")
    else:
        raise FetchError(Reason.PARSE_ERROR, f"{response.url_final} is XML, but not a sitemap.")
    pages.sort(key=lambda entry: entry[1], reverse=True)
    return list(dict.fromkeys(url for url, _ in pages[:max_urls]))
