"""How many other sources carried the same story (one near-duplicate cluster): "also in N"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from majlis.core.models import Workspace
from majlis.listening.models import Mention


def _source_of(source_id: int | None, source_name: str) -> str:
    # The feed's or site's name tells sites apart even when two workspaces follow the same feed.
    return source_name or f"#{source_id}"


def mark_also_in(workspace: Workspace, mentions: Sequence[Mention]) -> None:
    """Set `also_in` on each mention: the other sources in its cluster, in one query."""
    keys = {m.item.cluster_key for m in mentions if m.item.cluster_key}
    rows = (
        Mention.objects.filter(workspace=workspace, irrelevant=False, item__cluster_key__in=keys)
        .values_list("item__cluster_key", "item__source_id", "item__source_name")
        .distinct()
    )
    sources: dict[str, set[str]] = defaultdict(set)
    for key, source_id, source_name in rows if keys else ():
        sources[key].add(_source_of(source_id, source_name))
    for m in mentions:
        others = sources.get(m.item.cluster_key, set()) - {
            _source_of(m.item.source_id, m.item.source_name)
        }
        m.also_in = len(others)  # type: ignore[attr-defined]
