"""Monthly counters per key: what usage-limit and key-sites report, and what quotas limit.

comment-check counts every call, so its increments are gathered in the process and written at
most once a second (one UPDATE per key instead of one per call); whatever reads the counters
writes this process's pending increments first. Another process's increments show within a
second, and a process killed outright loses at most its last second of counts.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime

from django.db import IntegrityError, connection
from django.db.models import Sum
from django.utils import timezone

from majlis.moderation.models import Usage

COUNTERS = ("calls", "spam", "ham", "missed_spam", "false_positives")
FLUSH_SECONDS = 1.0

_pending: dict[tuple[int, date], Counter[str]] = {}
_lock = threading.Lock()
_last_flush = time.monotonic()


def month_of(moment: datetime | None = None) -> date:
    return (moment or timezone.now()).astimezone(UTC).date().replace(day=1)


def _increment(key_id: int, month: date, changes: dict[str, int]) -> int:
    # Raw SQL: the ORM's update costs ten times more, for one statement.
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


def _write(key_id: int, month: date, changes: dict[str, int]) -> None:
    if unknown := set(changes) - set(COUNTERS):
        raise ValueError(f"no such counter: {sorted(unknown)}")
    if _increment(key_id, month, changes):
        return
    try:
        Usage.objects.get_or_create(key_id=key_id, month=month)
    except IntegrityError:
        # The key was deleted since these checks were counted: nobody is left to bill, and
        # the comment-check that happens to flush them must not fail for it.
        return
    _increment(key_id, month, changes)


def add(key_id: int | None, **increments: int) -> None:
    """Add to this month's counters of a key now (corrections, moderators' decisions)."""
    changes = {name: amount for name, amount in increments.items() if amount}
    if key_id is not None and changes:
        _write(key_id, month_of(), changes)


def count_check(key_id: int, is_spam: bool) -> None:
    """Count one comment-check; written with the others at most once a second."""
    with _lock:
        counter = _pending.setdefault((key_id, month_of()), Counter())
        counter.update(calls=1, spam=int(is_spam), ham=int(not is_spam))
        due = time.monotonic() - _last_flush >= FLUSH_SECONDS
    if due:
        flush()


def flush() -> None:
    """Write this process's pending increments."""
    global _last_flush
    with _lock:
        batch = {where: dict(+counter) for where, counter in _pending.items()}
        _pending.clear()
        _last_flush = time.monotonic()
    for (key_id, month), changes in batch.items():
        if changes:
            _write(key_id, month, changes)


def forget_pending() -> None:
    """Drop unwritten increments (tests: the database they were counted in is gone)."""
    with _lock:
        _pending.clear()


def _flush_at_exit() -> None:
    # The process is leaving; the database may be gone already.
    with contextlib.suppress(Exception):
        flush()


atexit.register(_flush_at_exit)


def calls_this_month(key_id: int) -> int:
    """This month's checks of a key: what is written, plus what this process has not yet."""
    month = month_of()
    found = Usage.objects.filter(key_id=key_id, month=month).values_list("calls", flat=True)
    with _lock:
        pending = _pending.get((key_id, month), Counter())["calls"]
    return next(iter(found), 0) + pending


def totals(key_ids: list[int], month: date) -> dict[str, int]:
    flush()
    sums = Usage.objects.filter(key_id__in=key_ids, month=month).aggregate(
        **{name: Sum(name) for name in COUNTERS}
    )
    return {name: int(sums[name] or 0) for name in COUNTERS}
