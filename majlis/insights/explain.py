"""Why an alert was raised: what drove the rise, against the four weeks before it.

Computed when an alert is raised or escalated and stored with it as JSON, so the alert keeps
the picture of its moment even after the mentions age out of the dashboard.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Min, QuerySet

from majlis.core.models import Workspace
from majlis.insights import detection, terms
from majlis.insights.metrics import mentions_of
from majlis.listening.models import Mention, Query, Sentiment

HISTORY = timedelta(days=28)
TOP = 5
SAMPLE_MENTIONS = 12
WINDOW_TEXTS, HISTORY_TEXTS = 800, 3000


def _scoped(workspace: Workspace, query: Query | None) -> QuerySet[Mention]:
    mentions = mentions_of(workspace)
    return mentions.filter(queries=query) if query is not None else mentions


def _drivers(
    window: QuerySet[Mention], history: QuerySet[Mention], field: str, scale: float
) -> list[dict[str, Any]]:
    """The values of `field` that carried most of the window, with what they usually bring in a
    window of the same length."""
    top = list(
        window.exclude(**{field: ""})
        .values(field)
        .annotate(n=Count("id", distinct=True))
        .order_by("-n", field)[:TOP]
    )
    names = [row[field] for row in top]
    usual = dict(
        history.filter(**{f"{field}__in": names})
        .values_list(field)
        .annotate(n=Count("id", distinct=True))
    )
    return [
        {"name": row[field], "count": row["n"], "usual": round(usual.get(row[field], 0) * scale, 2)}
        for row in top
    ]


def _clusters(window: QuerySet[Mention]) -> list[dict[str, Any]]:
    """Stories told by several items at once (near-duplicates share a cluster key)."""
    top = list(
        window.exclude(item__cluster_key="")
        .values("item__cluster_key")
        .annotate(n=Count("id", distinct=True), first=Min("id"))
        .filter(n__gte=2)
        .order_by("-n")[:TOP]
    )
    firsts = Mention.objects.select_related("item").in_bulk([row["first"] for row in top])
    clusters = []
    for row in top:
        mention = firsts[row["first"]]
        clusters.append(
            {
                "key": row["item__cluster_key"],
                "count": row["n"],
                "title": mention.item.title or mention.item.text[:140],
                "url": mention.item.url,
                "mention": mention.pk,
            }
        )
    return clusters


def _texts(qs: QuerySet[Mention], limit: int) -> list[str]:
    rows = qs.order_by("-published_at").values_list("item__title", "item__text")[:limit]
    return [f"{title} {text}" for title, text in rows]


def _sample(window: QuerySet[Mention]) -> list[dict[str, Any]]:
    """A few mentions to read first: the negative ones, the most recent first."""
    rows = window.select_related("item").order_by("-published_at")[: SAMPLE_MENTIONS * 4]
    ordered = sorted(rows, key=lambda m: m.sentiment != Sentiment.NEGATIVE)[:SAMPLE_MENTIONS]
    return [
        {
            "mention": m.pk,
            "url": m.item.url,
            "title": m.item.title,
            "text": m.item.text[:280],
            "author": m.item.author,
            "source": m.item.source_name,
            "sentiment": m.sentiment,
            "published_at": m.published_at.isoformat(),
        }
        for m in ordered
    ]


def explain(
    workspace: Workspace,
    query: Query | None,
    finding: detection.Finding,
    start: datetime,
    end: datetime,
) -> dict[str, Any]:
    scoped = _scoped(workspace, query)
    window = scoped.filter(published_at__gte=start, published_at__lt=end)
    history = scoped.filter(published_at__gte=start - HISTORY, published_at__lt=start)
    scale = (end - start) / HISTORY
    now = terms.document_frequencies(_texts(window, WINDOW_TEXTS))
    before = terms.document_frequencies(_texts(history, HISTORY_TEXTS))
    rising = terms.rising(now, before, limit=8, min_count=2)
    return {
        "negatives": finding.negatives,
        "negative_share": round(finding.negative_share, 3),
        "baseline_share": round(finding.baseline_share, 3),
        "negative_p_value": finding.negative_p_value,
        "clusters": _clusters(window),
        "sources": _drivers(window, history, "item__source_name", scale),
        "authors": _drivers(window, history, "item__author", scale),
        "terms": [
            {"term": t.term, "label": t.label, "count": t.count, "previous": t.previous}
            for t in rising
        ],
        "mentions": _sample(window),
    }
