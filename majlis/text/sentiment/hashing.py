"""Feature strings to columns: CRC-32 of the string, masked to the feature space.

The character n-grams of one text are mostly those of the texts before it, so their columns are
remembered, in a table per seed. A table that grows past its limit starts again, which keeps a
long-running worker's memory bounded. Word pairs are too varied to be worth remembering.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection

_LIMIT = 1 << 17  # strings per table, about 15 MiB
_tables: dict[tuple[int, int], dict[str, int]] = {}


def columns(features: Collection[str], seed: int, mask: int) -> list[int]:
    """`zlib.crc32(feature, seed) & mask` for each feature, in the collection's order."""
    return [zlib.crc32(feature.encode(), seed) & mask for feature in features]


def remembered_columns(features: set[str], seed: int, mask: int) -> list[int]:
    """As `columns`, from a table of the strings seen before."""
    table = _tables.setdefault((seed, mask), {})
    # Most texts bring a few new strings (a name, a number): only those are hashed.
    missing = features.difference(table)
    if missing:
        if len(table) + len(missing) > _LIMIT:
            table.clear()
            missing = features
        table.update((feature, zlib.crc32(feature.encode(), seed) & mask) for feature in missing)
    try:
        return list(map(table.__getitem__, features))
    except KeyError:  # another thread emptied the table meanwhile
        return columns(features, seed, mask)
