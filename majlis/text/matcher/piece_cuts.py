"""A batch's texts cut at their whitespace, and each piece hashed, in a few passes of NumPy.

``str.split`` and ``hash`` make a string object per piece and hash each one on its own: for a
25-word post that is two thirds of what finding its pieces' numbers costs. Here the batch's
texts are joined into one string and read as an array of code points: where the whitespace is
gives every piece's start and end, and one running sum gives every piece's hash. A piece is
cut out as a string only when the matcher meets it for the first time.

The hash of a piece c₀c₁…cₙ₋₁ is a polynomial in a random odd base b, modulo 2⁶⁴:
f(c₀) + f(c₁)·b + … + f(cₙ₋₁)·bⁿ⁻¹, where f mixes each code point with a random key, and then
a fixed one-to-one mix spreads its bits. Over the whole batch, S is the running sum of
f(cⱼ)·b^(j mod 2¹⁴); a piece from j to k (its last code point) within one row of 2¹⁴ hashes to
(S(k) − S(j) + f(cⱼ)·b^(j mod 2¹⁴)) · b^−(j mod 2¹⁴), whatever its place in the batch. A piece
across the end of a row is hashed again on its own.

The base and the key are drawn afresh in every process and never shown, so one cannot write two
pieces that collide on purpose, except by the known families of colliding strings for such
hashes (Thue-Morse strings), which are thousands of characters long: a piece longer than
LONGEST code points (a long URL, a string of emoji) is hashed as Python hashes strings instead.
For ordinary text two pieces share a hash about as rarely as with Python's own string hash; see
majlis.text.matcher.piece_hashes.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

Keys = npt.NDArray[np.int64]

# Longer pieces are hashed by Python (see the module's docstring).
LONGEST = 64
# The powers of the base repeat every ROW code points, so their tables stay small.
ROW = 1 << 14

# What str.split() cuts at: every whitespace character lies below U+3001.
_LAST_SPACE = 0x3000
_SPACE = np.array([chr(c).isspace() for c in range(_LAST_SPACE + 2)], dtype=bool)

_BASE = secrets.randbits(64) | 1
_KEY = np.uint64(secrets.randbits(64))
_MIX = np.uint64(secrets.randbits(64) | 1)


def _powers(base: int) -> npt.NDArray[np.uint64]:
    """base⁰, base¹, … base^(ROW−1), modulo 2⁶⁴ (NumPy's unsigned products wrap around)."""
    factors = np.full(ROW, base, dtype=np.uint64)
    factors[0] = 1
    return np.cumprod(factors, dtype=np.uint64)


_POWERS = _powers(_BASE)
_INVERSES = _powers(pow(_BASE, -1, 1 << 64))
# A fixed odd multiplier, so that every bit of a hash depends on every bit of the sum.
_SPREAD = np.uint64(0x94D049BB133111EB)
# Python never hashes to -1 (it stands for an error in C); the piece tables keep it free.
_NEVER = -1


class Cuts(NamedTuple):
    """The pieces of a batch's texts, in order: piece i is ``text[starts[i]:ends[i]]``."""

    text: str  # the texts joined by single spaces
    documents: Keys  # which text each piece comes from
    starts: Keys
    ends: Keys
    hashes: Keys

    def piece(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]


def cut(texts: Sequence[str]) -> Cuts:
    """Each whitespace-separated piece of each text, as ``text.split()`` gives them, hashed."""
    text = " ".join(texts)
    # Lone surrogates can come in from JSON; they are code points like any other here.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = np.take(_SPACE, points, mode="clip")
    edges = np.flatnonzero(np.diff(space, prepend=True, append=True))
    starts, ends = edges[0::2], edges[1::2]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    firsts = np.cumsum(lengths + 1) - (lengths + 1)
    documents = np.searchsorted(firsts, starts, side="right") - 1
    hashes = _hashes(points, starts, ends)
    long = np.flatnonzero(ends - starts > LONGEST).tolist()
    for index in long:
        hashes[index] = hash(text[starts[index] : ends[index]])
    across = sorted(set(_across_rows(starts, ends, len(points)).tolist()) - set(long))
    if across:
        hashes[across] = cut([text[starts[i] : ends[i]] for i in across]).hashes
    return Cuts(text, documents, starts, ends, hashes)


def _hashes(points: npt.NDArray[np.uint32], starts: Keys, ends: Keys) -> Keys:
    mixed = points.astype(np.uint64)
    whole = len(mixed) - len(mixed) % ROW
    with np.errstate(over="ignore"):
        mixed ^= _KEY
        mixed *= _MIX
        mixed ^= mixed >> np.uint64(29)
        rows = mixed[:whole].reshape(-1, ROW)
        rows *= _POWERS
        mixed[whole:] *= _POWERS[: len(mixed) - whole]
        sums = np.cumsum(mixed, dtype=np.uint64)
        hashes = (sums[ends - 1] - sums[starts] + mixed[starts]) * _INVERSES[starts % ROW]
        hashes ^= hashes >> np.uint64(32)
        hashes *= _SPREAD
        hashes ^= hashes >> np.uint64(29)
    signed = hashes.view(np.int64)
    signed[signed == _NEVER] = _NEVER - 1
    return signed


def _across_rows(starts: Keys, ends: Keys, size: int) -> Keys:
    """The pieces that start in one row of ROW code points and end in the next."""
    boundaries = np.arange(ROW, size, ROW)
    pieces = np.searchsorted(starts, boundaries, side="right") - 1
    inside = pieces >= 0
    pieces, boundaries = pieces[inside], boundaries[inside]
    return pieces[(starts[pieces] < boundaries) & (ends[pieces] > boundaries)]
