"""The figures at the top of a workspace's dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from majlis.core.models import Workspace
from majlis.listening.models import Mention


@dataclass
class WorkspaceSummary:
    mentions_total: int
    mentions_week: int
    by_language: list[tuple[str, int]]
    by_sentiment: dict[str, int]
    latest: list[Mention] = field(default_factory=list)
    sources: int = 0
    queries: int = 0


def workspace_summary(workspace: Workspace) -> WorkspaceSummary:
    mentions = Mention.objects.filter(workspace=workspace, irrelevant=False)
    week_ago = timezone.now() - timedelta(days=7)
    by_language = (
        mentions.values_list("item__lang").annotate(n=Count("id")).order_by("-n", "item__lang")
    )
    by_sentiment = dict(mentions.values_list("sentiment").annotate(n=Count("id")))
    return WorkspaceSummary(
        mentions_total=mentions.count(),
        mentions_week=mentions.filter(published_at__gte=week_ago).count(),
        by_language=[(lang or "und", n) for lang, n in by_language],
        by_sentiment={k or "": v for k, v in by_sentiment.items()},
        latest=list(mentions.select_related("item__source").prefetch_related("queries")[:10]),
        sources=workspace.sources.count(),
        queries=workspace.queries.filter(active=True).count(),
    )
