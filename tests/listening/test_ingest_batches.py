"""Workers run the listening path on batches of items. A batch stores exactly what the same
items fed one at a time store: the same items, languages, clusters, mentions, sentiments and
matched queries, found by full-text search the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from majlis.core.bootstrap import demo_rows
from majlis.core.models import Workspace
from majlis.listening import clusters
from majlis.listening import ingest as listening_path
from majlis.listening.ingest import Incoming, ingest
from majlis.listening.models import Item, Mention, Query
from majlis.listening.search import search_mentions

pytestmark = pytest.mark.usefixtures("fresh_clusters")


@pytest.fixture
def watchers(team):
    competitor = Workspace.objects.create(slug="sahara", name="Sahara Mobile")
    for workspace in (team.workspace, competitor):
        Query.objects.create(workspace=workspace, name="Marque", text='"atlas telecom" OR أطلس')
        Query.objects.create(workspace=workspace, name="Réseau", text="réseau OR rezo OR panne")
    Query.objects.create(workspace=competitor, name="Nous", text='"sahara mobile"')
    return team.workspace, competitor


def _items() -> list[Incoming]:
    rows = demo_rows(datetime(2026, 11, 20, tzinfo=UTC))
    items = [
        Incoming(
            url=row["url"],
            text=row["text"],
            title=row.get("title") or "",
            author=row.get("author") or "",
            source_name=row.get("source") or "",
            published_at=datetime.fromisoformat(row["published_at"]),
        )
        for row in rows
    ]
    first = next(item for item in items if "Atlas Telecom" in item.text)
    later = first.published_at + timedelta(hours=1)
    return [
        *items,
        first,  # the same address again
        Incoming(url="https://copy.example/1", text=first.text, published_at=later),
        Incoming(
            url="https://copy.example/2", text=f"RT @x: {first.text} #repost", published_at=later
        ),
    ]


def _stored() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    items = sorted(Item.objects.values_list("url", "lang", "cluster_key", "content_hash"))
    mentions = sorted(
        (
            mention.workspace.slug,
            mention.item.url,
            mention.sentiment,
            round(mention.sentiment_score or 0, 5),
            tuple(sorted(query.name for query in mention.queries.all())),
        )
        for mention in Mention.objects.select_related("workspace", "item").prefetch_related(
            "queries"
        )
    )
    return items, mentions


def test_a_batch_stores_what_one_item_at_a_time_stores(watchers, monkeypatch):
    monkeypatch.setattr(listening_path, "BATCH", 40)  # several batches, and twins across them
    items = _items()

    in_batches = ingest(items)
    stored_in_batches = _stored()
    found = {m.item.url for m in search_mentions(Mention.objects.select_related("item"), "réseau")}

    Item.objects.all().delete()
    clusters.reset()
    one_by_one = [status for item in items for status in ingest([item])]

    assert in_batches == one_by_one
    assert stored_in_batches == _stored()
    assert found == {
        m.item.url for m in search_mentions(Mention.objects.select_related("item"), "réseau")
    }
    assert in_batches[-3:] == ["duplicate", "duplicate", "created"]
    repost = Item.objects.get(url="https://copy.example/2")
    assert repost.cluster_key != repost.content_hash  # in the original's cluster
    assert len(found) > 5


def test_an_address_another_worker_stored_meanwhile_is_used_as_it_stored_it(watchers, monkeypatch):
    published_at = datetime(2026, 11, 14, 20, 0, tzinfo=UTC)
    theirs = Item.objects.create(
        url="https://news.example.ma/panne",
        content_hash="theirs",
        text="Panne du réseau Atlas Telecom à Casablanca",
        lang="fr",
        published_at=published_at,
    )
    # Our look-up ran before the other worker's insert committed.
    monkeypatch.setattr(listening_path, "_known_items", lambda urls, hashes: ({}, {}))

    statuses = ingest(
        [
            Incoming(
                url="https://news.example.ma/panne?utm_source=x",
                text="Panne du réseau Atlas Telecom à Casablanca, depuis midi",
                published_at=published_at,
            )
        ]
    )

    assert statuses == ["created"]
    assert list(Item.objects.all()) == [theirs]
    assert {mention.item_id for mention in Mention.objects.all()} == {theirs.pk}
