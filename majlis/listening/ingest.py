"""The listening path, from parsed items to stored mentions (DESIGN.md, "The listening path").

Batch by batch: canonical URL and content hash (an item is stored once) → language → near-
duplicate cluster → every active query at once → a mention per matching workspace → sentiment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, Q
from django.db.models.constants import OnConflict
from django.utils import timezone

from majlis.core.models import Workspace
from majlis.listening.clusters import cluster_index
from majlis.listening.matching import compiled_queries
from majlis.listening.models import Item, Mention, Source
from majlis.listening.sentiment import classify_for_workspaces_many
from majlis.text.dedupe import canonical_url, content_hash, fragment_names_item
from majlis.text.langid import detect_languages_hinted
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
    lang_hint: str = ""  # the language the source declared: weighed, not trusted
    fragment_names_item: bool = False  # keep the #fragment in the stored address (FetchedItem)


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
                # Nobody says where a row comes from: a numbered fragment (t/9#post-2) is
                # taken to name a post, so posts of one thread are not merged into one.
                fragment_names_item=fragment_names_item(row["url"]),
            )
            for row in rows
        ),
        only_workspace=workspace,
    )


def _ingest_batch(
    batch: Sequence[Incoming], only_workspace: Workspace | None, source: Source | None
) -> list[str]:
    texts = [f"{entry.title}\n{entry.text}" for entry in batch]
    urls = [canonical_url(entry.url, entry.fragment_names_item) for entry in batch]
    hashes = [content_hash(normalize(text)) for text in texts]
    with transaction.atomic():
        items = _store_items(batch, texts, urls, hashes, source)
        statuses = _create_mentions(batch, items, only_workspace)
        if source is not None:
            Source.objects.filter(pk=source.pk).update(items_seen=source.items_seen + len(batch))
    return statuses


@dataclass(slots=True)
class _Item:
    """What the path needs of an item: making a model instance costs ten times as much."""

    url: str
    content_hash: str
    title: str
    text: str
    author: str
    published_at: datetime
    source_id: int | None
    source_name: str
    lang: str = ""
    cluster_key: str = ""
    signature: bytes | None = None
    pk: int = 0


def _store_items(
    batch: Sequence[Incoming],
    texts: list[str],
    urls: list[str],
    hashes: list[str],
    source: Source | None,
) -> list[_Item]:
    """Each entry's stored item: one known before, a twin earlier in the batch, or a new one."""
    known_urls, known_hashes = _known_items(urls, hashes)
    fresh_urls: dict[str, _Item] = {}
    fresh_hashes: dict[str, _Item] = {}
    fresh_texts: list[str] = []
    fresh_hints: list[str] = []
    result: list[_Item] = []
    for entry, text, url, digest in zip(batch, texts, urls, hashes, strict=True):
        item = (
            known_urls.get(url)
            or known_hashes.get(digest)
            or fresh_urls.get(url)
            or fresh_hashes.get(digest)
        )
        if item is None:
            item = _Item(
                url=url,
                content_hash=digest,
                title=entry.title[:2000],
                text=entry.text,
                author=entry.author[:300],
                published_at=entry.published_at,
                source_id=source.pk if source else None,
                source_name=entry.source_name[:300],
            )
            fresh_urls[url] = fresh_hashes[digest] = item
            fresh_texts.append(text)
            fresh_hints.append(entry.lang_hint)
        result.append(item)
    if not fresh_urls:
        return result
    fresh = list(fresh_urls.values())
    _describe(fresh, fresh_texts, fresh_hints)
    if _insert_items(fresh) < len(fresh):
        # Another worker stored some of these addresses first: use what it stored.
        saved = {item.url: item for item in _stored(Q(url__in=list(fresh_urls)))}
        return [saved.get(item.url, item) for item in result]
    return result


