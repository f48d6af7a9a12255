"""A query over what the workspace has already collected: the editor's test, and the backfill
that gives a new, edited or re-activated query the mentions of the last 30 days.

An item is stored once, however many sources carry it, so "the workspace's items" are those
its sources read, those a credential-free source at the same address read for another
workspace (the same public feed), and those already its mentions (imports included).

Alerts: the detector (`majlis.insights.series`) counts mentions by `published_at`, not by when
they were written, so backfilled mentions fill the past hours they belong to and raise the
expectation rather than the hour being tested. The backfill writes oldest first: a check that
runs half-way sees history without the recent hours, never recent hours without history, so
it cannot misread a half-done backfill as a spike. Nothing is suppressed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from majlis.core import jobs
from majlis.core.models import Job, Workspace
from majlis.listening.ingest import save_stored_mentions
from majlis.listening.models import Item, Mention, Query, Source
from majlis.text.matcher import CompiledMatcher, Document
from majlis.text.query import QuerySyntaxError

WINDOW = timedelta(days=30)
LIMIT = 20_000  # items looked at, newest first: a test or a backfill stays bounded
CHUNK = 1000  # items matched at once: the matcher is fastest over batches, memory stays bounded
SHOWN = 50
JOB = "listening.backfill"


def collected_items(workspace: Workspace, since: datetime) -> QuerySet[Item]:
    own_addresses = Source.objects.filter(workspace=workspace).values("url")
    sources = Source.objects.filter(
        Q(workspace=workspace) | Q(url__in=own_addresses, credentials="")
    ).values("pk")
    mentioned = Mention.objects.filter(workspace=workspace, published_at__gte=since)
    return Item.objects.filter(
        Q(source__in=sources) | Q(pk__in=mentioned.values("item_id")), published_at__gte=since
    )


def _documents(items: Sequence[Item]) -> list[Document]:
    return [Document(str(i.pk), i.text, i.title, i.url, i.author, i.lang) for i in items]


def _matching(matcher: CompiledMatcher, items: list[Item]) -> list[Item]:
    found = matcher.match_many(_documents(items))
    return [item for item, matches in zip(items, found, strict=True) if matches]


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def try_query(workspace: Workspace, text: str) -> tuple[list[Item], int, int]:
    """The newest matching items (at most SHOWN), how many match, how many were looked at."""
    matcher = CompiledMatcher.build([("q", text)])
    items = collected_items(workspace, timezone.now() - WINDOW).order_by("-published_at")
    shown: list[Item] = []
    count = scanned = 0
    for chunk in _chunks(items[:LIMIT].iterator(chunk_size=CHUNK)):
        scanned += len(chunk)
        hits = _matching(matcher, chunk)
        count += len(hits)
        shown += hits[: SHOWN - len(shown)]
    return shown, count, scanned


def start(query: Query) -> Job:
    """Queue the backfill; a backfill already queued for this query reads its latest text."""
    return jobs.submit(JOB, {"query": query.pk}, key=f"query:{query.pk}")


def latest(queries: Sequence[Query]) -> dict[int, Job]:
    """Each query's most recent backfill, for the pages to say where it stands."""
    keys = {f"query:{query.pk}": query.pk for query in queries}
    found: dict[int, Job] = {}
    for job in Job.objects.filter(kind=JOB, key__in=keys).only("key", "state", "result"):
        found.setdefault(keys[job.key], job)  # newest first (Job's ordering)
    return found


@jobs.handler(JOB)
def run(payload: dict[str, Any]) -> dict[str, int]:
    # An edit made while this job ran found it running and did not queue another one: go
    # again over the new text (a few times at most, however busy the editor).
    done: tuple[str, dict[str, int]] | None = None
    for _ in range(3):
        query = Query.objects.filter(pk=payload["query"], active=True).first()
        if query is None or (done and done[0] == query.text):
            break
        done = (query.text, backfill(query))
    return done[1] if done else {"found": 0, "created": 0}


def backfill(query: Query) -> dict[str, int]:
    """Give the query its mentions among the last 30 days' items; safe to run again."""
    try:
        matcher = CompiledMatcher.build([(str(query.pk), query.text)])
    except QuerySyntaxError as error:
        raise jobs.PermanentError(str(error)) from error
    ids = collected_items(query.workspace, timezone.now() - WINDOW).order_by("-published_at")
    newest = list(ids.values_list("pk", flat=True)[:LIMIT])
    newest.reverse()  # oldest first: see the module's note on alerts
    found = created = 0
    for at in range(0, len(newest), CHUNK):
        chunk = list(Item.objects.filter(pk__in=newest[at : at + CHUNK]).order_by("published_at"))
        hits = [item.pk for item in _matching(matcher, chunk)]
        found += len(hits)
        created += _record(query, hits)
    return {"found": found, "created": created}


def _record(query: Query, item_ids: list[int]) -> int:
    """Link the query to the mentions that exist, create the others; how many were created."""
    with transaction.atomic():
        existing = dict(
            Mention.objects.filter(
                workspace_id=query.workspace_id, item_id__in=item_ids
            ).values_list("item_id", "pk")
        )
        link = Mention.queries.through
        link.objects.bulk_create(
            [link(mention_id=pk, query_id=query.pk) for pk in existing.values()],
            ignore_conflicts=True,
        )
        new = [pk for pk in item_ids if pk not in existing]
        save_stored_mentions([(pk, {query.workspace_id: [query.pk]}) for pk in new])
    return len(new)
