"""Clean user HTML (comments, posts) down to the markup that comment systems allow.

Every piece of user HTML that Majlis shows goes through `clean_html`: one allow-list, one place
to review. The list is the one WordPress applies to comments (`$allowedtags`), so markup that a
brand site accepted stays as its author wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del",
        "em", "i", "q", "s", "strike", "strong",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "acronym": frozenset({"title"}),
    "blockquote": frozenset({"cite"}),
    "del": frozenset({"datetime"}),
    "q": frozenset({"cite"}),
}

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

# Unlike a tag that is merely not allowed (its text is kept), these take their content with
# them: the text of a script or a style sheet is code, and SVG and MathML carry foreign-content
# parsing rules that have been the root of several sanitizer bypasses.
_DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed",
        "svg", "math", "xmp", "noembed", "noframes",
    }
)  # fmt: skip

# Browsers drop tabs and newlines inside a URL ("java\tscript:" runs as "javascript:").
_URL_IGNORED = re.compile(r"[\x00-\x20]")


def _is_allowed_url(url: str) -> bool:
    scheme = urlsplit(_URL_IGNORED.sub("", url)).scheme.lower()
    return scheme in URL_SCHEMES


def _check_cite(tag: str, attribute: str, value: str) -> str | None:
    # nh3 checks the scheme of `href` itself but passes `cite` through untouched.
    if attribute == "cite" and not _is_allowed_url(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=dict(ALLOWED_ATTRIBUTES),
    attribute_filter=_check_cite,
    url_schemes=URL_SCHEMES,
    # A relative or protocol-relative URL has no scheme to check, and on a brand's page it
    # would point into the brand's own site: refuse it.
    url_relative="deny",
    # The link is the commenter's, not the site's: search engines must not credit it.
    link_rel="nofollow ugc",
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """Return `html` with only the allowed tags, attributes and URL schemes left."""
    return _CLEANER.clean(html)
