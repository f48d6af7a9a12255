"""How field values are normalized, on the query side and on the document side alike."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from majlis.text.normalize import normalize

FIELD_NAMES = frozenset({"lang", "site", "author"})

_LANGUAGE_CODE = re.compile(r"[a-z]{2,8}(?:-[a-z0-9]{1,8})*")
_HOST = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*")


def normalize_language(code: str) -> str:
    return code.strip().replace("_", "-").casefold()


def is_language_code(code: str) -> bool:
    return _LANGUAGE_CODE.fullmatch(code) is not None


def language_matches(wanted: str, actual: str) -> bool:
    """``lang:ary`` covers ``ary`` and ``ary-latn``, as language ranges do (RFC 4647)."""
    return actual == wanted or actual.startswith(wanted + "-")


def normalize_host(host: str) -> str:
    """Lower case, no trailing dot, international names in their ASCII (punycode) form."""
    host = host.strip().rstrip(".").lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


# The common case, scheme://host[:port]/..., without the cost of urlsplit. A colon not followed
# by a port is a password (user:pw@host), which urlsplit sorts out.
_PLAIN_URL_HOST = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*://([A-Za-z0-9.\-]+)(?::[0-9]*)?(?:[/?#]|\Z)"
)


def plain_url_host(url: str) -> str | None:
    """The host of a plain ``scheme://host/...`` URL as written, or None for any other URL."""
    plain = _PLAIN_URL_HOST.match(url)
    return plain.group(1) if plain is not None else None


def host_of_url(url: str) -> str:
    """The normalized host of ``url``, or "" when it has none."""
    plain = plain_url_host(url)
    if plain is not None:
        return normalize_host(plain)
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return normalize_host(host)


def is_host(host: str) -> bool:
    return _HOST.fullmatch(host) is not None


def host_matches(wanted: str, actual: str) -> bool:
    return actual == wanted or actual.endswith("." + wanted)


def normalize_author(name: str) -> str:
    """Authors compare as normalized text, spaces collapsed, with or without a leading @."""
    return " ".join(normalize(name).split()).removeprefix("@")