def _known_items(urls: list[str], hashes: list[str]) -> tuple[dict[str, _Item], dict[str, _Item]]:
    """Items stored before this batch, by address and by content hash, in one query."""
    wanted_urls, wanted_hashes = set(urls), set(hashes)
    by_url: dict[str, _Item] = {}
    by_hash: dict[str, _Item] = {}
    for item in _stored(Q(url__in=wanted_urls) | Q(content_hash__in=wanted_hashes)):
        if item.url in wanted_urls:
            by_url[item.url] = item
        if item.content_hash in wanted_hashes:
            by_hash[item.content_hash] = item
    return by_url, by_hash


def _stored(where: Q) -> list[_Item]:
    names = [field.name for field in fields(_Item)]
    return [_Item(*row) for row in Item.objects.filter(where).values_list(*names)]


def _describe(items: list[_Item], texts: list[str], hints: list[str]) -> None:
    """Language and near-duplicate cluster of new items, all of a batch at once."""
    languages = detect_languages_hinted(zip(texts, hints, strict=True))
    placed = cluster_index().place_many([item.content_hash for item in items], texts)
    for item, lang, (sig, cluster) in zip(items, languages, placed, strict=True):
        item.lang, item.signature, item.cluster_key = lang, sig, cluster


def _insert_items(items: list[_Item]) -> int:
    """Store new items and give them their ids; how many were stored (not there already)."""
    now = _db_datetime(timezone.now())
    values: list[Any] = []
    for item in items:
        values += (
            item.url,
            item.content_hash,
            item.title,
            item.text,
            item.author,
            item.lang,
            _db_datetime(item.published_at),
            item.source_id,
            item.source_name,
            item.cluster_key,
            item.signature,
            now,
        )
    stored = _insert_rows(Item, _ITEM_COLUMNS, values, ignore_conflicts=True)
    ids = dict(Item.objects.filter(url__in=[item.url for item in items]).values_list("url", "pk"))
    for item in items:
        item.pk = ids[item.url]
    return stored


_ITEM_COLUMNS = (
    "url", "content_hash", "title", "text", "author", "lang", "published_at", "source",
    "source_name", "cluster_key", "signature", "created_at",
)  # fmt: skip


def _create_mentions(
    batch: Sequence[Incoming], items: list[_Item], only_workspace: Workspace | None
) -> list[str]:
    queries = compiled_queries()
    only_id = only_workspace.pk if only_workspace else None
    existing = set(
        Mention.objects.filter(item_id__in={item.pk for item in items}).values_list(
            "workspace_id", "item_id"
        )
    )
    statuses: list[str] = []
    matched: list[tuple[_Item, dict[int, list[int]]]] = []
    docs = [
        Document(
            id=str(item.pk),
            text=item.text,
            title=item.title,
            url=entry.url,
            author=item.author,
            lang=item.lang,
        )
        for entry, item in zip(batch, items, strict=True)
    ]
    for item, matches in zip(items, queries.match(docs, only_id), strict=True):
        if only_id is not None and (only_id, item.pk) in existing:
            statuses.append(DUPLICATE)
            continue
        new = {ws: ids for ws, ids in matches.items() if (ws, item.pk) not in existing}
        if not new:
            statuses.append(DUPLICATE if matches else UNMATCHED)
            continue
        existing.update((workspace_id, item.pk) for workspace_id in new)
        matched.append((item, new))
        statuses.append(CREATED)
    if matched:
        _save_mentions(matched)
    return statuses


def save_stored_mentions(matched: Sequence[tuple[int, dict[int, list[int]]]]) -> None:
    """Mentions of items stored earlier (a query's backfill), written as the path writes new
    ones: item id → workspace id → ids of its queries. None of these mentions exists yet."""
    if not matched:
        return
    stored = {item.pk: item for item in _stored(Q(pk__in=[pk for pk, _ in matched]))}
    _save_mentions([(stored[pk], new) for pk, new in matched])


