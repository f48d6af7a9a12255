"""A person corrects a mention's sentiment: kept per workspace, and used to adapt its model."""

from __future__ import annotations

from typing import Any

from majlis.core import audit
from majlis.listening.models import Mention


def correct_sentiment(mention: Mention, label: str, by: Any) -> None:
    old = mention.sentiment
    mention.sentiment = label
    mention.sentiment_corrected = True
    mention.sentiment_score = 1.0
    mention.save(update_fields=["sentiment", "sentiment_corrected", "sentiment_score"])
    audit.record(mention.workspace, by, "mention.sentiment", mention.item.url, old=old, new=label)
    from majlis.listening.sentiment import forget_workspace_model

    forget_workspace_model(mention.workspace_id)
