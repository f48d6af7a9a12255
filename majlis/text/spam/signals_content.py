"""Rules on the comment's text: its links, the trades it names, and how its letters are written."""

from __future__ import annotations

import regex

from majlis.text.spam import weights as W
from majlis.text.spam.features import Features
from majlis.text.spam.keywords import Hit, category_hits, find_keywords
from majlis.text.spam.reasons import Reason, reason
from majlis.text.spam.urls import has_bbcode_link

# Letters styled out of the plain alphabet so that filters miss the word ("𝐜𝐚𝐬𝐢𝐧𝐨", "ｃａｓｉｎｏ").
_STYLED = regex.compile(
    r"[\U0001D400-\U0001D7FF\uFF21-\uFF3A\uFF41-\uFF5A\u24B6-\u24E9\U0001F130-\U0001F189]"
)
# Invisible characters placed inside a word to split it ("ca\u200bsino").
_HIDDEN_INSIDE_WORD = regex.compile(r"(?<=\p{L})[\u200B\u2060\uFEFF\u00AD]+(?=\p{L})")
# A word that mixes Latin with Cyrillic or Greek look-alikes ("саsino" with a Cyrillic с and а).
_LOOKALIKE_WORD = regex.compile(
    r"\b(?=\w*\p{Latin})(?=\w*[\p{Cyrillic}\p{Greek}])[\p{Latin}\p{Cyrillic}\p{Greek}]{3,}\b"
)
# A web address spelled out so that link filters miss it ("monsite . com", "monsite dot com").
_SPELLED_DOMAIN = regex.compile(
    r"\b[a-z0-9-]{3,}\s*(?:\s\.\s|\(dot\)|\[dot\]|\sdot\s)\s*(?:com|net|org|info|biz|xyz|ma|fr)\b",
    regex.IGNORECASE,
)
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_LETTER = regex.compile(r"\p{L}")
_PHONE = regex.compile(r"(?:\+|00)?\d(?:[\s.-]?\d){7,}")
_MESSENGER = regex.compile(
    r"whats\s?app|telegram|viber|signal\b|wa\.me|t\.me/|واتس|واتساب|وتساب|تيليجرام|تلغرام|تليجرام",
    regex.IGNORECASE,
)
_ADVERTISING = frozenset({"gambling", "pharma", "money", "adult", "seo"})


def link_reasons(text: str, features: Features) -> list[Reason]:
    links = features.links
    reasons: list[Reason] = []
    checks = (  # reason, weight, the property of a link that triggers it
        ("shortened_link", W.SHORTENED_LINK, "is_shortener"),
        ("suspicious_tld", W.SUSPICIOUS_TLD, "has_suspicious_tld"),
        ("ip_link", W.IP_LINK, "is_ip_address"),
        ("spammy_link_host", W.SPAMMY_LINK_HOST, "is_spammy_host"),
        ("encoded_arabic_link", W.ENCODED_ARABIC_LINK, "has_percent_encoded_arabic"),
    )
    for code, weight, prop in checks:
        if any(getattr(link, prop) for link in links):
            reasons.append(reason(code, weight))
    if has_bbcode_link(text):
        reasons.append(reason("bbcode_link", W.BBCODE_LINK))
    return reasons


def keyword_reasons(hits: list[Hit]) -> list[Reason]:
    reasons = []
    for category, count in category_hits(hits).items():
        weight = min(W.KEYWORD_CATEGORY_MAX, W.KEYWORD_FIRST + W.KEYWORD_MORE * (count - 1))
        reasons.append(reason("kw_" + category, weight))
    return reasons


def mixed_script_reasons(plain: str, hits: list[Hit], features: Features) -> list[Reason]:
    """Arabic text carrying Latin casino or pharmacy terms or spam hosts: injected SEO spam."""
    letters = len(_LETTER.findall(plain))
    if not letters or len(_ARABIC_LETTER.findall(plain)) < 0.2 * letters:
        return []
    latin_ads = any(hit.latin and hit.category in _ADVERTISING for hit in hits)
    if latin_ads or any(link.is_spammy_host for link in features.links):
        return [reason("mixed_script_spam", W.MIXED_SCRIPT_SPAM)]
    return []


def disguise_reasons(plain: str) -> list[Reason]:
    disguised = (
        len(_STYLED.findall(plain)) >= 3
        or _HIDDEN_INSIDE_WORD.search(plain) is not None
        or _LOOKALIKE_WORD.search(plain) is not None
    )
    reasons = [reason("disguised_letters", W.DISGUISED_LETTERS)] if disguised else []
    if _SPELLED_DOMAIN.search(plain):
        reasons.append(reason("disguised_link", W.DISGUISED_LINK))
    return reasons


def contact_reasons(plain: str) -> list[Reason]:
    if _PHONE.search(plain) and _MESSENGER.search(plain):
        return [reason("contact_offsite", W.CONTACT_OFFSITE)]
    return []


def content_reasons(text: str, plain: str, features: Features) -> list[Reason]:
    """`text` as received (it may hold HTML), `plain` its text only."""
    hits = find_keywords(plain)
    return [
        *link_reasons(text, features),
        *keyword_reasons(hits),
        *mixed_script_reasons(plain, hits, features),
        *disguise_reasons(plain),
        *contact_reasons(plain),
    ]
