"""The shape of an address Majlis agrees to fetch, checked before any name is resolved."""

from __future__ import annotations

import httpx

from majlis.core.outbound import BAD_PORTS
from majlis.listening.fetch.errors import FetchError, Reason

MAX_URL_LENGTH = 4000


def _scheme(text: str) -> str:
    head, sep, _ = text.partition(":")
    return head.lower() if sep and head.isascii() and head.isalpha() else ""


def checked_url(raw: str) -> httpx.URL:
    """Parse a user-given address, refusing what Majlis never fetches."""
    text = raw.strip()
    if not text or len(text) > MAX_URL_LENGTH or any(ord(ch) < 32 for ch in text):
        raise FetchError(
            Reason.BAD_URL, "This address is empty, too long or contains control characters."
        )
    scheme = _scheme(text)
    if not scheme:
        raise FetchError(
            Reason.BAD_URL,
            f"{text[:200]} is not a full address: it must start with https:// or http://.",
        )
    if scheme not in ("http", "https"):
        raise FetchError(
            Reason.UNSUPPORTED_SCHEME,
            f"This address uses {scheme}:, but Majlis only reads http and https addresses.",
        )
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL as exc:
        raise FetchError(Reason.BAD_URL, f"{text[:200]} is not a valid address ({exc}).") from exc
    if url.userinfo:
        raise FetchError(
            Reason.BAD_URL,
            "This address contains a user name or password; Majlis refuses credentials in it.",
        )
    if not url.host or "%" in url.host:
        raise FetchError(Reason.BAD_URL, f"{text[:200]} has no valid host name.")
    port = url.port or default_port(url)
    if not 0 < port < 65536 or port in BAD_PORTS:
        raise FetchError(
            Reason.BAD_URL, f"Port {port} is not a web port; Majlis does not connect to it."
        )
    return url


def default_port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def host_of(url: httpx.URL) -> str:
    """The host as the connection uses it: lower case, IDNA-encoded, without brackets."""
    return url.raw_host.decode("ascii")
