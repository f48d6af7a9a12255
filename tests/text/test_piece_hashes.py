"""The batch matcher's table from piece hashes to piece numbers (open addressing in NumPy)."""

import numpy as np

from majlis.text.matcher.piece_hashes import UNKNOWN, PieceHashes


def _numbers(table: PieceHashes, hashes: list[int]) -> list[int]:
    return table.numbers(np.array(hashes, dtype=np.int64)).tolist()


def test_it_gives_each_recorded_hash_its_number_and_unknown_otherwise():
    table = PieceHashes(capacity=8)
    table.add([5, -7, 2**62], [1, 2, 3])
    assert _numbers(table, [5, -7, 2**62, 6, -5, 0]) == [1, 2, 3, UNKNOWN, UNKNOWN, UNKNOWN]
    assert _numbers(table, []) == []


def test_hashes_that_share_a_slot_are_found_along_the_run():
    table = PieceHashes(capacity=16)
    # All land in slot 3 of 16: each one further along than the last.
    same_slot = [3, 19, 35, 51, -13]
    table.add(same_slot, [10, 11, 12, 13, 14])
    assert _numbers(table, same_slot[::-1]) == [14, 13, 12, 11, 10]
    assert _numbers(table, [67, 4]) == [UNKNOWN, UNKNOWN]


def test_it_grows_and_keeps_every_number():
    table = PieceHashes(capacity=4)
    hashes = [number * 1_000_003 - 500_000_000 for number in range(5_000)]
    for start in range(0, 5_000, 700):
        table.add(hashes[start : start + 700], list(range(start, min(start + 700, 5_000))))
    assert len(table) == 5_000
    assert _numbers(table, hashes) == list(range(5_000))


def test_a_hash_recorded_twice_keeps_its_last_number_and_counts_once():
    table = PieceHashes(capacity=8)
    table.add([42, 42], [1, 2])
    assert len(table) == 1
    assert _numbers(table, [42]) == [2]
