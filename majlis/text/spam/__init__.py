"""Comment spam, decided in pure Python for the Akismet-compatible service.

    decision = decide(SpamInput.from_akismet(form), SpamContext(...))
    decision.is_spam, decision.blatant, decision.score, decision.reasons

    layer = learn(layer, SpamInput.from_akismet(form), is_spam=True)   # submit-spam
    SpamContext(site_layer=layer)                                        # later checks

Every reason is (code, English sentence, weight in log-odds); the score is the logistic of the
sum of the weights. Training lives in `majlis.text.spam.train` (scikit-learn, `train` extras).
See docs/models/spam.md.
"""

from majlis.text.spam.decide import content_fingerprint, decide, learn
from majlis.text.spam.decision import Decision
from majlis.text.spam.inputs import SpamContext, SpamInput
from majlis.text.spam.model import SpamModel, load_spam_model
from majlis.text.spam.reasons import MESSAGES, Reason
from majlis.text.spam.site import SiteLayer

__all__ = [
    "MESSAGES",
    "Decision",
    "Reason",
    "SiteLayer",
    "SpamContext",
    "SpamInput",
    "SpamModel",
    "content_fingerprint",
    "decide",
    "learn",
    "load_spam_model",
]
