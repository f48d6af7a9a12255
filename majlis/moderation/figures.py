"""Per-site figures for the queue page: this month's counters and what waits for moderators."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Sum

from majlis.core.models import Workspace
from majlis.moderation import usage
from majlis.moderation.models import Item, ItemStatus, Site, Usage


@dataclass
class SiteFigures:
    site: Site
    counts: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    hidden: int = 0


def for_workspace(workspace: Workspace) -> list[SiteFigures]:
    """One row per site, in three queries whatever the number of sites."""
    usage.flush()
    rows = {site.pk: SiteFigures(site) for site in Site.objects.filter(workspace=workspace)}
    sums = (
        Usage.objects.filter(key__site__workspace=workspace, month=usage.month_of())
        .values("key__site")
        .annotate(**{name: Sum(name) for name in usage.COUNTERS})
    )
    for row in sums:
        if (figures := rows.get(row["key__site"])) is not None:
            figures.counts = {name: int(row[name] or 0) for name in usage.COUNTERS}
    waiting = (
        Item.objects.filter(workspace=workspace, status__in=[ItemStatus.PENDING, ItemStatus.HIDDEN])
        .values("site", "status")
        .annotate(n=Count("id"))
    )
    for row in waiting:
        if (figures := rows.get(row["site"])) is not None:
            setattr(figures, row["status"], row["n"])
    for figures in rows.values():
        figures.counts = figures.counts or dict.fromkeys(usage.COUNTERS, 0)
    return list(rows.values())


def status_counts(workspace: Workspace) -> dict[str, int]:
    found = dict(
        Item.objects.filter(workspace=workspace)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return {status: found.get(status, 0) for status in ItemStatus.values}
