"""The Bluesky connector: post search and author feeds over XRPC.

Follows the AT Protocol lexicons app.bsky.feed.searchPosts (q, sort=latest, since, cursor),
app.bsky.feed.getAuthorFeed (actor, cursor) and com.atproto.server.createSession /
refreshSession. Without credentials, reads go to the public AppView; search usually needs an
account (an app password), and then every call goes through the account's PDS. The account
signs in at the hosting provider given with it (`service`), or else at the one its handle or
DID leads to (see identity.py), or else at bsky.social.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from majlis.listening.connectors.base import FetchedItem, FetchOutcome, SourceState, reading
from majlis.listening.connectors.bluesky.identity import ATPROTO, DEFAULT_SERVICE, Directory
from majlis.listening.connectors.bluesky.posts import post_item, post_url
from majlis.listening.connectors.bluesky.session import Xrpc, forget_sessions
from majlis.listening.connectors.bluesky.targets import Target, parse_target
from majlis.listening.connectors.dates import from_iso
from majlis.listening.fetch import FetchOptions

__all__ = [
    "DEFAULT_SERVICE",
    "BlueskyConnector",
    "Directory",
    "Target",
    "forget_sessions",
    "parse_target",
    "post_item",
    "post_url",
]

PUBLIC_APPVIEW = "https://public.api.bsky.app"


def _indexed(post: dict[str, Any]) -> datetime | None:
    return from_iso(post.get("indexedAt"))


class BlueskyConnector:
    kind = "bluesky"

    def __init__(
        self,
        identifier: str = "",
        app_password: str = "",
        service: str = "",
        appview: str = PUBLIC_APPVIEW,
        directory: Directory = ATPROTO,
        max_pages: int = 3,
        page_size: int = 50,
    ) -> None:
        """`service` is the account's hosting provider; left empty, it is looked up in
        `directory` (the PLC directory and the handle's site) when the account signs in."""
        self.identifier = identifier
        self.app_password = app_password
        self.service = service
        self.appview = appview
        self.directory = directory
        self.max_pages = max_pages
        self.page_size = page_size

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        """`state.cursor` is the indexedAt of the newest post read so far."""
        target = parse_target(source_url)
        xrpc = Xrpc(
            options,
            service=self.service,
            appview=self.appview,
            identifier=self.identifier,
            password=self.app_password,
            directory=self.directory,
        )
        with reading(f"The Bluesky posts of {source_url}"):
            posts = self._posts(xrpc, target, state.cursor)
            items = [item for post in posts if (item := post_item(post))]
        return FetchOutcome(_unique(items), cursor=_newest(posts, state.cursor))

    def _page(
        self, xrpc: Xrpc, target: Target, since: str, cursor: str
    ) -> tuple[list[dict[str, Any]], str]:
        params = {"limit": str(self.page_size)} | ({"cursor": cursor} if cursor else {})
        if target.kind == "search":
            params |= {"q": target.value, "sort": "latest"} | ({"since": since} if since else {})
            answer = xrpc.query("app.bsky.feed.searchPosts", params)
            posts = _dicts(answer.get("posts"))
        else:
            answer = xrpc.query("app.bsky.feed.getAuthorFeed", params | {"actor": target.value})
            posts = _dicts([entry.get("post") for entry in _dicts(answer.get("feed"))])
        next_cursor = answer.get("cursor")
        return posts, next_cursor if isinstance(next_cursor, str) else ""

    def _posts(self, xrpc: Xrpc, target: Target, since: str) -> list[dict[str, Any]]:
        """Posts indexed since the cursor, newest first; the first run reads one page."""
        threshold = from_iso(since)
        collected: list[dict[str, Any]] = []
        cursor = ""
        for _ in range(self.max_pages):
            posts, cursor = self._page(xrpc, target, since, cursor)
            collected.extend(p for p in posts if _not_before(p, threshold))
            # Pages come newest first: one that reaches back past the cursor is the last needed.
            if (
                threshold is None
                or not cursor
                or not posts
                or not _not_before(posts[-1], threshold)
            ):
                break
        return collected


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _not_before(post: dict[str, Any], threshold: datetime | None) -> bool:
    indexed = _indexed(post)
    return threshold is None or indexed is None or indexed >= threshold


def _newest(posts: list[dict[str, Any]], previous: str) -> str:
    """The indexedAt of the newest post, as the server wrote it, or the previous cursor."""
    stamps = [(when, str(post["indexedAt"])) for post in posts if (when := _indexed(post))]
    if (before := from_iso(previous)) is not None:
        stamps.append((before, previous))
    return max(stamps)[1] if stamps else previous


def _unique(items: list[FetchedItem]) -> list[FetchedItem]:
    return list({item.url: item for item in items}.values())
