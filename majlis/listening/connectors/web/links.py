"""Which links on a listing page lead to articles: same site, and shaped like an article."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from majlis.listening.connectors.links import same_site, web_url

_NOT_ARTICLES = frozenset(
    {
        "tag", "tags", "category", "categories", "categorie", "rubrique", "author", "authors",
        "auteur", "page", "search", "recherche", "login", "logout", "register", "signup",
        "inscription", "connexion", "account", "compte", "user", "users", "profile", "feed",
        "rss", "wp-admin", "wp-login.php", "wp-content", "contact", "about", "a-propos",
        "privacy", "cgu", "mentions-legales", "terms", "cart", "panier", "newsletter",
        "subscribe", "abonnement", "share", "print", "static", "assets", "uploads", "cdn-cgi",
    }
)  # fmt: skip
_FILES = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".pdf", ".zip", ".rar", ".gz",
    ".mp3", ".mp4", ".css", ".js", ".json", ".xml", ".doc", ".docx", ".xls", ".xlsx", ".woff2",
)  # fmt: skip
_DATED_PATH = re.compile(r"/(19|20)\d\d/[01]?\d/")
_NUMERIC_ID = re.compile(r"\d{4,}")
_ID_QUERY = re.compile(r"(?:^|&)(?:id|p|article|news|post|nid)=\d+", re.IGNORECASE)
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$", re.IGNORECASE)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        elif tag == "base" and not self.base:
            self.base = values.get("href") or ""


def looks_like_article(path: str, query: str = "") -> bool:
    segments = [unquote(segment).lower() for segment in path.split("/") if segment]
    if not segments or any(segment in _NOT_ARTICLES for segment in segments):
        return False
    if path.lower().endswith(_FILES):
        return False
    if _ID_QUERY.search(query):
        return True
    slug = _PAGE_SUFFIX.sub("", segments[-1])
    words = [word for word in re.split(r"[-_+]+", slug) if word]
    return (
        len(words) >= 3
        or (_DATED_PATH.search(path) is not None and len(segments) >= 3)
        or (_NUMERIC_ID.search(slug) is not None and len(segments) >= 2)
    )


def _without_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith("utm_")
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def article_links(html: str, page_url: str) -> list[str]:
    """Article addresses linked from a page, in page order, each once."""
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    base = web_url(parser.base, page_url) or page_url
    host = urlsplit(page_url).hostname or ""
    page = _without_tracking(page_url)
    found: list[str] = []
    for href in parser.hrefs:
        url = web_url(href, base)
        parts = urlsplit(url)
        if not url or not same_site(parts.hostname or "", host):
            continue
        url = _without_tracking(url)
        if url != page and looks_like_article(parts.path, parts.query):
            found.append(url)
    return list(dict.fromkeys(found))
