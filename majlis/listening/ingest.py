"""The listening path, from parsed items to stored mentions (DESIGN.md, "The listening path").

Batch by batch: canonical URL and content hash (an item is stored once) → language → near-
duplicate cluster → every active query at once → a mention per matching workspace → sentiment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction

from majlis.core.models import Workspace
from majlis.listening.clusters import cluster_index
from majlis.listening.matching import compiled_queries
from majlis.listening.models import Item, Mention, Source
from majlis.listening.sentiment import classify_for_workspaces
from majlis.text.dedupe import canonical_url, content_hash
from majlis.text.langid import detect_language
from majlis.text.matcher import Document
from majlis.text.normalize import normalize

CREATED, DUPLICATE, UNMATCHED = "created", "duplicate", "unmatched"
BATCH = 500


@dataclass(frozen=True)
class Incoming:
    """One item as a connector or an import file gives it."""

    url: str
    text: str
    published_at: datetime
    title: str = ""
    author: str = ""
    source_name: str = ""


def ingest(
    incoming: Iterable[Incoming],
    only_workspace: Workspace | None = None,
    source: Source | None = None,
) -> list[str]:
    """Run items through the path; one status per item, in order."""
    statuses: list[str] = []
    batch: list[Incoming] = []
    for entry in incoming:
        batch.append(entry)
        if len(batch) == BATCH:
            statuses += _ingest_batch(batch, only_workspace, source)
            batch = []
    if batch:
        statuses += _ingest_batch(batch, only_workspace, source)
    return statuses


def ingest_rows(
    workspace: Workspace, rows: Iterable[dict[str, str]], source_label: str
) -> list[str]:
    """Rows shaped like `majlis import` lines, already validated."""
    return ingest(
        (
            Incoming(
                url=row["url"],
                text=row["text"],
                published_at=datetime.fromisoformat(row["published_at"]),
                title=row.get("title") or "",
                author=row.get("author") or "",
                source_name=row.get("source") or source_label,
            )
            for row in rows
        ),
        only_workspace=workspace,
    )


def _ingest_batch(
    batch: Sequence[Incoming], only_workspace: Workspace | None, source: Source | None
) -> list[str]:
    urls = [canonical_url(entry.url) for entry in batch]
    hashes = [content_hash(normalize(f"{entry.title}\n{entry.text}")) for entry in batch]
    with transaction.atomic():
        items = _store_items(batch, urls, hashes, source)
        statuses = _create_mentions(batch, items, only_workspace)
        if source is not None:
            Source.objects.filter(pk=source.pk).update(items_seen=source.items_seen + len(batch))
    return statuses


def _store_items(
    batch: Sequence[Incoming], urls: list[str], hashes: list[str], source: Source | None
) -> list[tuple[Item, bool]]:
    """Each entry's stored item, and whether it was already known before this batch."""
    known = {item.url: item for item in Item.objects.filter(url__in=set(urls))}
    by_hash = {
        item.content_hash: item for item in Item.objects.filter(content_hash__in=set(hashes))
    }
    index = cluster_index()
    result: list[tuple[Item, bool]] = []
    fresh: dict[str, Item] = {}
    for entry, url, digest in zip(batch, urls, hashes, strict=True):
        existing = known.get(url) or by_hash.get(digest)
        if existing is not None:
            result.append((existing, True))
            continue
        if url in fresh or digest in {i.content_hash for i in fresh.values()}:
            twin = fresh.get(url) or next(i for i in fresh.values() if i.content_hash == digest)
            result.append((twin, True))
            continue
        item = Item(
            url=url,
            content_hash=digest,
            title=entry.title[:2000],
            text=entry.text,
            author=entry.author[:300],
            lang=detect_language(f"{entry.title}\n{entry.text}"),
            published_at=entry.published_at,
            source=source,
            source_name=entry.source_name[:300],
        )
        item.signature, item.cluster_key = index.place(digest, f"{entry.title}\n{entry.text}")
        fresh[url] = item
        result.append((item, False))
    if fresh:
        Item.objects.bulk_create(fresh.values(), ignore_conflicts=True)
        saved = {item.url: item for item in Item.objects.filter(url__in=list(fresh))}
        result = [(saved.get(item.url, item), was_known) for item, was_known in result]
    return result


def _create_mentions(
    batch: Sequence[Incoming], items: list[tuple[Item, bool]], only_workspace: Workspace | None
) -> list[str]:
    queries = compiled_queries()
    only_id = only_workspace.pk if only_workspace else None
    item_ids = {item.pk for item, _ in items}
    existing = set(
        Mention.objects.filter(item_id__in=item_ids).values_list("workspace_id", "item_id")
    )
    mentions: list[Mention] = []
    matched_queries: list[list[int]] = []
    statuses: list[str] = []
    for entry, (item, _was_known) in zip(batch, items, strict=True):
        doc = Document(
            id=str(item.pk),
            text=item.text,
            title=item.title,
            url=entry.url,
            author=item.author,
            lang=item.lang,
        )
        matches = queries.match(doc, only_id)
        if only_id is not None and (only_id, item.pk) in existing:
            statuses.append(DUPLICATE)
            continue
        new = {ws: ids for ws, ids in matches.items() if (ws, item.pk) not in existing}
        if not new:
            statuses.append(DUPLICATE if matches else UNMATCHED)
            continue
        feelings = classify_for_workspaces(f"{item.title}\n{item.text}", item.lang, list(new))
        for workspace_id, query_ids in new.items():
            label, score = feelings[workspace_id]
            existing.add((workspace_id, item.pk))
            mentions.append(
                Mention(
                    workspace_id=workspace_id,
                    item=item,
                    published_at=item.published_at,
                    sentiment=label,
                    sentiment_score=score,
                )
            )
            matched_queries.append(query_ids)
        statuses.append(CREATED)
    _save_mentions(mentions, matched_queries)
    return statuses


def _save_mentions(mentions: list[Mention], matched_queries: list[list[int]]) -> None:
    if not mentions:
        return
    Mention.objects.bulk_create(mentions, batch_size=500)
    if mentions[0].pk is None:  # backends that do not return ids from bulk inserts
        keys = [(m.workspace_id, m.item_id) for m in mentions]
        ids = {
            (ws, item): pk
            for pk, ws, item in Mention.objects.filter(
                item_id__in={k[1] for k in keys}
            ).values_list("pk", "workspace_id", "item_id")
        }
        for mention, key in zip(mentions, keys, strict=True):
            mention.pk = ids[key]
    # The links are many and plain: one executemany beats building a model instance for each.
    through = Mention.queries.through._meta
    rows = [
        (mention.pk, query_id)
        for mention, query_ids in zip(mentions, matched_queries, strict=True)
        for query_id in query_ids
    ]
    sql = (
        f"INSERT INTO {connection.ops.quote_name(through.db_table)} "  # noqa: S608 (names from the model)
        "(mention_id, query_id) VALUES (%s, %s)"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
