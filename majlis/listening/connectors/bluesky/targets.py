"""What a Bluesky source address points at: a search, a hashtag or an author."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from majlis.listening.fetch import FetchError, Reason


@dataclass(frozen=True)
class Target:
    kind: str  # "search" or "author"
    value: str  # the query, or the author's handle or DID


def parse_target(url: str) -> Target:
    """The addresses of the Bluesky web app: https://bsky.app/search?q=…,
    https://bsky.app/hashtag/NAME and https://bsky.app/profile/HANDLE (or DID)."""
    parts = urlsplit(url.strip())
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query).get("q", [""])[0].strip()
    if segments == ["search"] and query:
        return Target("search", query)
    if len(segments) == 2 and segments[0] == "hashtag":
        return Target("search", "#" + segments[1].lstrip("#"))
    if len(segments) == 2 and segments[0] == "profile":
        return Target("author", segments[1].lstrip("@"))
    raise FetchError(
        Reason.BAD_URL,
        f"{url} is not a Bluesky search (https://bsky.app/search?q=…), hashtag "
        "(https://bsky.app/hashtag/name) or profile (https://bsky.app/profile/handle) address.",
    )
