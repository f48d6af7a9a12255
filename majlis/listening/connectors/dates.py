"""Dates as sources write them, to aware UTC datetimes."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def now() -> datetime:
    return datetime.now(UTC)


def published(value: datetime | None) -> datetime:
    """The moment to file an item under: now when unknown, and never in the future."""
    current = now()
    if value is None:
        return current
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return min(value.astimezone(UTC), current)


def from_struct_time(value: time.struct_time | None) -> datetime | None:
    """feedparser's *_parsed fields, which it has already converted to UTC."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def from_iso(value: object) -> datetime | None:
    """RFC 3339 / ISO 8601 (JSON Feed, Mastodon, AT Protocol) or a bare date; UTC if no zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def from_email(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
