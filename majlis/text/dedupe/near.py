"""Near-duplicates: MinHash signatures of word pairs, grouped with LSH.

Two texts are near-duplicates when the estimated Jaccard similarity of their sets of word
pairs reaches THRESHOLD: a repost with a tag added, a syndicated article with a line changed.
Pairs rather than longer shingles because most mentions are short posts, where one changed word
would otherwise break too many shingles.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from majlis.text.dedupe.content import content_words

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 2
# Fixed so that signatures stored in the database stay comparable across processes and versions.
_SEED = 1
_SCHEME = "affine32"
_EMPTY = np.iinfo(np.uint32).max


@cache
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)


def shingles(text: str) -> set[bytes]:
    tokens = content_words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)}


def signature(text: str) -> bytes:
    """The text's MinHash, NUM_PERM little-endian uint32 (512 bytes), for storage."""
    minhash = _template().copy()
    minhash.update_batch(list(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


class NearDuplicateIndex:
    """Puts each text in a cluster: that of the first text it nearly duplicates, or its own."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._values: dict[str, npt.NDArray[np.uint32]] = {}
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
        for item in items:
            index.add_signature(item[0], item[1], item[2] if len(item) == 3 else None)
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
        if key in self._cluster:  # a task delivered twice changes nothing
            return self._cluster[key]
        values = np.frombuffer(sig, dtype="<u4")
        if len(values) != NUM_PERM:
            raise ValueError(f"a signature is {NUM_PERM * 4} bytes, got {len(sig)}")
        if (values == _EMPTY).all():  # no words: nothing to compare, its own cluster
            self._cluster[key] = cluster or key
            return self._cluster[key]
        minhash = MinHash(seed=_SEED, scheme=_SCHEME, hashvalues=values.astype(np.uint64))
        self._cluster[key] = cluster or self._nearest_cluster(values, minhash) or key
        self._values[key] = values
        self._lsh.insert(key, minhash, check_duplication=False)
        return self._cluster[key]

    def _nearest_cluster(self, values: npt.NDArray[np.uint32], minhash: MinHash) -> str | None:
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = float(np.mean(self._values[candidate] == values))
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        return self._cluster[best[1]] if best else None
