"""A verdict and its reasons: the score is nothing but the sum of the reasons' weights."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from majlis.text.spam import weights as W
from majlis.text.spam.reasons import Reason

# Reasons that settle a decision whatever else is said; they teach a site nothing.
OVERRIDES = frozenset({"administrator", "test_spam", "honeypot"})
_ALWAYS_BLATANT = frozenset({"honeypot"})
# Reasons that come from learning rather than from a rule a person can check.
_LEARNED = frozenset(
    {
        "content_spam",
        "content_normal",
        "content_unfamiliar",
        "site_learned_spam",
        "site_learned_ham",
    }
)


@dataclass(frozen=True, slots=True)
class Decision:
    is_spam: bool
    blatant: bool  # spam so plain that the client may drop it unseen (Akismet's "discard")
    score: float  # probability of spam, 0..1
    reasons: list[Reason] = field(default_factory=list)  # strongest evidence for spam first

    @property
    def log_odds(self) -> float:
        return sum(r.weight for r in self.reasons)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def decision_from(reasons: list[Reason]) -> Decision:
    total = sum(r.weight for r in reasons)
    rules = sum(r.weight for r in reasons if r.code not in _LEARNED | OVERRIDES)
    blatant = any(r.code in _ALWAYS_BLATANT for r in reasons) or (
        total >= W.BLATANT_TOTAL and rules >= W.BLATANT_RULES
    )
    ordered = sorted(reasons, key=lambda r: -r.weight)
    return Decision(total >= 0, blatant and total >= 0, round(_sigmoid(total), 6), ordered)