def _save_mentions(matched: list[tuple[_Item, dict[int, list[int]]]]) -> None:
    """A mention per matching workspace, with that workspace's reading of the sentiment, and
    the links to the queries that matched."""
    feelings = classify_for_workspaces_many(
        [(f"{item.title}\n{item.text}", item.lang, list(new)) for item, new in matched]
    )
    model_fields = {field.name: field for field in Mention._meta.concrete_fields}
    defaults = tuple(
        model_fields[name].get_db_prep_save(model_fields[name].get_default(), connection)
        for name in _MENTION_DEFAULTS
    )
    now = _db_datetime(timezone.now())
    values: list[Any] = []
    for (item, new), feeling in zip(matched, feelings, strict=True):
        published_at = _db_datetime(item.published_at)
        for workspace_id in new:
            label, score = feeling[workspace_id]
            values += (workspace_id, item.pk, published_at, label, score, *defaults, now)
    _insert_rows(Mention, _MENTION_COLUMNS, values)
    ids = {
        (workspace_id, item_id): pk
        for pk, workspace_id, item_id in Mention.objects.filter(
            item_id__in={item.pk for item, _ in matched}
        ).values_list("pk", "workspace_id", "item_id")
    }
    # Mentions in the order they were inserted, each one's queries in order: the indexes of
    # the link table then grow at their end.
    links: list[int] = []
    for item, new in matched:
        for workspace_id, query_ids in new.items():
            mention_id = ids[workspace_id, item.pk]
            for query_id in sorted(query_ids):
                links += (mention_id, query_id)
    _insert_rows(Mention.queries.through, ("mention", "query"), links)


# What a new mention starts with: not corrected, not marked irrelevant, no tags.
_MENTION_DEFAULTS = ("sentiment_corrected", "irrelevant", "tags")
_MENTION_COLUMNS = (
    "workspace", "item", "published_at", "sentiment", "sentiment_score", *_MENTION_DEFAULTS,
    "created_at",
)  # fmt: skip


def _db_datetime(value: datetime) -> Any:
    """A datetime as the database takes it (a naive one made aware first, as Django does)."""
    if timezone.is_aware(value):
        return connection.ops.adapt_datetimefield_value(value)
    return Item._meta.get_field("published_at").get_db_prep_save(value, connection)


def _insert_rows(
    model: type[Model], names: Sequence[str], values: list[Any], ignore_conflicts: bool = False
) -> int:
    """Rows of values already prepared for the database, one after the other in `values`,
    inserted with as few statements as the backend allows; how many rows were stored.

    bulk_create builds and compiles SQL for every object, most of this path's cost at first.
    Many rows per statement matter on SQLite: the full-text trigger flushes its index at the
    end of each statement. A flat list rather than a tuple per row: tens of thousands of tuples
    a batch set the garbage collector off. `names` must cover every column but the id, so that
    a field added to the model fails here loudly instead of going without a value.
    """
    meta = model._meta
    concrete = {field.name: field for field in meta.concrete_fields if not field.primary_key}
    if set(names) != set(concrete):
        raise RuntimeError(f"{meta.label}: insert {sorted(concrete)}, not {list(names)}")
    columns = [concrete[name] for name in names]
    ops = connection.ops
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    # Table and column names come from the model; every value goes as a parameter.
    head = (
        f"{ops.insert_statement(on_conflict=on_conflict)} {ops.quote_name(meta.db_table)} "
        f"({', '.join(ops.quote_name(column.column) for column in columns)}) VALUES "
    )
    tail = ops.on_conflict_suffix_sql(columns, on_conflict, None, None)
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    count = len(values) // len(columns)
    size = min(ops.bulk_batch_size(columns, range(count)), _ROWS_PER_STATEMENT)
    stored = 0
    with connection.cursor() as cursor:
        for start in range(0, count, size):
            rows = min(size, count - start)
            cursor.execute(
                f"{head}{', '.join([row_sql] * rows)} {tail}",
                values[start * len(columns) : (start + rows) * len(columns)],
            )
            stored += cursor.rowcount
    return stored


_ROWS_PER_STATEMENT = 500
