"""The content model: logistic regression over hashed features, in numpy only.

Training (`majlis.text.spam.train`) uses scikit-learn; this file only reads the weights, so the
web and worker processes never import it.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from majlis.text.spam.features import DIM, Features, extract

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "spam.npz"
FORMAT_VERSION = 1

# How much of a comment's vocabulary the training comments (English) ever used. Held-out English
# comments: 0.67 or more for nine in ten. French: 0.32 or less for nine in ten; Arabic and Darija:
# almost 0. Between the two bounds the model's confidence grows from 0 to 1.
_FAMILIAR_FROM = 0.3
_FAMILIAR_FULL = 0.6


@dataclass(frozen=True, slots=True)
class Opinion:
    logit: float  # log-odds of spam from the text alone
    confidence: float  # 0 (language never seen in training) to 1 (familiar text)


@dataclass(frozen=True, slots=True)
class SpamModel:
    weights: npt.NDArray[np.float32]  # dense, DIM long; zero where training never saw a feature
    intercept: float
    info: dict[str, Any] = field(default_factory=dict)  # provenance and evaluation figures

    def logit(self, features: Features) -> float:
        return self.intercept + float(np.dot(self.weights[features.indices], features.values))

    def familiarity(self, features: Features) -> float:
        """The share of the comment's words that training saw.

        One pseudo-word counts as seen: two or three words ("Katycat!" next to a link) cannot
        tell a language, and a comment with no words at all has no language to misread.
        """
        words = features.indices[: features.word_count]
        return (float(np.count_nonzero(self.weights[words])) + 1.0) / (len(words) + 1.0)

    def opinion(self, features: Features) -> Opinion:
        span = _FAMILIAR_FULL - _FAMILIAR_FROM
        confidence = (self.familiarity(features) - _FAMILIAR_FROM) / span
        return Opinion(self.logit(features), min(1.0, max(0.0, confidence)))

    def probability(self, text: str) -> float:
        """The model's probability of spam for `text` alone, with no rule and no site history."""
        return 1.0 / (1.0 + math.exp(-self.logit(extract(text))))

    def save(self, path: Path) -> None:
        nonzero = np.flatnonzero(self.weights).astype(np.uint32)
        # float16 keeps three significant digits, far below what moves a decision, and halves
        # the file. A weight must not round to zero: "non-zero" means "seen in training".
        weights = self.weights[nonzero].astype(np.float16)
        tiny = np.copysign(np.float16(6e-8), self.weights[nonzero]).astype(np.float16)
        weights = np.where(weights == 0, tiny, weights)
        np.savez_compressed(
            path,
            version=np.array(FORMAT_VERSION),
            dim=np.array(DIM),
            indices=nonzero,
            weights=weights,
            intercept=np.array(self.intercept),
            info=np.array(json.dumps(self.info, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path) -> SpamModel:
        with np.load(path, allow_pickle=False) as npz:
            if int(npz["version"]) != FORMAT_VERSION or int(npz["dim"]) != DIM:
                raise ValueError(f"{path} was written for another feature layout")
            weights = np.zeros(DIM, dtype=np.float32)
            weights[npz["indices"]] = npz["weights"].astype(np.float32)
            return cls(weights, float(npz["intercept"]), json.loads(str(npz["info"])))


@functools.cache
def load_spam_model() -> SpamModel:
    """The model shipped with Majlis, read once per process."""
    return SpamModel.load(MODEL_PATH)
