"""Mentions made directly, as the listening path would leave them."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from majlis.listening.models import Item, Mention, Query, QueryGroup

_serial = itertools.count(1)


def query(workspace: Any, name: str, group: str = QueryGroup.BRAND, text: str = "") -> Query:
    return Query.objects.create(workspace=workspace, name=name, group=group, text=text or name)


def mentions(
    workspace: Any,
    times: Iterable[datetime],
    *,
    sentiment: str = "neutral",
    queries: Sequence[Query] = (),
    text: str = "Un avis sur le réseau",
    title: str = "",
    author: str = "",
    source: str = "Hespress",
    cluster: str = "",
    lang: str = "fr",
) -> list[Mention]:
    times = list(times)
    items = []
    for moment in times:
        serial = next(_serial)
        items.append(
            Item(
                url=f"https://news.example.ma/{serial}",
                content_hash=hashlib.sha256(str(serial).encode()).hexdigest(),
                title=title,
                text=text,
                author=author,
                lang=lang,
                published_at=moment,
                source_name=source,
                cluster_key=cluster,
            )
        )
    Item.objects.bulk_create(items)
    made = Mention.objects.bulk_create(
        [
            Mention(
                workspace=workspace, item=item, published_at=item.published_at, sentiment=sentiment
            )
            for item in items
        ]
    )
    links = [Mention.queries.through(mention_id=m.pk, query_id=q.pk) for m in made for q in queries]
    Mention.queries.through.objects.bulk_create(links)
    return made


def finding(
    severity: str = "high", observed: int = 42, expected: float = 3.0, kind: str = "volume"
) -> Any:
    from majlis.insights.detection import Finding

    return Finding(kind, severity, 1, 1.0, observed, expected, 1e-8, 30, 0.71, 0.2, 1e-9)


def alert(workspace: Any, severity: str = "high", query: Query | None = None, **fields: Any) -> Any:
    from django.utils import timezone

    from majlis.insights import alerts

    now = fields.pop("now", None) or timezone.now()
    from datetime import timedelta

    raised = alerts.raise_or_escalate(
        workspace, query, finding(severity, **fields), now - timedelta(hours=1), now
    )
    assert raised is not None
    return raised
