"""Decide whether one comment is spam, and learn from a site's corrections."""

from __future__ import annotations

import hashlib

import regex

from majlis.text.spam import weights as W
from majlis.text.spam.decision import OVERRIDES, Decision, decision_from
from majlis.text.spam.features import Features, extract
from majlis.text.spam.fold import fold, strip_markup
from majlis.text.spam.inputs import SpamContext, SpamInput
from majlis.text.spam.language import DETECT_LANGUAGE, is_foreign_script, is_other_language
from majlis.text.spam.model import SpamModel, load_spam_model
from majlis.text.spam.reasons import Reason, reason
from majlis.text.spam.signals_author import author_reasons, is_test_spam
from majlis.text.spam.signals_content import content_reasons
from majlis.text.spam.signals_history import history_reasons
from majlis.text.spam.signals_model import content_model_reasons, site_layer_reasons
from majlis.text.spam.site import SiteLayer

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ADMINISTRATOR = "administrator"


def content_fingerprint(content: str) -> str:
    """The same for the same words, whatever the markup, case, accents or spacing.

    The caller stores it with each comment to count the other sites that got the same text
    (`SpamContext.same_content_other_sites`).
    """
    words = _WORD.findall(fold(strip_markup(content)))
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]


def _language_reasons(plain: str, blog_lang: str) -> list[Reason]:
    if is_foreign_script(plain, blog_lang):
        return [reason("foreign_script", W.FOREIGN_SCRIPT)]
    if is_other_language(plain, blog_lang, DETECT_LANGUAGE):
        return [reason("language_mismatch", W.LANGUAGE_MISMATCH)]
    return []


def _reasons(data: SpamInput, context: SpamContext, model: SpamModel, f: Features) -> list[Reason]:
    plain = strip_markup(data.content)
    reasons: list[Reason] = []
    if is_test_spam(data):
        reasons.append(reason("test_spam", W.OVERRIDE))
    if data.honeypot_value.strip():
        reasons.append(reason("honeypot", W.OVERRIDE))
    return [
        *reasons,
        *content_model_reasons(model, f),
        *site_layer_reasons(context.site_layer, f),
        *content_reasons(data.content, plain, f),
        *author_reasons(data),
        *_language_reasons(plain, data.blog_lang),
        *history_reasons(context, len(_WORD.findall(plain))),
    ]


def decide(
    data: SpamInput, context: SpamContext | None = None, model: SpamModel | None = None
) -> Decision:
    """Spam or not, how sure, and every reason that moved the score."""
    if data.user_role.strip().lower() == _ADMINISTRATOR:
        # Akismet's rule, which clients test: no false spam for administrators.
        return decision_from([reason("administrator", -W.OVERRIDE)])
    features = extract(data.content)
    reasons = _reasons(data, context or SpamContext(), model or load_spam_model(), features)
    return decision_from(reasons)


def learn(
    layer: SiteLayer | None, data: SpamInput, is_spam: bool, model: SpamModel | None = None
) -> SiteLayer:
    """The site's layer after a submit-spam (`is_spam`) or submit-ham of `data`.

    History signals are left out: the site teaches what the comment says and who signed it,
    not how busy that hour was.
    """
    layer = layer or SiteLayer()
    model = model or load_spam_model()
    features = extract(data.content)
    current = decision_from(_reasons(data, SpamContext(site_layer=layer), model, features))
    if any(r.code in OVERRIDES for r in current.reasons):
        # A filled honeypot or a test value says nothing about the words of the comment.
        return layer
    return layer.learned(features, is_spam, current.log_odds)
