"""Sentiment for a workspace: the shipped model, adapted by that workspace's corrections."""

from __future__ import annotations

import threading

from majlis.listening.models import Mention
from majlis.text.sentiment import SentimentClassifier, load_default_model

MAX_CORRECTIONS = 2_000
_lock = threading.Lock()
_adapted: dict[int, SentimentClassifier] = {}


def model_for(workspace_id: int) -> SentimentClassifier:
    with _lock:
        cached = _adapted.get(workspace_id)
    if cached is not None:
        return cached
    corrections = list(
        Mention.objects.filter(workspace_id=workspace_id, sentiment_corrected=True)
        .order_by("-id")
        .values_list("item__title", "item__text", "sentiment")[:MAX_CORRECTIONS]
    )
    base = load_default_model()
    model = (
        base.adapted([(f"{title}\n{text}", label) for title, text, label in corrections])
        if corrections
        else base
    )
    with _lock:
        _adapted[workspace_id] = model
    return model


def classify_for_workspaces(
    text: str, lang: str, workspace_ids: list[int]
) -> dict[int, tuple[str, float]]:
    """Each workspace's reading of a text: the shared model's, unless corrections adapted it."""
    base = load_default_model()
    shared: tuple[str, float] | None = None
    labels: dict[int, tuple[str, float]] = {}
    for workspace_id in workspace_ids:
        model = model_for(workspace_id)
        if model is base:
            shared = shared or base.classify(text, lang)
            labels[workspace_id] = shared
        else:
            labels[workspace_id] = model.classify(text, lang)
    return labels


def forget_workspace_model(workspace_id: int) -> None:
    with _lock:
        _adapted.pop(workspace_id, None)
