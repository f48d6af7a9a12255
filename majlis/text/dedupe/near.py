"""Near-duplicates: MinHash signatures of word pairs, grouped with LSH.

Two texts are near-duplicates when the estimated Jaccard similarity of their sets of word
pairs reaches THRESHOLD: a repost with a tag added, a syndicated article with a line changed.
Pairs rather than longer shingles because most mentions are short posts, where one changed word
would otherwise break too many shingles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import cast

import numpy as np
from datasketch import MinHashLSH

from majlis.text.dedupe.content import content_words
from majlis.text.dedupe.minhash import EMPTY, NUM_PERM, Signatures, minhash_many

THRESHOLD = 0.8
SHINGLE = 2
__all__ = [
    "NUM_PERM", "THRESHOLD", "NearDuplicateIndex", "as_bytes", "signature", "signature_rows",
]  # fmt: skip


def shingles(text: str) -> set[bytes]:
    tokens = content_words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


def signature_rows(texts: Sequence[str]) -> Signatures:
    """The texts' MinHash values, one row of NUM_PERM per text."""
    return minhash_many([shingles(text) for text in texts])


def signature(text: str) -> bytes:
    """The text's MinHash, NUM_PERM little-endian uint32 (512 bytes), for storage."""
    return as_bytes(signature_rows([text])[0])


def as_bytes(row: Signatures) -> bytes:
    """A row of `signature_rows` as `signature` gives it."""
    return row.astype("<u4", copy=False).tobytes()


@cache
def _banding(threshold: float) -> tuple[int, int]:
    """(bands, rows per band): datasketch's choice for the threshold, worked out once."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class NearDuplicateIndex:
    """Puts each text in a cluster: that of the first text it nearly duplicates, or its own.

    The LSH is plain dictionaries, one per band of the signature, from the band's values to the
    rows that have them: rows sharing a whole band are candidates, and a candidate is a
    near-duplicate when enough of its values agree. Signatures are rows of one matrix, so a
    text with many candidates is compared with all of them in one operation.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._bands, self._band_width = _banding(threshold)
        # A band's row, or its rows once several share it. Most bands are one row's alone, and
        # a bare number is the cheapest thing to keep: the garbage collector walks neither
        # numbers nor tuples of numbers, and a long-running worker holds millions of these.
        self._buckets: list[dict[bytes, int | tuple[int, ...]]] = [{} for _ in range(self._bands)]
        self._matrix: Signatures = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._row_clusters: list[str] = []  # the cluster of each row of the matrix
        self._cluster: dict[str, str] = {}

    @classmethod
    def from_signatures(
        cls,
        items: Iterable[tuple[str, bytes] | tuple[str, bytes, str]],
        threshold: float = THRESHOLD,
    ) -> NearDuplicateIndex:
        """Rebuild from stored (key, signature[, cluster key]) in the order they were added;
        without cluster keys, the clusters are worked out again as `add` did."""
        index = cls(threshold)
        rows = list(items)
        index.add_signatures(
            [row[0] for row in rows],
            [row[1] for row in rows],
            [row[2] if len(row) == 3 else None for row in rows],
        )
        return index

    def __len__(self) -> int:
        return len(self._cluster)

    def __contains__(self, key: object) -> bool:
        return key in self._cluster

    def cluster_of(self, key: str) -> str:
        return self._cluster[key]

    def add(self, key: str, text: str) -> str:
        """Index the text; return its cluster key (another key, or `key` itself)."""
        return self.add_signature(key, signature(text))

    def add_signature(self, key: str, sig: bytes, cluster: str | None = None) -> str:
        return self.add_signatures([key], [sig], [cluster])[0]

    def add_signatures(
        self, keys: Sequence[str], sigs: Sequence[bytes], clusters: Sequence[str | None]
    ) -> list[str]:
        """`add_signature` for each, in order: a later text may join an earlier one's cluster."""
        for sig in sigs:
            if len(sig) != NUM_PERM * 4:
                raise ValueError(f"a signature is {NUM_PERM * 4} bytes, got {len(sig)}")
        rows = np.frombuffer(b"".join(sigs), dtype="<u4").reshape(len(sigs), NUM_PERM)
        return self.add_rows(keys, rows, clusters)

    def add_rows(
        self, keys: Sequence[str], rows: Signatures, clusters: Sequence[str | None] | None = None
    ) -> list[str]:
        """As `add_signatures`, from signature rows (`signature_rows`)."""
        self._reserve(len(rows))
        band_keys = self._band_keys(rows)
        empty = (rows == EMPTY).all(axis=1).tolist()
        placed: list[str] = []
        for n, key in enumerate(keys):
            found = self._cluster.get(key)  # a task delivered twice changes nothing
            if found is None:
                given = clusters[n] if clusters is not None else None
                if empty[n]:  # no words: nothing to compare, its own cluster
                    found = given or key
                else:
                    found = given or self._nearest_cluster(rows[n], band_keys[n]) or key
                    self._index_row(rows[n], band_keys[n], found)
                self._cluster[key] = found
            placed.append(found)
        return placed

    def _nearest_cluster(self, values: Signatures, bands: list[bytes]) -> str | None:
        candidates: set[int] = set()
        for bucket, band in zip(self._buckets, bands, strict=True):
            rows = bucket.get(band)
            if isinstance(rows, int):
                candidates.add(rows)
            elif rows is not None:
                candidates.update(rows)
        if not candidates:
            return None
        ordered = sorted(candidates)  # of equally similar rows, the earliest indexed wins
        similarity = (self._matrix[ordered] == values).mean(axis=1)
        best = int(np.argmax(similarity))
        return self._row_clusters[ordered[best]] if similarity[best] >= self.threshold else None

    def _index_row(self, values: Signatures, bands: list[bytes], cluster: str) -> None:
        row = len(self._row_clusters)
        self._matrix[row] = values
        self._row_clusters.append(cluster)
        for bucket, band in zip(self._buckets, bands, strict=True):
            rows = bucket.get(band)
            if rows is None:
                bucket[band] = row
            else:
                bucket[band] = (rows, row) if isinstance(rows, int) else (*rows, row)

    def _reserve(self, count: int) -> None:
        """Room for `count` more rows, growing the matrix by half at least."""
        needed = len(self._row_clusters) + count
        if needed > len(self._matrix):
            grown = np.empty((max(needed, len(self._matrix) * 3 // 2), NUM_PERM), np.uint32)
            grown[: len(self._row_clusters)] = self._matrix[: len(self._row_clusters)]
            self._matrix = grown

    def _band_keys(self, rows: Signatures) -> list[list[bytes]]:
        """Each row's bands as bytes, the dictionary keys of the LSH."""
        width = self._band_width
        used = np.ascontiguousarray(rows[:, : self._bands * width], dtype="<u4")
        keys = used.view(np.dtype((np.void, 4 * width))).reshape(len(rows), self._bands)
        return cast(list[list[bytes]], keys.tolist())
