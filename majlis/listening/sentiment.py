"""Sentiment for a workspace: the shipped model, adapted by that workspace's corrections."""

from __future__ import annotations

import threading

from majlis.listening.models import Mention
from majlis.text.sentiment import SentimentModel, load_default_model

MAX_CORRECTIONS = 2_000
_lock = threading.Lock()
_adapted: dict[int, SentimentModel] = {}


def model_for(workspace_id: int) -> SentimentModel:
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


def forget_workspace_model(workspace_id: int) -> None:
    with _lock:
        _adapted.pop(workspace_id, None)
