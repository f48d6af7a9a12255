from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from majlis.listening.models import Sentiment


def listening_context(request: HttpRequest) -> dict[str, Any]:
    return {"sentiment_choices": Sentiment.choices}
