"""The spam engine as the moderation service uses it: the shipped model, or a neutral stand-in."""

from __future__ import annotations

import functools
import logging

import numpy as np

from majlis.text.spam.features import DIM
from majlis.text.spam.model import SpamModel, load_spam_model

log = logging.getLogger(__name__)


@functools.cache
def spam_model() -> SpamModel:
    """The shipped text model; when its file is missing or unreadable, an all-zero model.

    With zero weights the engine reads every text as a language it does not know (the
    `content_unfamiliar` reason, a mild lean towards "not spam") and the rules decide alone,
    which keeps the service answering instead of failing every request.
    """
    try:
        return load_spam_model()
    except (OSError, ValueError, KeyError) as exc:
        log.warning("spam model unavailable (%s): deciding with the rules alone", exc)
        return SpamModel(np.zeros(DIM, dtype=np.float32), 0.0, {"fallback": True})
