"""Is this Arabic-script text Darija rather than Modern Standard Arabic, this Latin-script text
Arabizi rather than French or English?

Two interchangeable judges: the packaged one reads the hand-written cues of `cues.py`; the
learned one (`train_langid(..., include_unlicensed=True)`, built by an operator from MAC and MYC)
is a logistic regression over hashed character n-grams plus those same cues.
"""

from __future__ import annotations

import json
import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from majlis.text.langid.cues import arabic_cues, fold_arabic, latin_cues

FORMAT = "majlis-langid-darija/1"
N_BITS = 18
_ARABIC_SEED = 0x0A
_LATIN_SEED = 0x1A

# The cue judge's thresholds: one Darija word, even a weak one, in a text where at least one
# word in twenty is Darija. Chosen on the training part of MAC, MYC and UMSAB (the held-out part
# only measures them), favouring few false alarms on Modern Standard Arabic over recall.
CUE_MIN_TOTAL = 0.5
CUE_MIN_RATIO = 0.05


class DarijaJudge(Protocol):
    def arabic_is_darija(self, words: list[str]) -> bool: ...

    def latin_is_darija(self, words: list[str]) -> bool: ...


class CueJudge:
    """The packaged judge: Darija words from a hand-written list."""

    def arabic_is_darija(self, words: list[str]) -> bool:
        return arabic_cues(words).says_darija(CUE_MIN_TOTAL, CUE_MIN_RATIO)

    def latin_is_darija(self, words: list[str]) -> bool:
        return latin_cues(words).says_darija(CUE_MIN_TOTAL, CUE_MIN_RATIO)


@dataclass(frozen=True)
class LinearJudge:
    """Two logistic regressions over `features()`: Arabic script and Latin script."""

    arabic_weights: npt.NDArray[np.float32]
    latin_weights: npt.NDArray[np.float32]
    biases: tuple[float, float]

    def arabic_is_darija(self, words: list[str]) -> bool:
        cols, vals = features(words, arabic=True)
        return float(vals @ self.arabic_weights[cols]) + self.biases[0] > 0

    def latin_is_darija(self, words: list[str]) -> bool:
        cols, vals = features(words, arabic=False)
        return float(vals @ self.latin_weights[cols]) + self.biases[1] > 0

    def save(self, path: Path, info: dict[str, object]) -> None:
        meta = json.dumps({"format": FORMAT, "n_bits": N_BITS, "info": info})
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                arabic=self.arabic_weights.astype(np.float16),
                latin=self.latin_weights.astype(np.float16),
                biases=np.asarray(self.biases, dtype=np.float32),
                meta=np.array(meta),
            )

    @classmethod
    def load(cls, path: Path) -> LinearJudge:
        with np.load(path, allow_pickle=False) as archive:
            meta = json.loads(str(archive["meta"]))
            if meta.get("format") != FORMAT or meta.get("n_bits") != N_BITS:
                raise ValueError(f"{path} is not a {FORMAT} model")
            biases = archive["biases"].astype(float)
            return cls(
                arabic_weights=archive["arabic"].astype(np.float32),
                latin_weights=archive["latin"].astype(np.float32),
                biases=(float(biases[0]), float(biases[1])),
            )


def features(
    words: list[str], arabic: bool
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Hashed word and in-word character 1-4-gram features, unit length, plus the cue score."""
    if arabic:
        words = [fold_arabic(w) for w in words]
        cues = arabic_cues(words)
    else:
        cues = latin_cues(words)
    grams = ["w" + w for w in words]
    for word in words:
        padded = f" {word} "
        for n in range(1, 5):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    seed = _ARABIC_SEED if arabic else _LATIN_SEED
    mask = (1 << N_BITS) - 1
    unique = set(grams)
    cols = [zlib.crc32(g.encode(), seed) & mask for g in unique]
    vals = [1 / math.sqrt(len(unique))] * len(unique) if unique else []
    cols.extend(zlib.crc32(name, seed) & mask for name in (b"<cue-total>", b"<cue-ratio>"))
    vals.extend((min(cues.total, 3.0) / 3.0, min(cues.ratio, 1.0)))
    return np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32)
