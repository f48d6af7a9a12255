"""Hashed sparse features: words, word pairs, negated words, character n-grams, emoji.

Every feature exists twice: once shared by all languages and once for the text's language, so
the model learns what is common (emoji, "!!!", "merci") and what is particular to each language
without one model per language. CRC-32 is the hash: stable across processes (unlike `hash()`),
in the standard library, and fast.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from majlis.text.sentiment.hashing import columns, remembered_columns
from majlis.text.sentiment.lexicon import polarity
from majlis.text.sentiment.preprocess import NEGATORS, fold, tokenize

DOMAINS = ("fr", "en", "ar", "ary", "ary-Latn")
_NEGATION_SCOPE = 3
_SCOPE_BREAKERS = frozenset({"!", "?", "<url>"})


@dataclass(frozen=True)
class FeatureSpace:
    """How texts become vectors; saved with the model so loading cannot mismatch it."""

    n_bits: int = 18
    char_min: int = 2
    char_max: int = 5
    char_weight: float = 1.0
    lexicon_weight: float = 1.0

    @property
    def size(self) -> int:
        return 1 << self.n_bits

    def vector(
        self, text: str, domain: str | None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Column indices and values of one text's row (each block scaled to unit length)."""
        cols, runs = self._row(text, _domain_seed(domain))
        return np.asarray(cols, dtype=np.int64), _values(runs)

    def matrix(self, texts: Sequence[str], domains: Sequence[str | None]) -> sp.csr_matrix:
        """The rows of many texts, `vector` for each, as one sparse matrix."""
        indptr = [0]
        cols: list[int] = []
        runs: list[tuple[float, int]] = []
        for text, domain in zip(texts, domains, strict=True):
            row_cols, row_runs = self._row(text, _domain_seed(domain))
            cols += row_cols
            runs += row_runs
            indptr.append(len(cols))
        return sp.csr_matrix(
            (_values(runs), np.asarray(cols, dtype=np.int32), indptr),
            shape=(len(texts), self.size),
        )

    def _row(self, text: str, seed: int) -> tuple[list[int], list[tuple[float, int]]]:
        """The row's columns, and its values as runs of (value, count): one run per block."""
        tokens = tokenize(fold(text))
        negated = _negated(tokens)
        # Character n-grams come back text after text, so their columns are remembered; words
        # and word pairs vary too much for that to pay.
        blocks = (
            (set(_word_features(tokens, negated)), 1.0, columns),
            (
                _char_features(tokens, self.char_min, self.char_max),
                self.char_weight,
                remembered_columns,
            ),
            (set(_lexicon_features(tokens, set(negated))), self.lexicon_weight, columns),
        )
        mask = self.size - 1
        cols: list[int] = []
        runs: list[tuple[float, int]] = []
        for block, weight, hashed in blocks:
            if not block:
                continue
            count = len(block) * (2 if seed else 1)
            cols += hashed(block, 0, mask)
            if seed:
                cols += hashed(block, seed, mask)
            runs.append((weight / count**0.5, count))
        return cols, runs


def _values(runs: list[tuple[float, int]]) -> npt.NDArray[np.float32]:
    """Runs of (value, count) spelt out, as float32 like the model's weights."""
    values = np.asarray([value for value, _ in runs], dtype=np.float64)
    counts = np.asarray([count for _, count in runs], dtype=np.int64)
    return np.repeat(values, counts).astype(np.float32)


def _domain_seed(domain: str | None) -> int:
    if domain not in DOMAINS:
        return 0
    return zlib.crc32(domain.encode()) or 1


def _word_features(tokens: list[str], negated: list[str]) -> list[str]:
    feats = ["w:" + t for t in tokens]
    feats.extend(f"b:{a} {b}" for a, b in pairwise(tokens))
    feats.extend("n:" + t for t in negated)
    return feats


def _lexicon_features(tokens: list[str], negated: set[str]) -> list[str]:
    counts = {"pos": 0, "neg": 0}
    feats: list[str] = []
    for tok in tokens:
        pol = polarity(tok)
        if pol is None:
            continue
        counts[pol] += 1
        feats.append(("l:not-" if tok in negated else "l:") + pol)
    feats.extend(f"l:{pol}{min(n, 3)}" for pol, n in counts.items() if n > 1)
    if counts["pos"] and counts["neg"]:
        feats.append("l:both")
    return feats


def _negated(tokens: list[str]) -> list[str]:
    """The few words after a negator, so "pas bon" and "bon" pull apart."""
    out: list[str] = []
    left = 0
    for tok in tokens:
        if tok in NEGATORS:
            left = _NEGATION_SCOPE
        elif tok in _SCOPE_BREAKERS:
            left = 0
        elif left:
            out.append(tok)
            left -= 1
    return out


def _char_features(tokens: list[str], lo: int, hi: int) -> set[str]:
    grams: set[str] = set()
    for tok in tokens:
        grams.update(_token_grams(tok, lo, hi))
    return grams


def _token_grams(tok: str, lo: int, hi: int) -> tuple[str, ...]:
    """A word's character n-grams, padded with spaces."""
    # Words recur, so their n-grams are remembered (in a plain dictionary of strings, which the
    # garbage collector need not walk), until the table is full and starts again.
    table = _known_grams.setdefault((lo, hi), {})
    grams = table.get(tok)
    if grams is None:
        if len(table) >= _KNOWN_LIMIT:
            table.clear()
        grams = table[tok] = _grams_of(tok, lo, hi)
    return grams


_KNOWN_LIMIT = 1 << 16
_known_grams: dict[tuple[int, int], dict[str, tuple[str, ...]]] = {}


def _grams_of(tok: str, lo: int, hi: int) -> tuple[str, ...]:
    if tok[0] == "<" or (len(tok) == 1 and not tok.isalnum()):
        return ()
    padded = f" {tok} "
    return tuple(
        padded[i : i + n]
        for n in range(lo, min(hi, len(padded)) + 1)
        for i in range(len(padded) - n + 1)
    )
