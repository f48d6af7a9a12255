"""`check`: does a draft fit a network, counted the way that network counts?

The result is the object `majlis compose-check` prints (see CONTRACTS.md):
`{"network", "length", "limit", "ok", "bytes"?, "facets"?}`, plus `problems` when something
other than the length stops the post (too many hashtags on Instagram, too many bytes on
Bluesky, characters X refuses). `problems` is absent when there are none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from majlis.publishing.rules import bluesky, instagram, linkedin, mastodon, x
from majlis.publishing.rules.graphemes import grapheme_count


class Problem(TypedDict):
    rule: str  # "hashtags", "mentions", "bytes" or "invalid_characters"
    count: int
    limit: int


class CheckResult(TypedDict):
    network: str
    length: int
    limit: int
    ok: bool
    bytes: NotRequired[int]
    facets: NotRequired[list[bluesky.Facet]]
    problems: NotRequired[list[Problem]]


@dataclass(frozen=True)
class Network:
    name: str
    limit: int
    length: Callable[[str], int]
    max_bytes: int | None = None  # a second limit on the UTF-8 size, where there is one

    def fits(self, text: str, limit: int | None = None) -> bool:
        """Within the length limit and the byte limit; other rules aside."""
        if self.max_bytes is not None and len(text.encode("utf-8")) > self.max_bytes:
            return False
        return self.length(text) <= (limit or self.limit)


NETWORKS: dict[str, Network] = {
    network.name: network
    for network in (
        Network("x", x.MAX_WEIGHTED_LENGTH, x.weighted_length),
        Network("mastodon", mastodon.DEFAULT_LIMIT, mastodon.countable_length),
        Network("bluesky", bluesky.MAX_GRAPHEMES, grapheme_count, bluesky.MAX_BYTES),
        Network("threads", 500, grapheme_count),
        Network("linkedin", linkedin.MAX_CHARACTERS, grapheme_count),
        Network("facebook", 63206, grapheme_count),
        Network("instagram", instagram.MAX_CHARACTERS, grapheme_count),
    )
}


def rules_for(name: str) -> Network:
    try:
        return NETWORKS[name]
    except KeyError:
        known = ", ".join(NETWORKS)
        raise ValueError(f"unknown network {name!r}; known networks: {known}") from None


def check(network: str, text: str, limit: int | None = None) -> CheckResult:
    """Count `text` as `network` does; `limit` replaces the network's default limit."""
    rules = rules_for(network)
    validate_limit(limit)
    result: CheckResult = {
        "network": rules.name,
        "length": rules.length(text),
        "limit": limit or rules.limit,
        "ok": True,
    }
    problems = _problems(rules.name, text, result)
    if problems:
        result["problems"] = problems
    result["ok"] = result["length"] <= result["limit"] and not problems
    return result


def validate_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of characters, not {limit}")


def over_by(result: CheckResult) -> int:
    """How many characters (in the network's unit) to remove; 0 when the length fits."""
    return max(0, result["length"] - result["limit"])


def _problems(name: str, text: str, result: CheckResult) -> list[Problem]:
    if name == "bluesky":
        return _bluesky(text, result)
    if name == "instagram":
        return _instagram(text)
    if name == "x":
        invalid = x.invalid_characters(text)
        return [{"rule": "invalid_characters", "count": invalid, "limit": 0}] if invalid else []
    return []


def _bluesky(text: str, result: CheckResult) -> list[Problem]:
    size = len(text.encode("utf-8"))
    result["bytes"] = size
    result["facets"] = bluesky.detect_facets(text)
    if size > bluesky.MAX_BYTES:
        return [{"rule": "bytes", "count": size, "limit": bluesky.MAX_BYTES}]
    return []


def _instagram(text: str) -> list[Problem]:
    problems: list[Problem] = []
    hashtags = instagram.hashtag_count(text)
    if hashtags > instagram.MAX_HASHTAGS:
        problems.append({"rule": "hashtags", "count": hashtags, "limit": instagram.MAX_HASHTAGS})
    mentions = instagram.mention_count(text)
    if mentions > instagram.MAX_MENTIONS:
        problems.append({"rule": "mentions", "count": mentions, "limit": instagram.MAX_MENTIONS})
    return problems
