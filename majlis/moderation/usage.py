"""Monthly counters per key: what usage-limit and key-sites report, and what quotas limit."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from majlis.moderation.models import Usage

COUNTERS = ("calls", "spam", "ham", "missed_spam", "false_positives")


def month_of(moment: datetime | None = None) -> date:
    return (moment or timezone.now()).astimezone(UTC).date().replace(day=1)


def _increment(key_id: int, month: date, changes: dict[str, int]) -> int:
    # Raw SQL: comment-check runs this on every call, and the ORM's update costs ten times more.
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(name)} = {quote(name)} + %s" for name in changes)
    sql = (
        f"UPDATE {quote(Usage._meta.db_table)} SET {sets} "  # noqa: S608  (names from COUNTERS)
        f"WHERE {quote('key_id')} = %s AND {quote('month')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [*changes.values(), key_id, connection.ops.adapt_datefield_value(month)]
        )
        return int(cursor.rowcount)


def add(key_id: int | None, **increments: int) -> None:
    """Add to this month's counters of a key: one UPDATE, or an INSERT on the month's first call."""
    if key_id is None:
        return
    changes = {name: amount for name, amount in increments.items() if amount}
    if not changes:
        return
    if unknown := set(changes) - set(COUNTERS):
        raise ValueError(f"no such counter: {sorted(unknown)}")
    month = month_of()
    if _increment(key_id, month, changes):
        return
    Usage.objects.get_or_create(key_id=key_id, month=month)
    _increment(key_id, month, changes)


def calls_this_month(key_id: int) -> int:
    found = Usage.objects.filter(key_id=key_id, month=month_of()).values_list("calls", flat=True)
    return next(iter(found), 0)


def totals(key_ids: list[int], month: date) -> dict[str, int]:
    sums = Usage.objects.filter(key_id__in=key_ids, month=month).aggregate(
        **{name: Sum(name) for name in COUNTERS}
    )
    return {name: int(sums[name] or 0) for name in COUNTERS}
