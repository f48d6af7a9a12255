"""Sentiment for a workspace: the shipped model, adapted by that workspace's corrections."""

from __future__ import annotations

import threading
from collections.abc import Sequence

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


def classify_for_workspaces_many(
    rows: Sequence[tuple[str, str, list[int]]],
) -> list[dict[int, tuple[str, float]]]:
    """For each (text, language, workspace ids), each workspace's reading of the text: the
    shared model's, unless the workspace's corrections adapted it.

    Each model reads all of its texts at once, and a text that several workspaces read with the
    same model (the shared one, most often) is read once.
    """
    models = {ws: model_for(ws) for _text, _lang, workspace_ids in rows for ws in workspace_ids}
    readers: dict[int, tuple[SentimentClassifier, dict[int, list[int]]]] = {}
    for n, (_text, _lang, workspace_ids) in enumerate(rows):
        for workspace_id in workspace_ids:
            model = models[workspace_id]
            readers.setdefault(id(model), (model, {}))[1].setdefault(n, []).append(workspace_id)
    labels: list[dict[int, tuple[str, float]]] = [{} for _ in rows]
    for model, readings in readers.values():
        answers = model.classify_many(
            [rows[n][0] for n in readings], [rows[n][1] for n in readings]
        )
        for (n, workspace_ids), answer in zip(readings.items(), answers, strict=True):
            for workspace_id in workspace_ids:
                labels[n][workspace_id] = answer
    return labels


def forget_workspace_model(workspace_id: int) -> None:
    with _lock:
        _adapted.pop(workspace_id, None)
