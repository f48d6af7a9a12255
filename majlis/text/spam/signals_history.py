"""Rules on what the caller's database knows: bursts, campaigns across sites, trusted authors."""

from __future__ import annotations

import math

from majlis.text.spam import weights as W
from majlis.text.spam.inputs import SpamContext
from majlis.text.spam.reasons import Reason, reason


def _by_doubling(count: int, start: int, first: float, per_doubling: float, cap: float) -> float:
    """`first` at `start`, then `per_doubling` more each time the count doubles, up to `cap`."""
    weight = first + per_doubling * math.log2(count / start)
    return max(weight, cap) if cap < 0 else min(weight, cap)


def velocity_reasons(context: SpamContext) -> list[Reason]:
    reasons = []
    if context.same_ip_last_hour >= W.IP_VELOCITY_FROM:
        weight = _by_doubling(
            context.same_ip_last_hour,
            W.IP_VELOCITY_FROM,
            W.IP_VELOCITY_FIRST,
            W.IP_VELOCITY_PER_DOUBLING,
            W.IP_VELOCITY_MAX,
        )
        reasons.append(reason("ip_velocity", weight))
    if context.same_author_last_hour >= W.AUTHOR_VELOCITY_FROM:
        weight = _by_doubling(
            context.same_author_last_hour,
            W.AUTHOR_VELOCITY_FROM,
            W.AUTHOR_VELOCITY_FIRST,
            W.AUTHOR_VELOCITY_PER_DOUBLING,
            W.AUTHOR_VELOCITY_MAX,
        )
        reasons.append(reason("author_velocity", weight))
    return reasons


def cross_site_reasons(context: SpamContext, words: int) -> list[Reason]:
    if context.same_content_other_sites < 1 or words < W.CROSS_SITE_MIN_WORDS:
        return []
    weight = _by_doubling(
        context.same_content_other_sites,
        1,
        W.CROSS_SITE_FIRST,
        W.CROSS_SITE_PER_DOUBLING,
        W.CROSS_SITE_MAX,
    )
    return [reason("cross_site_duplicate", weight)]


def trust_reasons(context: SpamContext) -> list[Reason]:
    if context.approved_before < 1:
        return []
    weight = _by_doubling(
        context.approved_before,
        1,
        W.KNOWN_AUTHOR_FIRST,
        W.KNOWN_AUTHOR_PER_DOUBLING,
        W.KNOWN_AUTHOR_MAX,
    )
    return [reason("known_author", weight)]


def history_reasons(context: SpamContext, words: int) -> list[Reason]:
    return [
        *velocity_reasons(context),
        *cross_site_reasons(context, words),
        *trust_reasons(context),
    ]
