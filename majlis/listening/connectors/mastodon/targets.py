"""What a Mastodon source address points at: a hashtag or an account on an instance."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from majlis.listening.fetch import FetchError, Reason


@dataclass(frozen=True)
class Target:
    instance: str  # scheme://host[:port]
    kind: str  # "tag" or "account"
    name: str  # hashtag without "#", or acct ("user" or "user@other.host")


def parse_target(url: str) -> Target:
    """https://instance/tags/NAME, https://instance/api/v1/timelines/tag/NAME,
    https://instance/@user, https://instance/@user@other.host or https://instance/users/user."""
    parts = urlsplit(url.strip())
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]
    instance = f"{parts.scheme}://{parts.netloc}"
    if parts.scheme in ("http", "https") and parts.netloc:
        if len(segments) == 2 and segments[0] == "tags":
            return Target(instance, "tag", segments[1].lstrip("#"))
        if len(segments) == 5 and segments[:4] == ["api", "v1", "timelines", "tag"]:
            return Target(instance, "tag", segments[4].lstrip("#"))
        if len(segments) == 1 and segments[0].startswith("@") and len(segments[0]) > 1:
            return Target(instance, "account", segments[0][1:])
        if len(segments) == 2 and segments[0] == "users":
            return Target(instance, "account", segments[1])
    raise FetchError(
        Reason.BAD_URL,
        f"{url} is not a Mastodon hashtag (https://instance/tags/name) "
        "or account (https://instance/@user) address.",
    )
