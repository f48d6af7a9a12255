"""The shipped sentiment model: a linear layer over hashed features, run with numpy alone."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from majlis.text.sentiment.corrections import LABELS, correction_key, override_table
from majlis.text.sentiment.features import FeatureSpace

FORMAT = "majlis-sentiment-linear/1"
# An override answers with this score: the workspace said so, but it is still one person's call.
_OVERRIDE_SCORE = 0.99


@dataclass(frozen=True)
class SentimentModel:
    space: FeatureSpace
    weights: npt.NDArray[np.float32]  # (space.size, len(LABELS))
    bias: npt.NDArray[np.float32]  # (len(LABELS),)
    # Detected language -> the feature domain trained for it (None: shared features only).
    domains: Mapping[str, str | None]
    info: Mapping[str, Any] = field(default_factory=dict)
    overrides: Mapping[str, str] = field(default_factory=dict)

    def probabilities(self, text: str, lang: str | None = None) -> dict[str, float]:
        probs = self._softmax(text, self._domain(text, lang))
        return {label: float(p) for label, p in zip(LABELS, probs, strict=True)}

    def classify(self, text: str, lang: str | None = None) -> tuple[str, float]:
        """The most probable label and its probability; a corrected text gets its correction."""
        corrected = self._override(text)
        if corrected is not None:
            return corrected
        probs = self._softmax(text, self._domain(text, lang))
        best = int(np.argmax(probs))
        return LABELS[best], float(probs[best])

    def classify_many(
        self, texts: Sequence[str], langs: Sequence[str | None]
    ) -> list[tuple[str, float]]:
        """`classify` for each text, with one matrix product for all of them."""
        answers = {n: found for n, text in enumerate(texts) if (found := self._override(text))}
        todo = [n for n in range(len(texts)) if n not in answers]
        if todo:
            read = [texts[n] for n in todo]
            matrix = self.space.matrix(read, self._domains(read, [langs[n] for n in todo]))
            probs = _softmax_rows(np.asarray(matrix @ self.weights) + self.bias)
            best = probs.argmax(axis=1)
            for row, n in enumerate(todo):
                answers[n] = (LABELS[best[row]], float(probs[row, best[row]]))
        return [answers[n] for n in range(len(texts))]

    def _domains(self, texts: list[str], langs: list[str | None]) -> list[str | None]:
        """`_domain` for each text; the languages not given are detected all at once."""
        missing = [text for text, lang in zip(texts, langs, strict=True) if lang is None]
        detected: Iterator[str] = iter([])
        if missing:
            from majlis.text.langid import detect_languages  # as in `_domain`

            detected = iter(detect_languages(missing))
        return [self.domains.get(lang if lang is not None else next(detected)) for lang in langs]

    def _override(self, text: str) -> tuple[str, float] | None:
        corrected = self.overrides.get(correction_key(text)) if self.overrides else None
        return (corrected, _OVERRIDE_SCORE) if corrected is not None else None

    def adapted(
        self, corrections: Iterable[tuple[str, str]], epochs: int = 8, rate: float = 0.5
    ) -> SentimentModel:
        """A copy nudged towards a workspace's corrections.

        A few passes of gradient descent on the weights of the corrected texts' features let a
        correction carry over to similar texts; the exact texts are also pinned, so a correction
        always shows even when the nudge was not enough.
        """
        pairs = list(corrections)
        table = override_table(self.overrides, pairs)
        weights = self.weights.copy()
        bias = self.bias.copy()
        rows = [
            (*self.space.vector(t, self._domain(t, None)), LABELS.index(lbl)) for t, lbl in pairs
        ]
        for _ in range(epochs):
            wrong = 0
            for cols, vals, target in rows:
                probs = _softmax(vals @ weights[cols] + bias)
                wrong += int(np.argmax(probs)) != target
                probs[target] -= 1.0
                np.subtract.at(weights, cols, rate * np.outer(vals, probs))
            if not wrong:
                break
        return replace(self, weights=weights, bias=bias, overrides=table)

    def save(self, path: Path) -> None:
        meta = {
            "format": FORMAT,
            "labels": list(LABELS),
            "space": asdict(self.space),
            "domains": dict(self.domains),
            "info": dict(self.info),
            "overrides": dict(self.overrides),
        }
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                weights=self.weights.astype(np.float16),
                bias=self.bias.astype(np.float32),
                meta=np.array(json.dumps(meta, ensure_ascii=False)),
            )

    @classmethod
    def load(cls, path: Path) -> SentimentModel:
        with np.load(path, allow_pickle=False) as archive:
            meta = json.loads(str(archive["meta"]))
            if meta.get("format") != FORMAT or tuple(meta["labels"]) != LABELS:
                raise ValueError(f"{path} is not a {FORMAT} model")
            return cls(
                space=FeatureSpace(**meta["space"]),
                weights=archive["weights"].astype(np.float32),
                bias=archive["bias"].astype(np.float32),
                domains=meta["domains"],
                info=meta["info"],
                overrides=meta["overrides"],
            )

    def _domain(self, text: str, lang: str | None) -> str | None:
        if lang is None:
            # Imported here: language ID loads lingua, which callers that pass lang never need.
            from majlis.text.langid import detect_language

            lang = detect_language(text)
        return self.domains.get(lang)

    def _softmax(self, text: str, domain: str | None) -> npt.NDArray[np.float32]:
        cols, vals = self.space.vector(text, domain)
        if not len(cols):
            return _softmax(self.bias.copy())
        return _softmax(vals @ self.weights[cols] + self.bias)


def _softmax_rows(logits: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    result: npt.NDArray[np.float32] = exp / exp.sum(axis=1, keepdims=True)
    return result


def _softmax(logits: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    logits = logits - logits.max()
    exp = np.exp(logits)
    result: npt.NDArray[np.float32] = exp / exp.sum()
    return result
