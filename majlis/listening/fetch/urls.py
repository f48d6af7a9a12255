"""The shape of an address Majlis agrees to fetch, checked before any name is resolved."""

from __future__ import annotations

import httpx

from majlis.listening.fetch.errors import FetchError, Reason

MAX_URL_LENGTH = 4000

# Ports that browsers refuse to fetch (the Fetch standard's "bad ports"): mail, shell, DNS...
# A web address pointing there is a probe, not a feed.
BAD_PORTS = frozenset(
    {
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
        101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161,
        179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563,
        587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 5060, 5061,
        6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080,
    }
)  # fmt: skip


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
