"""How a Mastodon server counts a status, and where an instance publishes its limit.

Mastodon's `StatusLengthValidator` counts grapheme clusters after two rewrites: every link
with an http(s) scheme becomes 23 characters (found with twitter-text's extractor, scheme
required), and a remote mention `@name@example.org` counts as `@name`, because the domain
is not what readers of the local timeline see.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from majlis.publishing.rules.graphemes import grapheme_count
from majlis.publishing.rules.urls import find_urls

DEFAULT_LIMIT = 500
URL_LENGTH = 23

# Account::MENTION_RE: a username, then optionally `@` and a domain.
_MENTION = regex.compile(
    r"(?<![=/\w])@(?P<local>[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\w.-]+\w+)?",
    flags=regex.IGNORECASE,
)
# twitter-text's end_mention_match: `@a@b@c`, `@name`+accent or `@http://` are not mentions.
_NOT_A_MENTION_AFTER = regex.compile(
    r"[@＠\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263"
    r"\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|://"
)


def countable_length(text: str) -> int:
    pieces: list[str] = []
    position = 0
    for start, end, replacement in _entities(text):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return grapheme_count("".join(pieces))


def instance_limit(document: Mapping[str, object]) -> int:
    """The character limit announced in an instance's `/api/v2/instance` JSON document.

    Falls back to `max_toot_chars`, which Pleroma/Akkoma and older forks publish, then to
    Mastodon's default of 500.
    """
    configuration = document.get("configuration")
    statuses = configuration.get("statuses") if isinstance(configuration, Mapping) else None
    candidates = [
        statuses.get("max_characters") if isinstance(statuses, Mapping) else None,
        document.get("max_toot_chars"),
    ]
    for candidate in candidates:
        if isinstance(candidate, int) and not isinstance(candidate, bool) and candidate > 0:
            return candidate
    return DEFAULT_LIMIT


def _entities(text: str) -> list[tuple[int, int, str]]:
    """Links and mentions with what each counts as, overlaps dropped as twitter-text does."""
    found = [(start, end, "x" * URL_LENGTH) for start, end in find_urls(text, scheme_required=True)]
    if "@" in text:
        found += [
            (match.start(), match.end(), "@" + match["local"])
            for match in _MENTION.finditer(text)
            if not _NOT_A_MENTION_AFTER.match(text, match.end())
        ]
    kept: list[tuple[int, int, str]] = []
    for entity in sorted(found):
        if not kept or entity[0] >= kept[-1][1]:
            kept.append(entity)
    return kept
