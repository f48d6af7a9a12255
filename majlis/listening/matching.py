"""One compiled matcher for every active query of every workspace, rebuilt when a query changes.

Each process keeps its own copy; the version stamp (count and newest change of active queries)
is read once per batch, so a change made in the UI reaches every worker at its next batch.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Max

from majlis.listening.models import Query
from majlis.text.matcher import CompiledMatcher, Document


@dataclass(frozen=True)
class CompiledQueries:
    stamp: tuple[int, str]
    matcher: CompiledMatcher
    workspace_of: dict[str, int]  # query id (as text) → workspace id

    def match(
        self, docs: Sequence[Document], only_workspace: int | None = None
    ) -> list[dict[int, list[int]]]:
        """For each document, workspace id → ids of its queries that match it."""
        return [
            self._by_workspace(query_ids, only_workspace)
            for query_ids in self.matcher.match_many(docs)
        ]

    def _by_workspace(
        self, query_ids: list[str], only_workspace: int | None
    ) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for query_id in query_ids:
            workspace_id = self.workspace_of[query_id]
            if only_workspace is None or workspace_id == only_workspace:
                found.setdefault(workspace_id, []).append(int(query_id))
        return found


_lock = threading.Lock()
_current: CompiledQueries | None = None


def _stamp() -> tuple[int, str]:
    row = Query.objects.filter(active=True).aggregate(n=Count("id"), newest=Max("updated_at"))
    return row["n"], str(row["newest"])


def compiled_queries() -> CompiledQueries:
    global _current
    stamp = _stamp()
    with _lock:
        if _current is None or _current.stamp != stamp:
            _current = _build(stamp)
        return _current


def _build(stamp: tuple[int, str]) -> CompiledQueries:
    from majlis.text.query import QuerySyntaxError, parse_query

    rows = list(Query.objects.filter(active=True).values_list("pk", "workspace_id", "text"))
    good: list[tuple[str, str]] = []
    workspace_of: dict[str, int] = {}
    for pk, workspace_id, text in rows:
        try:
            parse_query(text)
        except QuerySyntaxError:
            continue  # saved before validation existed, or edited in the database: skip it
        good.append((str(pk), text))
        workspace_of[str(pk)] = workspace_id
    return CompiledQueries(stamp, CompiledMatcher.build(good), workspace_of)
