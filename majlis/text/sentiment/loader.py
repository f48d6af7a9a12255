"""Find, load and cache the sentiment model in use."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from majlis.text.sentiment.model import SentimentModel
from majlis.text.sentiment.onnx import ModelUnavailableError, OnnxSentimentModel

PACKAGED_MODEL = Path(__file__).resolve().parent.parent / "models" / "sentiment.npz"
MODEL_FILE = "sentiment.npz"

_lock = threading.Lock()
_default: SentimentClassifier | None = None
_default_path: Path | None = None


class SentimentClassifier(Protocol):
    def classify(self, text: str, lang: str | None = None) -> tuple[str, float]: ...

    def classify_many(
        self, texts: Sequence[str], langs: Sequence[str | None]
    ) -> list[tuple[str, float]]: ...

    def probabilities(self, text: str, lang: str | None = None) -> dict[str, float]: ...

    def adapted(self, corrections: Iterable[tuple[str, str]]) -> SentimentClassifier: ...


def load_model(path: Path) -> SentimentClassifier:
    """A Majlis `.npz` model file, or a directory holding `sentiment.npz` or `model.onnx`."""
    path = Path(path)
    if path.is_file():
        return SentimentModel.load(path)
    if (path / MODEL_FILE).is_file():
        return SentimentModel.load(path / MODEL_FILE)
    if (path / "model.onnx").is_file():
        return OnnxSentimentModel.load(path)
    raise ModelUnavailableError(
        f"no sentiment model at {path}: expected {MODEL_FILE} or model.onnx"
    )


def set_default_model(path: Path | None) -> None:
    """Make `load_default_model` return the operator's model (None: back to the packaged one)."""
    global _default, _default_path
    with _lock:
        _default, _default_path = None, (Path(path) if path is not None else None)


def load_default_model() -> SentimentClassifier:
    """The configured model, else the one shipped in the package; loaded once per process."""
    global _default
    with _lock:
        if _default is None:
            _default = load_model(_default_path or PACKAGED_MODEL)
        return _default
