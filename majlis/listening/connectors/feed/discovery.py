"""Find the feed behind a home page: what the page declares first, then where feeds usually are."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from majlis.listening.connectors.links import same_site, web_url

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/rdf+xml",
    }
)
# WordPress, Ghost, Hugo, Jekyll, Blogger, Drupal and hand-made sites, most common first.
COMMON_PATHS = (
    "/feed",
    "/rss",
    "/feed.xml",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feed.json",
    "/feeds/posts/default",
    "/?feed=rss2",
)
_FEEDISH_ENDINGS = (".rss", ".atom", ".xml", "/feed", "/feed/", "/rss", "/rss/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.declared: list[tuple[str, str]] = []  # (href, title)
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "base" and not self.base:
            self.base = values.get("href", "")
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
                self.declared.append((values["href"], values.get("title", "")))
        elif tag == "a" and values.get("href"):
            self.anchors.append(values["href"])


def discover_feeds(html: str, base_url: str) -> list[str]:
    """Candidate feed addresses for a page, best first: declared feeds (comment feeds last),
    links that look like feeds, then the usual paths on the page's site."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    base = urljoin(base_url, parser.base) if parser.base else base_url
    declared = sorted(parser.declared, key=lambda link: "comment" in link[1].lower())
    candidates = [web_url(href, base) for href, _ in declared]
    host = urlsplit(base_url).hostname or ""
    for href in parser.anchors:
        url = web_url(href, base)
        path = urlsplit(url).path.lower()
        if (
            url
            and same_site(urlsplit(url).hostname or "", host)
            and path.endswith(_FEEDISH_ENDINGS)
        ):
            candidates.append(url)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    candidates.extend(origin + path for path in COMMON_PATHS)
    return list(dict.fromkeys(url for url in candidates if url))
