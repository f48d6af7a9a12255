"""Near-duplicate clusters: a story syndicated by ten sites counts once, "also in N sources".

Each process keeps an LSH index of the last week's items, loaded from their stored MinHash
signatures on first use and extended as items arrive. Two workers may each start a cluster for
the same story in the same second; the next item joins one of them, which is good enough here.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import timedelta

from django.utils import timezone

from majlis.listening.models import Item
from majlis.text.dedupe import NearDuplicateIndex, as_bytes, signature_rows

WINDOW = timedelta(days=7)
LOAD_LIMIT = 200_000


class ClusterIndex:
    def __init__(self, index: NearDuplicateIndex) -> None:
        self._index = index
        self._lock = threading.Lock()

    def place(self, key: str, text: str) -> tuple[bytes, str]:
        """The item's signature and the key of its cluster (its own key when it is new)."""
        return self.place_many([key], [text])[0]

    def place_many(self, keys: Sequence[str], texts: Sequence[str]) -> list[tuple[bytes, str]]:
        """`place` for each item in order: an item may join the cluster of one before it."""
        rows = signature_rows(texts)  # the costly part, outside the lock
        with self._lock:
            clusters = self._index.add_rows(keys, rows)
        return [(as_bytes(row), cluster) for row, cluster in zip(rows, clusters, strict=True)]


_lock = threading.Lock()
_index: ClusterIndex | None = None


def cluster_index() -> ClusterIndex:
    global _index
    with _lock:
        if _index is None:
            since = timezone.now() - WINDOW
            rows = (
                Item.objects.filter(published_at__gte=since)
                .exclude(signature=None)
                .order_by("-published_at")
                .values_list("content_hash", "cluster_key", "signature")[:LOAD_LIMIT]
            )
            _index = ClusterIndex(
                NearDuplicateIndex.from_signatures(
                    (key, bytes(sig or b""), cluster or key) for key, cluster, sig in rows
                )
            )
        return _index


def reset() -> None:
    """Forget the in-process index (tests, and after a bulk delete)."""
    global _index
    with _lock:
        _index = None
