"""A post view (app.bsky.feed.defs#postView) as an item."""

from __future__ import annotations

from typing import Any

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.text import squash

POST_COLLECTION = "app.bsky.feed.post"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return value if isinstance(value, str) else ""


def post_url(uri: str) -> str:
    """at://did:plc:…/app.bsky.feed.post/RKEY -> its page on bsky.app (by DID: handles change)."""
    parts = uri.removeprefix("at://").split("/")
    if not uri.startswith("at://") or len(parts) != 3 or parts[1] != POST_COLLECTION:
        return ""
    return f"https://bsky.app/profile/{parts[0]}/post/{parts[2]}"


def _link_card(post: dict[str, Any]) -> str:
    external = _dict(_dict(post.get("embed")).get("external"))
    return "\n".join(
        part for part in (_str(external, "title"), _str(external, "description")) if part
    )


def post_item(post: dict[str, Any]) -> FetchedItem | None:
    url = post_url(_str(post, "uri"))
    record = _dict(post.get("record"))
    text = squash("\n\n".join(part for part in (_str(record, "text"), _link_card(post)) if part))
    if not url or not text:
        return None
    author = _dict(post.get("author"))
    name, handle = _str(author, "displayName").strip(), _str(author, "handle")
    langs = record.get("langs")
    return FetchedItem(
        url=url,
        title="",
        text=text,
        author=f"{name} (@{handle})" if name else f"@{handle}" if handle else "",
        published_at=published(
            from_iso(record.get("createdAt")) or from_iso(post.get("indexedAt"))
        ),
        source_name="Bluesky",
        lang_hint=str(langs[0]) if isinstance(langs, list) and langs else "",
    )
