"""MinHash signatures of many texts at once, bit for bit those of datasketch's `MinHash`.

datasketch builds one object per text and hashes it on its own; here every shingle of a batch
goes through one array operation. The scheme is datasketch's "affine32" (SHA-1's first four
bytes, the MurmurHash3 finalizer, then `a * h + b` modulo 2^32 for each permutation), with the
permutations datasketch draws for the seed, so signatures stored by either stay comparable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
import numpy.typing as npt
from datasketch import MinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
EMPTY = np.iinfo(np.uint32).max  # every value of a text without shingles
_CHUNK = 8192  # shingles hashed together, NUM_PERM uint32 each: 4 MiB
# Word pairs recur from text to text (names, set phrases, syndicated copies): each is hashed
# once, until the table holds this many and starts again.
_KNOWN_LIMIT = 1 << 17
_known_hashes: dict[bytes, int] = {}

Signatures = npt.NDArray[np.uint32]  # (texts, NUM_PERM)


@cache
def _permutations() -> tuple[Signatures, Signatures]:
    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def minhash_many(shingle_sets: Sequence[Iterable[bytes]]) -> Signatures:
    """One row of NUM_PERM values per set of shingles; a row of EMPTY for an empty set."""
    rows = np.full((len(shingle_sets), NUM_PERM), EMPTY, dtype=np.uint32)
    first = 0  # the first set of the current chunk
    starts: list[int] = []
    hashes: list[int] = []
    known = _known_hashes
    if len(known) > _KNOWN_LIMIT:
        known.clear()
    for n, shingles in enumerate(shingle_sets):
        starts.append(len(hashes))
        for shingle in shingles:
            value = known.get(shingle)
            if value is None:
                value = known[shingle] = _sha1_32(shingle)
            hashes.append(value)
        # Each shingle becomes NUM_PERM values before the minimum: chunks bound that memory.
        if len(hashes) >= _CHUNK or n == len(shingle_sets) - 1:
            _fill(rows[first : n + 1], starts, hashes)
            first, starts, hashes = n + 1, [], []
    return rows


def _fill(rows: Signatures, starts: list[int], hashes: list[int]) -> None:
    if not hashes:
        return
    a, b = _permutations()
    permuted = _fmix32(np.asarray(hashes, dtype=np.uint32))[:, None] * a + b
    ends = [*starts[1:], len(hashes)]
    filled = [row for row, (start, end) in enumerate(zip(starts, ends, strict=True)) if end > start]
    # Empty sets add no values, so the start of each non-empty set ends the one before it.
    rows[filled] = np.minimum.reduceat(permuted, [starts[row] for row in filled], axis=0)


def _sha1_32(data: bytes) -> int:
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")  # noqa: S324 (not security)


def _fmix32(values: Signatures) -> Signatures:
    """MurmurHash3's finalizer, as datasketch applies it before the permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))
