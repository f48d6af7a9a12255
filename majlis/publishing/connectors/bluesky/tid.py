"""Record keys for Bluesky posts: TIDs that a retry computes again, identically.

A TID is 64 bits written in 13 characters of base32-sortable: a zero bit, 53 bits of
microseconds since the epoch, 10 bits of "clock id". The microseconds come from a moment that
does not change between retries (the time the post was scheduled for) and the clock id from
the idempotency key, so the second attempt asks for the same key and the repository refuses a
second record there.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def encode(micros: int, clock_id: int) -> str:
    value = ((micros & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def for_key(key: str, moment: datetime) -> str:
    micros = int(moment.timestamp() * 1_000_000)
    clock_id = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:2], "big")
    return encode(micros, clock_id)


def is_valid(value: str) -> bool:
    return len(value) == 13 and value[0] in ALPHABET[:16] and all(c in ALPHABET for c in value)
