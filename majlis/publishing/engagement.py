"""Engagement read back from the networks, and the best times to post that follow from it.

Each published variant is read back every hour for its first week (likes, shares, replies).
The best-time hint is the plainest model that works: the average number of interactions of
the posts published in each hour of the week, in the workspace's time zone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from majlis.core import jobs
from majlis.core.models import Workspace
from majlis.core.scheduler import every_minute
from majlis.publishing import accounts, http
from majlis.publishing.connectors import base, connector_class
from majlis.publishing.models import Variant, VariantState
from majlis.publishing.timezones import zone_of

READ_FOR = timedelta(days=7)
READ_EVERY = timedelta(hours=1)
HISTORY = timedelta(days=90)
BATCH = 100


def read_engagement_due(now: datetime | None = None) -> int:
    now = now or timezone.now()
    due = (
        Variant.objects.filter(state=VariantState.PUBLISHED, published_at__gte=now - READ_FOR)
        .filter(Q(metrics_read_at__isnull=True) | Q(metrics_read_at__lt=now - READ_EVERY))
        .exclude(remote_id="")
        .values_list("pk", flat=True)[:BATCH]
    )
    ids = list(due)
    for variant_id in ids:
        jobs.submit(
            "publishing.read_engagement", {"variant": variant_id}, key=f"metrics:{variant_id}"
        )
    return len(ids)


every_minute(read_engagement_due)


@jobs.handler("publishing.read_engagement")
def _read_engagement_job(payload: dict[str, Any]) -> dict[str, int]:
    return read_engagement(int(payload["variant"]))


def read_engagement(variant_id: int) -> dict[str, int]:
    variant = Variant.objects.select_related("account").get(pk=variant_id)
    try:
        with http.client() as client:
            seen = connector_class(variant.account.network)(client).read_back(
                accounts.view_of(variant.account), variant.remote_id
            )
    except base.PermanentError as exc:
        Variant.objects.filter(pk=variant.pk).update(metrics_read_at=timezone.now())
        raise jobs.PermanentError(str(exc)) from exc
    counts = {"likes": seen.likes, "shares": seen.shares, "replies": seen.replies} if seen else {}
    Variant.objects.filter(pk=variant.pk).update(metrics_read_at=timezone.now(), **counts)
    return counts


@dataclass(frozen=True)
class BestTime:
    weekday: int  # Monday is 0
    hour: int
    average: float
    posts: int


def best_times(workspace: Workspace, now: datetime | None = None, top: int = 3) -> list[BestTime]:
    now = now or timezone.now()
    tz = zone_of(workspace)
    totals: dict[tuple[int, int], list[int]] = defaultdict(list)
    rows = Variant.objects.filter(
        post__workspace=workspace,
        state=VariantState.PUBLISHED,
        published_at__gte=now - HISTORY,
        metrics_read_at__isnull=False,
    ).values_list("published_at", "likes", "shares", "replies")
    for published_at, likes, shares, replies in rows[:5000]:
        if published_at is None:
            continue
        local = published_at.astimezone(tz)
        totals[(local.weekday(), local.hour)].append(likes + shares + replies)
    slots = [
        BestTime(weekday, hour, sum(values) / len(values), len(values))
        for (weekday, hour), values in totals.items()
    ]
    slots.sort(key=lambda slot: (-slot.average, -slot.posts, slot.weekday, slot.hour))
    return [slot for slot in slots if slot.average > 0][:top]
