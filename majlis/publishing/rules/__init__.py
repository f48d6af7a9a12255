"""How each social network counts a post, with no Django and no network access.

    check("x", text)                  -> {"network", "length", "limit", "ok", ...}
    split_thread("bluesky", text)     -> ["… 1/3", "… 2/3", "… 3/3"]

See docs/publishing-networks.md for each network's rules and where they come from.
"""

from majlis.publishing.rules.bluesky import Facet, detect_facets, resolve_mentions
from majlis.publishing.rules.check import (
    NETWORKS,
    CheckResult,
    Network,
    Problem,
    check,
    over_by,
    rules_for,
)
from majlis.publishing.rules.linkedin import escape_little_text
from majlis.publishing.rules.mastodon import instance_limit
from majlis.publishing.rules.thread import split_thread

__all__ = [
    "NETWORKS",
    "CheckResult",
    "Facet",
    "Network",
    "Problem",
    "check",
    "detect_facets",
    "escape_little_text",
    "instance_limit",
    "over_by",
    "resolve_mentions",
    "rules_for",
    "split_thread",
]
