"""The learned signals: the shared text model, and the site's own corrections on top of it."""

from __future__ import annotations

from majlis.text.spam import weights as W
from majlis.text.spam.features import Features
from majlis.text.spam.model import SpamModel
from majlis.text.spam.reasons import Reason, reason
from majlis.text.spam.site import SiteLayer

_SHOWN_FROM = 0.05  # a site lesson that moves the log-odds less than this is not worth a line


def content_model_reasons(model: SpamModel, features: Features) -> list[Reason]:
    """The model's word, as far as it can read the language; the hand-set rules for the rest.

    The model learned from English comments what words, style and links mean. On a comment in
    a language it does not know, its opinion fades into the base rate (most comments are not
    spam) and the count of links, which it would otherwise have weighed itself, becomes a rule.
    """
    opinion = model.opinion(features)
    said = max(-W.CONTENT_CAP, min(W.CONTENT_CAP, opinion.logit))
    unread = 1.0 - opinion.confidence
    weight = opinion.confidence * said + unread * W.UNFAMILIAR_BASE
    if opinion.confidence < 0.5:
        reasons = [reason("content_unfamiliar", weight)]
    else:
        reasons = [reason("content_spam" if weight >= 0 else "content_normal", weight)]
    count = len(features.links)
    links = min(W.LINKS_MAX, W.LINK_FIRST + W.LINK_MORE * (count - 1)) if count else 0.0
    if unread * links >= _SHOWN_FROM:
        reasons.append(reason("links", unread * links))
    return reasons


def site_layer_reasons(layer: SiteLayer | None, features: Features) -> list[Reason]:
    if layer is None:
        return []
    weight = max(-W.SITE_LAYER_CAP, min(W.SITE_LAYER_CAP, layer.contribution(features)))
    if abs(weight) < _SHOWN_FROM:
        return []
    return [reason("site_learned_spam" if weight > 0 else "site_learned_ham", weight)]
