"""An Akismet request's fields as an item's columns: every documented field, the rest kept aside."""

from __future__ import annotations

from typing import Any

from majlis.moderation.models import Item
from majlis.text.html_clean import clean_html
from majlis.text.spam.decide import content_fingerprint

# Comments longer than this are stored and judged on their beginning: spam says what it is
# early, and the judge's time grows with the text.
MAX_CONTENT = 20_000
_MAX_EXTRA_FIELDS = 100
_MAX_EXTRA_NAME = 100
_MAX_EXTRA_VALUE = 1000

# Akismet's field → the item's column.
COLUMNS = {
    "blog": "blog",
    "user_ip": "user_ip",
    "user_agent": "user_agent",
    "referrer": "referrer",
    "permalink": "permalink",
    "comment_type": "comment_type",
    "comment_author": "author",
    "comment_author_email": "author_email",
    "comment_author_url": "author_url",
    "comment_content": "content",
    "comment_date_gmt": "comment_date_gmt",
    "comment_post_modified_gmt": "comment_post_modified_gmt",
    "blog_lang": "blog_lang",
    "blog_charset": "blog_charset",
    "user_role": "user_role",
    "recheck_reason": "recheck_reason",
    "honeypot_field_name": "honeypot_field_name",
}
# Fields of the protocol itself, not of the comment.
_NOT_KEPT = {"api_key", "key", "is_test", "guid", "referer"}


def _limit(column: str) -> int:
    if column == "content":
        return MAX_CONTENT
    return int(getattr(Item._meta.get_field(column), "max_length", None) or 255)


def author_key(author_email: str, author: str) -> str:
    """Who wrote it, for counting: the e-mail address, else the name."""
    return (author_email.strip() or author.strip()).lower()[:255]


def trimmed(params: dict[str, str]) -> dict[str, str]:
    """The request's fields cut to what an item stores (and what the judge reads)."""
    out = dict(params)
    for field, column in COLUMNS.items():
        if field in out:
            out[field] = out[field][: _limit(column)]
    if "referer" in out and "referrer" not in out:
        out["referrer"] = out["referer"][: _limit("referrer")]
    honeypot = out.get("honeypot_field_name", "")
    if honeypot in out:
        out[honeypot] = out[honeypot][:500]
    return out


def _extra(params: dict[str, str]) -> dict[str, str]:
    honeypot = params.get("honeypot_field_name", "")
    kept: dict[str, str] = {}
    for name, value in params.items():
        if name in COLUMNS or name in _NOT_KEPT or name == honeypot:
            continue
        if len(kept) >= _MAX_EXTRA_FIELDS:
            break
        kept[name[:_MAX_EXTRA_NAME]] = value[:_MAX_EXTRA_VALUE]
    return kept


def item_columns(params: dict[str, str]) -> dict[str, Any]:
    """Every column of an item that comes from the request (`params` already trimmed)."""
    columns: dict[str, Any] = {column: params.get(field, "") for field, column in COLUMNS.items()}
    honeypot = columns["honeypot_field_name"]
    content = columns["content"]
    columns.update(
        honeypot_value=params.get(honeypot, "")[:500] if honeypot else "",
        author_key=author_key(columns["author_email"], columns["author"]),
        content_html=clean_html(content),
        fingerprint=content_fingerprint(content),
        is_test=params.get("is_test", "").strip().lower() in {"1", "true", "yes", "on"},
        extra=_extra(params),
    )
    return columns
