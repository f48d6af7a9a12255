"""Rules on who sent the comment and how: Akismet's test values, name, e-mail, website, client."""

from __future__ import annotations

import regex

from majlis.text.spam import weights as W
from majlis.text.spam.inputs import SpamInput
from majlis.text.spam.keywords import find_keywords
from majlis.text.spam.reasons import Reason, reason
from majlis.text.spam.urls import Link, host_of, looks_like_url

# Documented by Akismet for clients' tests: these must always come back as spam.
TEST_SPAM_AUTHOR = "viagra-test-123"
TEST_SPAM_EMAIL = "akismet-guaranteed-spam@example.com"

DISPOSABLE_EMAIL_DOMAINS = frozenset(
    {
        "mailinator.com", "guerrillamail.com", "guerrillamail.net", "sharklasers.com",
        "10minutemail.com", "10minutemail.net", "yopmail.com", "yopmail.fr", "yopmail.net",
        "trashmail.com", "trashmail.de", "tempmail.com", "temp-mail.org", "tempmail.net",
        "throwawaymail.com", "getnada.com", "maildrop.cc", "dispostable.com", "mintemail.com",
        "fakeinbox.com", "mailnesia.com", "mohmal.com", "emailondeck.com", "spamgourmet.com",
        "mytemp.email", "tempr.email", "discard.email", "burnermail.io", "moakt.com",
        "tmpmail.org", "tmpmail.net", "1secmail.com", "1secmail.org", "emailfake.com",
        "jetable.org", "spambox.us", "mail.tm", "inboxkitten.com", "grr.la",
    }
)  # fmt: skip

_EMAIL = regex.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_SCRIPTED_AGENT = regex.compile(
    r"curl/|wget/|python-requests|python-urllib|python/|aiohttp|httpx|go-http-client|"
    r"libwww-perl|java/|okhttp|scrapy|headlesschrome|phantomjs|node-fetch|axios/|guzzlehttp",
    regex.IGNORECASE,
)
# Servers send pingbacks and trackbacks with their own agent, or none.
_SERVER_TYPES = frozenset({"pingback", "trackback"})


def is_test_spam(data: SpamInput) -> bool:
    return (
        data.author.strip().lower() == TEST_SPAM_AUTHOR
        or TEST_SPAM_AUTHOR in data.content.lower()
        or data.author_email.strip().lower() == TEST_SPAM_EMAIL
    )


def name_reasons(author: str) -> list[Reason]:
    if looks_like_url(author):
        return [reason("author_is_link", W.AUTHOR_IS_LINK)]
    if any(hit.category != "promo" for hit in find_keywords(author)):
        return [reason("author_name_spam", W.AUTHOR_NAME_SPAM)]
    return []


def website_reasons(author_url: str) -> list[Reason]:
    if not author_url.strip():
        return []
    link = Link(author_url.strip(), host_of(author_url.strip()))
    suspicious = (
        link.is_shortener or link.has_suspicious_tld or link.is_ip_address or link.is_spammy_host
    )
    return [reason("author_url_suspicious", W.AUTHOR_URL_SUSPICIOUS)] if suspicious else []


def email_reasons(email: str) -> list[Reason]:
    email = email.strip().lower()
    if not email:
        return []
    if not _EMAIL.match(email):
        return [reason("invalid_email", W.INVALID_EMAIL)]
    if email.rsplit("@", 1)[1] in DISPOSABLE_EMAIL_DOMAINS:
        return [reason("disposable_email", W.DISPOSABLE_EMAIL)]
    return []


def client_reasons(user_agent: str, comment_type: str) -> list[Reason]:
    if comment_type.strip().lower() in _SERVER_TYPES:
        return []
    if not user_agent.strip():
        return [reason("no_user_agent", W.NO_USER_AGENT)]
    if _SCRIPTED_AGENT.search(user_agent):
        return [reason("scripted_client", W.SCRIPTED_CLIENT)]
    return []


def author_reasons(data: SpamInput) -> list[Reason]:
    return [
        *name_reasons(data.author),
        *website_reasons(data.author_url),
        *email_reasons(data.author_email),
        *client_reasons(data.user_agent, data.comment_type),
    ]
