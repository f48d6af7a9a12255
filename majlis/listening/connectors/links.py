"""Item addresses: absolute, http(s) only, and free of Google's redirect wrapper."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

_GOOGLE_HOST = re.compile(r"^(www\.)?google\.[a-z.]{2,6}$")


def unwrap_google_redirect(url: str) -> str:
    """https://www.google.com/url?...&url=REAL (Google Alerts, search results) -> REAL."""
    parts = urlsplit(url)
    if not _GOOGLE_HOST.match(parts.hostname or "") or parts.path != "/url":
        return url
    query = parse_qs(parts.query)
    for key in ("url", "q"):
        for target in query.get(key, []):
            if web_url(target):
                return target
    return url


def web_url(url: str, base: str = "") -> str:
    """`url` made absolute against `base` if it is an http(s) address; "" otherwise.

    Feeds are written by strangers: a javascript: or data: link must never become an item link.
    """
    if not url.strip():
        return ""
    candidate = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(candidate)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return candidate


def same_site(host: str, other: str) -> bool:
    """www.example.ma, example.ma and news.example.ma are one site."""
    a, b = host.lower().removeprefix("www."), other.lower().removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)
