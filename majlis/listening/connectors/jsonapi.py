"""JSON APIs (Mastodon, the AT Protocol) called through the guarded client.

robots.txt governs crawling pages, not a documented API: these calls skip it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from majlis.listening.fetch import FetchError, FetchOptions


def call(
    options: FetchOptions,
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    payload: Any = None,
) -> tuple[int, Any]:
    """Status and decoded JSON body of one call; the body is None when an error is not JSON."""
    sent = dict(headers or {})
    body = None
    if payload is not None:
        body = json.dumps(payload).encode()
        sent["Content-Type"] = "application/json"
    response = options.fetch(
        url,
        accept="application/json",
        method=method,
        headers=sent,
        body=body,
        raise_for_status=False,
        use_robots=False,
    )
    try:
        return response.status, response.json()
    except FetchError:
        if response.status < 400:
            raise
        return response.status, None


def error_text(document: Any) -> str:
    """The error a JSON API gave, in its own words ("" when it gave none)."""
    if not isinstance(document, dict):
        return ""
    parts = [document.get(key) for key in ("error", "message", "error_description")]
    return ": ".join(dict.fromkeys(part for part in parts if isinstance(part, str) and part))
