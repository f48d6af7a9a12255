"""A site's own lessons: weights learned from its submit-spam and submit-ham corrections.

The shared model is the same for every site; what one brand calls spam (a competitor's promo
code, a channel that floods its page) may be fine elsewhere. Each site keeps a small sparse
layer on top of the model, over the same hashed words and n-grams plus the domains its comments
link to. A correction moves the layer just enough for that comment to land on the corrected
side with a clear margin (a passive-aggressive step), so a near-identical comment follows while
unrelated ones barely move. The layer is plain JSON for the caller to store with the site.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from majlis.text.spam.features import DIM, Features

# After a correction the comment sits at this log-odds on the corrected side (p = 0.95).
TARGET_MARGIN = 3.0
# One lesson should not make a single n-gram decisive on its own.
MAX_WEIGHT = 4.0
# The largest weights are kept; about 100 corrections of ordinary comments fit.
MAX_ENTRIES = 40_000
# A link's domain counts as much as a quarter of the comment's whole text.
_DOMAIN_VALUE = 0.5


def _site_vector(features: Features) -> dict[int, float]:
    vector = {
        int(i): float(v)
        for i, v in zip(
            features.indices[: features.bag_size],
            features.values[: features.bag_size],
            strict=True,
        )
    }
    for link in features.links:
        index = zlib.crc32(("site-d:" + link.domain).encode()) & (DIM - 1)
        vector[index] = _DOMAIN_VALUE
    return vector


@dataclass(frozen=True, slots=True)
class SiteLayer:
    weights: Mapping[int, float] = field(default_factory=dict)

    def contribution(self, features: Features) -> float:
        if not self.weights:
            return 0.0
        vector = _site_vector(features)
        return sum(self.weights.get(i, 0.0) * v for i, v in vector.items())

    def learned(self, features: Features, is_spam: bool, current_logit: float) -> SiteLayer:
        """This layer after one correction, given the comment's present log-odds of spam."""
        sign = 1.0 if is_spam else -1.0
        vector = _site_vector(features)
        norm2 = sum(v * v for v in vector.values())
        missing = TARGET_MARGIN - sign * current_logit
        if missing <= 0 or norm2 == 0:
            return self
        step = sign * missing / norm2
        weights = dict(self.weights)
        for index, value in vector.items():
            new = weights.get(index, 0.0) + step * value
            weights[index] = max(-MAX_WEIGHT, min(MAX_WEIGHT, new))
        if len(weights) > MAX_ENTRIES:
            kept = sorted(weights.items(), key=lambda item: -abs(item[1]))[:MAX_ENTRIES]
            weights = dict(kept)
        return SiteLayer(weights)

    def to_json(self) -> dict[str, Any]:
        indices = sorted(self.weights)
        return {"v": 1, "i": indices, "w": [round(self.weights[i], 5) for i in indices]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> SiteLayer:
        if not data:
            return cls()
        if data.get("v") != 1:
            raise ValueError("unknown site layer format")
        weights = {
            int(i): float(w) for i, w in zip(data["i"], data["w"], strict=True) if math.isfinite(w)
        }
        return cls(weights)
