"""Sentiment of a mention: negative, neutral or positive, with the label's probability."""

from __future__ import annotations

from collections.abc import Sequence

from majlis.text.sentiment.corrections import LABELS
from majlis.text.sentiment.loader import (
    SentimentClassifier,
    load_default_model,
    load_model,
    set_default_model,
)
from majlis.text.sentiment.model import SentimentModel
from majlis.text.sentiment.onnx import ModelUnavailableError, OnnxSentimentModel

__all__ = [
    "LABELS",
    "ModelUnavailableError",
    "OnnxSentimentModel",
    "SentimentClassifier",
    "SentimentModel",
    "classify_sentiment",
    "classify_sentiments",
    "load_default_model",
    "load_model",
    "set_default_model",
]


def classify_sentiment(text: str, lang: str | None = None) -> tuple[str, float]:
    """(label, probability of that label); `lang` skips language detection when known."""
    return load_default_model().classify(text, lang)


def classify_sentiments(
    texts: Sequence[str], langs: Sequence[str | None] | None = None
) -> list[tuple[str, float]]:
    """`classify_sentiment` for each text, read together (much faster than one by one)."""
    return load_default_model().classify_many(texts, langs or [None] * len(texts))
