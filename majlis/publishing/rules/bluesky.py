"""Bluesky's rich-text facets, detected the way the official client (`detection.ts`) does.

A Bluesky post is plain text plus facets: byte ranges of the UTF-8 encoding tagged as a
link, a hashtag or a mention. The text limit is 300 graphemes and 3000 UTF-8 bytes.

Mentions carry the handle, not a DID: a DID needs a network call
(`com.atproto.identity.resolveHandle`), which this pure module does not make. The feature is
`{"$type": "app.bsky.richtext.facet#mention", "handle": "alice.bsky.social"}` and
`resolve_mentions` turns it into the lexicon's `{"did": ...}` form once the caller can resolve
handles. There is deliberately no `did` key before then, so an unresolved mention can never be
published by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

import regex

from majlis.publishing.rules.graphemes import grapheme_count
from majlis.publishing.rules.tlds import is_known_tld

MAX_GRAPHEMES = 300
MAX_BYTES = 3000
MAX_TAG_GRAPHEMES = 64  # app.bsky.richtext.facet#tag: maxGraphemes 64, maxLength 640 bytes
MAX_TAG_BYTES = 640

LINK = "app.bsky.richtext.facet#link"
MENTION = "app.bsky.richtext.facet#mention"
TAG = "app.bsky.richtext.facet#tag"


class ByteSlice(TypedDict):
    byteStart: int
    byteEnd: int


class Facet(TypedDict):
    index: ByteSlice
    features: list[dict[str, str]]


# JavaScript's `\b` is ASCII-only; spelled out so Arabic letters after a handle do not count.
_ASCII_WORD_BOUNDARY = r"(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"
_MENTION = regex.compile(rf"(?:^|(?<=\s|\())@(?P<handle>[a-zA-Z0-9.-]+){_ASCII_WORD_BOUNDARY}")
_LINK = regex.compile(
    r"(?:^|(?<=\s|\())(?P<uri>https?://\S+|(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*)",
    flags=regex.IGNORECASE | regex.MULTILINE,
)
# Invisible characters that end a tag, as in the client's TAG_REGEX.
_TAG_STOP = r"\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20E2"
_TAG = regex.compile(
    rf"(?:^|(?<=\s))[#＃](?P<tag>(?!\uFE0F)[^{_TAG_STOP}]*[^0-9\p{{P}}{_TAG_STOP}]+[^{_TAG_STOP}]*)"
)
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")


def detect_facets(text: str) -> list[Facet]:
    """Mentions, links and hashtags in `text`, ordered by where they start."""
    spans = [*_mentions(text), *_links(text), *_tags(text)]
    offsets = _Utf8Offsets(text)
    facets: list[Facet] = [
        {"index": {"byteStart": offsets[start], "byteEnd": offsets[end]}, "features": [feature]}
        for start, end, feature in spans
    ]
    return sorted(facets, key=lambda facet: facet["index"]["byteStart"])


def resolve_mentions(facets: list[Facet], resolve: Callable[[str], str | None]) -> list[Facet]:
    """Swap each mention's handle for its DID; drop mentions whose handle does not resolve."""
    resolved: list[Facet] = []
    for facet in facets:
        features = [_resolved(feature, resolve) for feature in facet["features"]]
        kept = [feature for feature in features if feature is not None]
        if kept:
            resolved.append({"index": facet["index"], "features": kept})
    return resolved


def post_size(text: str) -> tuple[int, int]:
    """(graphemes, UTF-8 bytes): the two measures Bluesky limits."""
    return grapheme_count(text), len(text.encode("utf-8"))


def _resolved(
    feature: dict[str, str], resolve: Callable[[str], str | None]
) -> dict[str, str] | None:
    if feature["$type"] != MENTION or "handle" not in feature:
        return feature
    did = resolve(feature["handle"])
    return {"$type": MENTION, "did": did} if did else None


def _mentions(text: str) -> list[tuple[int, int, dict[str, str]]]:
    return [
        (match.start(), match.end(), {"$type": MENTION, "handle": match["handle"]})
        for match in _MENTION.finditer(text)
        if _has_known_tld(match["handle"]) or match["handle"].endswith(".test")
    ]


def _links(text: str) -> list[tuple[int, int, dict[str, str]]]:
    found = []
    for match in _LINK.finditer(text):
        uri = match["uri"]
        if not uri.lower().startswith("http"):
            if not _has_known_tld(match["domain"]):
                continue
            uri = "https://" + uri
        start, end = match.span("uri")
        # One closing mark is punctuation, not link: "voir example.com." or "(example.com)".
        if uri[-1] in ".,;:!?":
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        found.append((start, end, {"$type": LINK, "uri": uri}))
    return found


def _tags(text: str) -> list[tuple[int, int, dict[str, str]]]:
    found = []
    for match in _TAG.finditer(text):
        tag = _TRAILING_PUNCTUATION.sub("", match["tag"].strip())
        if not tag or grapheme_count(tag) > MAX_TAG_GRAPHEMES:
            continue
        if len(tag.encode("utf-8")) > MAX_TAG_BYTES:
            continue
        start = match.start()
        found.append((start, start + 1 + len(tag), {"$type": TAG, "tag": tag}))
    return found


def _has_known_tld(domain: str) -> bool:
    # The client compares with a lower-case list without folding case; we fold, so that
    # `Maroc.MA` links too.
    head, dot, tld = domain.rpartition(".")
    return bool(head and dot) and is_known_tld(tld)


class _Utf8Offsets:
    """Maps a character index of `text` to its UTF-8 byte offset."""

    def __init__(self, text: str) -> None:
        self._text = text

    def __getitem__(self, index: int) -> int:
        return len(self._text[:index].encode("utf-8"))
