"""The hourly series the detector reads: the whole workspace and each active brand query.

A handful of queries per check whatever the volume: the brand queries; the sums of each series
over its history; then hourly counts (TruncHour in UTC) only for the hours the detector looks
at (`detection.reads`: the last half day and the same hours in past weeks), so a check costs
the same on a quiet brand and on a busy one. Buckets are UTC hours: a change of legal time
shifts the weekly pattern by one hour, which the detector's "one hour either side" absorbs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncHour

from majlis.core.models import Workspace
from majlis.insights import detection
from majlis.insights.metrics import mentions_of
from majlis.listening.models import Mention, Query, QueryGroup, Sentiment

HOUR = timedelta(hours=1)
Row = tuple[datetime, int, int]


def history_hours(config: detection.Config = detection.DEFAULT) -> int:
    reach = max(config.windows) + config.neighbours + 1
    return config.weeks * detection.HOURS_PER_WEEK + reach


def hour_floor(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


@dataclass
class Scope:
    """One watched series: `counts[-1]` is the hour in progress, seen over `fraction` of it.

    Only the buckets the detector reads are filled; `totals` holds the sums of the whole series.
    """

    query: Query | None
    start: datetime  # start of the first bucket
    counts: list[int]
    negatives: list[int]
    fraction: float
    totals: tuple[int, int]

    def bucket_start(self, buckets_back: int) -> datetime:
        """Start of the window made of the last `buckets_back` buckets."""
        return self.start + (len(self.counts) - buckets_back) * HOUR

    def assess(self) -> detection.Finding | None:
        return detection.assess(self.counts, self.negatives, self.fraction, totals=self.totals)


@dataclass
class _Plan:
    query: Query | None
    start: datetime
    length: int
    totals: tuple[int, int]


def _counted() -> dict[str, Count]:
    return {
        "n": Count("id", distinct=True),
        "neg": Count("id", distinct=True, filter=Q(sentiment=Sentiment.NEGATIVE)),
    }


def _plan(
    query: Query | None,
    row: dict[str, object] | None,
    earliest: datetime,
    since: datetime,
    current: datetime,
) -> _Plan:
    """Where the series starts: when listening began (`since`) or with its first mention,
    whichever came first (imported mentions predate the workspace). A young series is then
    "learning" for the detector rather than quiet, and a new query's empty past does not make
    its first day a spike."""
    first = row["first"] if row and row["first"] else since
    assert isinstance(first, datetime)
    start = min(current, max(earliest, hour_floor(min(since, first))))
    totals = (int(row["n"]), int(row["neg"])) if row else (0, 0)  # type: ignore[call-overload]
    return _Plan(query, start, int((current - start) / HOUR) + 1, totals)


def _ranges(plans: Iterable[_Plan], fraction: float, now: datetime) -> Q:
    spans = {
        (plan.start + a * HOUR, min(now, plan.start + b * HOUR))
        for plan in plans
        for a, b in detection.reads(plan.length, fraction)
    }
    return reduce(or_, (Q(published_at__gte=a, published_at__lt=b) for a, b in spans), Q(pk__in=[]))


def _fill(plan: _Plan, rows: Iterable[Row], fraction: float) -> Scope:
    counts, negatives = [0] * plan.length, [0] * plan.length
    for hour, n, neg in rows:
        index = int((hour_floor(hour) - plan.start) / HOUR)
        if 0 <= index < plan.length:
            counts[index], negatives[index] = n, neg
    return Scope(plan.query, plan.start, counts, negatives, fraction, plan.totals)


def scopes(workspace: Workspace, now: datetime) -> list[Scope]:
    current = hour_floor(now)
    fraction = (now - current) / HOUR
    earliest = current - (history_hours() - 1) * HOUR
    base: QuerySet[Mention] = mentions_of(workspace).filter(
        published_at__gte=earliest, published_at__lt=now
    )
    brand_queries = list(
        Query.objects.filter(workspace=workspace, group=QueryGroup.BRAND, active=True)
    )
    in_queries = base.filter(queries__in=brand_queries)
    summary = base.aggregate(**_counted(), first=Min("published_at"))
    plans = [_plan(None, summary, earliest, hour_floor(workspace.created_at), current)]
    if brand_queries:
        sums = {
            row["queries"]: row
            for row in in_queries.values("queries").annotate(
                **_counted(), first=Min("published_at")
            )
        }
        plans += [
            _plan(q, sums.get(q.pk), earliest, hour_floor(q.updated_at), current)
            for q in brand_queries
        ]
    wanted = _ranges(plans, fraction, now)
    hour = TruncHour("published_at", tzinfo=UTC)
    whole = base.filter(wanted).annotate(hour=hour).values("hour").annotate(**_counted())
    found = [_fill(plans[0], ((r["hour"], r["n"], r["neg"]) for r in whole), fraction)]
    if brand_queries:
        rows: dict[int, list[Row]] = {q.pk: [] for q in brand_queries}
        per_query = (
            in_queries.filter(wanted)
            .annotate(hour=hour)
            .values("queries", "hour")
            .annotate(**_counted())
        )
        for r in per_query:
            rows[r["queries"]].append((r["hour"], r["n"], r["neg"]))
        found += [_fill(plan, rows[plan.query.pk], fraction) for plan in plans[1:] if plan.query]
    return found
