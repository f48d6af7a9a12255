"""The e-reputation figures of a workspace over a period, each aggregated by the database.

One query per figure: a year of mentions costs what a week costs, give or take the scan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, QuerySet
from django.db.models.functions import Mod, TruncDate, TruncDay, TruncHour, TruncWeek

from majlis.core.models import Workspace
from majlis.insights import terms
from majlis.listening.models import Mention, QueryGroup, Sentiment

PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30
# Mentions without a sentiment yet count in the volume, not in the index.
INDEX_PRIOR = 10  # neutral pseudo-mentions: a handful of mentions cannot swing the index
CONFIDENCE_MEDIUM, CONFIDENCE_HIGH = 30, 200
TERMS_SAMPLE = 4000  # texts read per period for rising terms, evenly spread


@dataclass(frozen=True)
class Period:
    days: int
    start: datetime
    end: datetime
    tz: ZoneInfo

    @property
    def previous_start(self) -> datetime:
        return self.start - timedelta(days=self.days)

    @property
    def step(self) -> str:
        """The bucket of the time series: a week shows hours, a year shows weeks."""
        return {7: "hour", 365: "week"}.get(self.days, "day")


def period(workspace: Workspace, days: int, now: datetime) -> Period:
    days = days if days in PERIODS else DEFAULT_PERIOD
    return Period(days, now - timedelta(days=days), now, _zone(workspace))


def _zone(workspace: Workspace) -> ZoneInfo:
    try:
        return ZoneInfo(workspace.time_zone)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def mentions_of(workspace: Workspace) -> QuerySet[Mention]:
    return Mention.objects.filter(workspace=workspace, irrelevant=False).order_by()


@dataclass
class Split:
    positive: int = 0
    neutral: int = 0
    negative: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.neutral + self.negative + self.unknown

    @property
    def classified(self) -> int:
        return self.positive + self.neutral + self.negative

    @property
    def negative_share(self) -> float | None:
        """Negative among classified mentions; None when none is classified."""
        return self.negative / self.classified if self.classified else None

    def __add__(self, other: Split) -> Split:
        return Split(
            self.positive + other.positive,
            self.neutral + other.neutral,
            self.negative + other.negative,
            self.unknown + other.unknown,
        )


def _split_counts(prefix: str = "") -> dict[str, Count]:
    return {
        f"{prefix}positive": Count("id", filter=Q(sentiment=Sentiment.POSITIVE), distinct=True),
        f"{prefix}neutral": Count("id", filter=Q(sentiment=Sentiment.NEUTRAL), distinct=True),
        f"{prefix}negative": Count("id", filter=Q(sentiment=Sentiment.NEGATIVE), distinct=True),
        f"{prefix}total": Count("id", distinct=True),
    }


def _split(row: dict[str, int], prefix: str = "") -> Split:
    positive, neutral, negative = (
        row[f"{prefix}{p}"] or 0 for p in ("positive", "neutral", "negative")
    )
    unknown = (row[f"{prefix}total"] or 0) - positive - neutral - negative
    return Split(positive, neutral, negative, unknown)


# --- the e-reputation index --------------------------------------------------------------------


@dataclass(frozen=True)
class Reputation:
    value: float  # 0 (all negative) .. 50 (balanced or too few) .. 100 (all positive)
    mentions: int  # classified mentions it rests on
    confidence: str  # "low", "medium", "high"


def reputation(split: Split) -> Reputation:
    """50 + 50 × (positive − negative) / (classified + 10): plain net sentiment, pulled towards
    the middle while there are few mentions, so three angry posts do not make a crisis."""
    n = split.classified
    value = 50 + 50 * (split.positive - split.negative) / (n + INDEX_PRIOR)
    confidence = "high" if n >= CONFIDENCE_HIGH else "medium" if n >= CONFIDENCE_MEDIUM else "low"
    return Reputation(round(value, 1), n, confidence)


# --- the time series ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bucket:
    start: datetime
    split: Split

    @property
    def reputation(self) -> Reputation:
        return reputation(self.split)


def _bucket_starts(p: Period) -> list[datetime]:
    if p.step == "hour":
        # Step in UTC: adding an hour to a local time is wall-clock arithmetic across DST.
        first = p.start.astimezone(p.tz).replace(minute=0, second=0, microsecond=0)
        first_utc = first.astimezone(UTC)
        hours = math.ceil((p.end - first).total_seconds() / 3600)
        return [(first_utc + timedelta(hours=h)).astimezone(p.tz) for h in range(hours)]
    first_day = p.start.astimezone(p.tz).date()
    if p.step == "week":
        first_day -= timedelta(days=first_day.weekday())
    last_day = p.end.astimezone(p.tz).date()
    stride = 7 if p.step == "week" else 1
    count = (last_day - first_day).days // stride + 1
    days = [first_day + timedelta(days=stride * i) for i in range(count)]
    return [_local_midnight(d, p.tz) for d in days]


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def volume_series(workspace: Workspace, p: Period) -> list[Bucket]:
    trunc = {"hour": TruncHour, "day": TruncDay, "week": TruncWeek}[p.step]
    rows = (
        mentions_of(workspace)
        .filter(published_at__gte=p.start, published_at__lt=p.end)
        .annotate(bucket=trunc("published_at", tzinfo=p.tz))
        .values("bucket")
        .annotate(**_split_counts())
    )
    found = {row["bucket"]: _split(row) for row in rows}
    return [Bucket(start, found.get(start, Split())) for start in _bucket_starts(p)]


def previous_split(workspace: Workspace, p: Period) -> Split:
    row = (
        mentions_of(workspace)
        .filter(published_at__gte=p.previous_start, published_at__lt=p.start)
        .aggregate(**_split_counts())
    )
    return _split(row)


# --- share of voice ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Voice:
    name: str
    group: str  # "brand" or "competitor"
    split: Split
    share: float = 0.0


def share_of_voice(workspace: Workspace, p: Period) -> list[Voice]:
    """The brand (its brand queries together) against each competitor query.

    A mention that names the brand and a competitor counts for both: it is a comparison.
    """
    in_period = mentions_of(workspace).filter(published_at__gte=p.start, published_at__lt=p.end)
    brand = in_period.filter(queries__group=QueryGroup.BRAND).aggregate(**_split_counts())
    competitors = (
        in_period.filter(queries__group=QueryGroup.COMPETITOR)
        .values("queries__id", "queries__name")
        .annotate(**_split_counts())
        .order_by("-total", "queries__name")
    )
    voices = []
    if brand["total"]:
        voices.append(Voice(workspace.brand or workspace.name, QueryGroup.BRAND, _split(brand)))
    voices += [
        Voice(row["queries__name"], QueryGroup.COMPETITOR, _split(row)) for row in competitors
    ]
    total = sum(v.split.total for v in voices)
    return [
        Voice(v.name, v.group, v.split, v.split.total / total if total else 0.0) for v in voices
    ]


# --- sources and authors -----------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    name: str
    mentions: int
    negative: int


def top_sources(workspace: Workspace, p: Period, limit: int = 10) -> list[SourceRow]:
    rows = (
        mentions_of(workspace)
        .filter(published_at__gte=p.start, published_at__lt=p.end)
        .exclude(item__source_name="")
        .values("item__source_name")
        .annotate(n=Count("id"), neg=Count("id", filter=Q(sentiment=Sentiment.NEGATIVE)))
        .order_by("-n", "item__source_name")[:limit]
    )
    return [SourceRow(r["item__source_name"], r["n"], r["neg"]) for r in rows]


@dataclass(frozen=True)
class AuthorRow:
    name: str
    mentions: int  # reach, for want of follower counts
    days: int  # engagement: distinct days the author wrote about us
    brand: int  # mentions that match a brand query
    score: float

    @property
    def relevance(self) -> float:
        return (self.brand + 1) / (self.mentions + 2)


def top_authors(workspace: Workspace, p: Period, limit: int = 10) -> list[AuthorRow]:
    """Ranked by reach × engagement × relevance: mentions × active days × brand share
    (smoothed as (brand + 1) / (mentions + 2), so one lucky post is not "all about us")."""
    score = ExpressionWrapper(
        F("n") * F("days") * (F("brand") + 1.0) / (F("n") + 2.0), output_field=FloatField()
    )
    rows = (
        mentions_of(workspace)
        .filter(published_at__gte=p.start, published_at__lt=p.end)
        .exclude(item__author="")
        .values("item__author")
        .annotate(
            n=Count("id", distinct=True),
            days=Count(TruncDate("published_at", tzinfo=p.tz), distinct=True),
            brand=Count("id", distinct=True, filter=Q(queries__group=QueryGroup.BRAND)),
        )
        .annotate(score=score)
        .order_by("-score", "item__author")[:limit]
    )
    return [
        AuthorRow(r["item__author"], r["n"], r["days"], r["brand"], round(r["score"], 2))
        for r in rows
    ]


# --- rising terms ------------------------------------------------------------------------------


def _texts(qs: QuerySet[Mention], count: int, cap: int = TERMS_SAMPLE) -> list[str]:
    """Up to `cap` texts, one mention in every `step` by id when there are more."""
    step = max(1, math.ceil(count / cap))
    if step > 1:
        qs = qs.annotate(pick=Mod("id", step)).filter(pick=0)
    rows = qs.values_list("item__title", "item__text")[:cap]
    return [f"{title} {text}" for title, text in rows]


def rising_terms(
    workspace: Workspace, p: Period, count_now: int, count_before: int, limit: int = 15
) -> list[terms.RisingTerm]:
    mentions = mentions_of(workspace)
    now = _texts(mentions.filter(published_at__gte=p.start, published_at__lt=p.end), count_now)
    before = _texts(
        mentions.filter(published_at__gte=p.previous_start, published_at__lt=p.start),
        count_before,
    )
    return terms.rising_terms(now, before, limit)


# --- the whole page ----------------------------------------------------------------------------


@dataclass
class Insights:
    period: Period
    series: list[Bucket]
    split: Split
    previous: Split
    reputation: Reputation
    previous_reputation: Reputation
    voices: list[Voice] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    authors: list[AuthorRow] = field(default_factory=list)
    rising: list[terms.RisingTerm] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        """Volume change against the previous period, as a fraction; None without a past."""
        if not self.previous.total:
            return None
        return self.split.total / self.previous.total - 1

    @property
    def brand_share(self) -> float | None:
        brand = [v for v in self.voices if v.group == QueryGroup.BRAND]
        return brand[0].share if brand and len(self.voices) > 1 else None


def insights(workspace: Workspace, days: int, now: datetime) -> Insights:
    p = period(workspace, days, now)
    series = volume_series(workspace, p)
    split = sum((b.split for b in series), Split())
    previous = previous_split(workspace, p)
    return Insights(
        period=p,
        series=series,
        split=split,
        previous=previous,
        reputation=reputation(split),
        previous_reputation=reputation(previous),
        voices=share_of_voice(workspace, p),
        sources=top_sources(workspace, p),
        authors=top_authors(workspace, p),
        rising=rising_terms(workspace, p, split.total, previous.total),
    )
