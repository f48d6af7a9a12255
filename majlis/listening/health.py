"""How much a source brings: new items stored per day, for the sources page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from majlis.listening.models import Item, Source

WINDOW_DAYS = 7


def items_per_day(sources: Sequence[Source]) -> dict[int, float]:
    """New items each source stored per day over the last week (or since it was added), by
    source id, in one query. An item read again, or first stored by another source, is not
    new: it counts once, for its first source, the day it was stored."""
    now = timezone.now()
    counts = dict(
        Item.objects.filter(
            source__in=[source.pk for source in sources],
            created_at__gte=now - timedelta(days=WINDOW_DAYS),
        )
        .values_list("source")
        .annotate(count=Count("pk"))
        .values_list("source", "count")
    )
    return {
        source.pk: counts.get(source.pk, 0) / _days(now - source.created_at) for source in sources
    }


def _days(age: timedelta) -> float:
    # A source added this morning has had one day at most, not a week, to bring its items.
    return min(max(age / timedelta(days=1), 1.0), float(WINDOW_DAYS))
