"""An operator's own, stronger sentiment model, exported to ONNX.

The directory holds `model.onnx` and optionally `labels.json` (the order of the output columns,
default negative, neutral, positive). The graph takes the raw texts as a string tensor of shape
[N] and returns class probabilities of shape [N, 3] as its first output: a model that needs token
ids must embed its tokenizer (e.g. with onnxruntime-extensions). Runs only if onnxruntime is
installed; Majlis does not require it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from majlis.text.sentiment.corrections import LABELS, correction_key, override_table

_OVERRIDE_SCORE = 0.99


class ModelUnavailableError(RuntimeError):
    """The model cannot be loaded here; the message says what to install or fix."""


@dataclass(frozen=True)
class OnnxSentimentModel:
    session: Any  # onnxruntime.InferenceSession; untyped so the import stays optional
    labels: tuple[str, ...]
    overrides: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> OnnxSentimentModel:
        try:
            import onnxruntime
        except ImportError as exc:
            raise ModelUnavailableError(
                f"{directory / 'model.onnx'} is an ONNX model, which needs onnxruntime: "
                "install it into Majlis's environment (pip install onnxruntime)"
            ) from exc
        labels_file = directory / "labels.json"
        labels = tuple(json.loads(labels_file.read_text())) if labels_file.exists() else LABELS
        if sorted(labels) != sorted(LABELS):
            raise ModelUnavailableError(f"{labels_file} must list exactly {LABELS}")
        session = onnxruntime.InferenceSession(
            str(directory / "model.onnx"), providers=["CPUExecutionProvider"]
        )
        return cls(session=session, labels=labels)

    def probabilities(self, text: str, lang: str | None = None) -> dict[str, float]:
        name = self.session.get_inputs()[0].name
        output = self.session.run(None, {name: np.array([text], dtype=object)})[0]
        row = np.asarray(output, dtype=np.float64).reshape(-1)
        return {label: float(row[i]) for i, label in enumerate(self.labels)}

    def classify(self, text: str, lang: str | None = None) -> tuple[str, float]:
        corrected = self.overrides.get(correction_key(text)) if self.overrides else None
        if corrected is not None:
            return corrected, _OVERRIDE_SCORE
        probs = self.probabilities(text, lang)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]

    def classify_many(
        self, texts: Sequence[str], langs: Sequence[str | None]
    ) -> list[tuple[str, float]]:
        """One text at a time: an operator's graph may not give the same answers in a batch."""
        return [self.classify(text, lang) for text, lang in zip(texts, langs, strict=True)]

    def adapted(self, corrections: Iterable[tuple[str, str]]) -> OnnxSentimentModel:
        """Corrections pin the corrected texts only: an ONNX graph is not retrained here."""
        return replace(self, overrides=override_table(self.overrides, corrections))
