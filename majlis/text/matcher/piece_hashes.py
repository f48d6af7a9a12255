"""The numbers of a batch's pieces, found by their hash in one array operation.

Looking a piece up in a dictionary is a chain of dependent reads (the slot, the entry, the
stored key to compare) that mostly miss the processor's caches once a worker has seen a few
hundred thousand pieces; one after the other, a 300-word article waits on them for most of its
time. Here every piece of a batch is hashed at once (majlis.text.matcher.piece_cuts), and all
the hashes look up an open-addressing table of NumPy arrays at once, so that the processor
overlaps those reads.

A piece is known by a 64-bit hash of its text, keyed per process. Two different pieces with the
same hash would be confused; with a table of a few hundred thousand pieces that is about one
chance in 10^13 for each piece looked up.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from majlis.text.matcher.pieces import NOTHING

Hashes = npt.NDArray[np.int64]
Numbers = npt.NDArray[np.int64]

# Python never gives -1 as a hash (it stands for an error in C), so it marks a free slot.
FREE = -1
# Not a piece number: the piece was never seen, its number must be worked out.
UNKNOWN = -1


class PieceHashes:
    """Piece hash → piece number, at most two thirds full.

    Each slot holds a hash and its number side by side, so a lookup reads one cache line.
    """

    def __init__(self, capacity: int = 1 << 16) -> None:
        self._slots = _free_slots(capacity)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def numbers(self, hashes: Hashes) -> Numbers:
        """The number of each hash's piece, or UNKNOWN."""
        mask = len(self._slots) - 1
        slots = hashes & mask
        stored = self._slots[slots]
        same = stored[:, 0] == hashes
        found = np.where(same, stored[:, 1], UNKNOWN)
        # Neither this piece nor a free slot: the piece may be further along (a few in a
        # hundred, the table being at most two thirds full).
        waiting = np.flatnonzero(~same & (stored[:, 0] != FREE))
        slots = slots[waiting]
        while len(waiting):
            slots = (slots + 1) & mask
            stored = self._slots[slots]
            same = stored[:, 0] == hashes[waiting]
            found[waiting[same]] = stored[same, 1]
            further = ~same & (stored[:, 0] != FREE)
            waiting, slots = waiting[further], slots[further]
        return found

    def add(self, hashes: list[int], numbers: list[int]) -> None:
        """Records pieces not yet in the table."""
        if 3 * (self._count + len(hashes)) > 2 * len(self._slots):
            self._grow(2 * (self._count + len(hashes)))
        mask = len(self._slots) - 1
        table = self._slots
        for piece_hash, number in zip(hashes, numbers, strict=True):
            slot = piece_hash & mask
            while table[slot, 0] != FREE:
                if table[slot, 0] == piece_hash:
                    break
                slot = (slot + 1) & mask
            else:
                self._count += 1
            table[slot] = (piece_hash, number)

    def _grow(self, at_least: int) -> None:
        used = self._slots[self._slots[:, 0] != FREE]
        capacity = len(self._slots)
        while capacity < at_least:
            capacity *= 2
        self._slots = _free_slots(capacity)
        self._count = 0
        self.add(used[:, 0].tolist(), used[:, 1].tolist())


def _free_slots(capacity: int) -> npt.NDArray[np.int64]:
    slots = np.zeros((capacity, 2), dtype=np.int64)
    slots[:, 0] = FREE
    return slots


__all__ = ["NOTHING", "UNKNOWN", "PieceHashes"]
