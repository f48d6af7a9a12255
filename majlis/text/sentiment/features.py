"""Hashed sparse features: words, word pairs, negated words, character n-grams, emoji.

Every feature exists twice: once shared by all languages and once for the text's language, so
the model learns what is common (emoji, "!!!", "merci") and what is particular to each language
without one model per language. CRC-32 is the hash: stable across processes (unlike `hash()`),
in the standard library, and fast.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

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
        tokens = tokenize(fold(text))
        word_block = _word_features(tokens)
        char_block = _char_features(tokens, self.char_min, self.char_max)
        lexicon_block = _lexicon_features(tokens, set(_negated(tokens)))
        seed = _domain_seed(domain)
        mask = self.size - 1
        cols: list[int] = []
        vals: list[float] = []
        blocks = (
            (word_block, 1.0),
            (char_block, self.char_weight),
            (lexicon_block, self.lexicon_weight),
        )
        for block, weight in blocks:
            if not block:
                continue
            encoded = [f.encode() for f in set(block)]
            value = weight / (len(encoded) * (2 if seed else 1)) ** 0.5
            cols.extend(zlib.crc32(e) & mask for e in encoded)
            if seed:
                cols.extend(zlib.crc32(e, seed) & mask for e in encoded)
            vals.extend([value] * (len(encoded) * (2 if seed else 1)))
        return np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32)


def _domain_seed(domain: str | None) -> int:
    if domain not in DOMAINS:
        return 0
    return zlib.crc32(domain.encode()) or 1


def _word_features(tokens: list[str]) -> list[str]:
    feats = ["w:" + t for t in tokens]
    feats.extend(f"b:{a} {b}" for a, b in pairwise(tokens))
    feats.extend("n:" + t for t in _negated(tokens))
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


def _char_features(tokens: list[str], lo: int, hi: int) -> list[str]:
    feats: list[str] = []
    for tok in tokens:
        if tok[0] == "<" or (len(tok) == 1 and not tok.isalnum()):
            continue
        padded = f" {tok} "
        for n in range(lo, min(hi, len(padded)) + 1):
            feats.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return feats
