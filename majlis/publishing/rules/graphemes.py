"""Counting what a reader sees as one character (an extended grapheme cluster).

Mastodon, Bluesky and the Meta networks count `é`, `🇲🇦` or `👨‍👩‍👧` as one character even
though each is several code points, so `len()` over-counts them.
"""

from __future__ import annotations

import regex

_CLUSTER = regex.compile(r"\X")


def graphemes(text: str) -> list[str]:
    clusters: list[str] = _CLUSTER.findall(text)
    return clusters


def grapheme_count(text: str) -> int:
    # Plain ASCII is the common case in drafts; only CR LF forms a two-character cluster there.
    if text.isascii():
        return len(text) - text.count("\r\n")
    return len(_CLUSTER.findall(text))
