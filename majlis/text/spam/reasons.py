"""Why a comment was judged as it was: one code per signal, one fixed English sentence per code.

The sentences are plain constants so the Django layer can translate them by code (`gettext_noop`
catalogue, or its own mapping); the code is what the API and the audit log store.
"""

from __future__ import annotations

from typing import NamedTuple


class Reason(NamedTuple):
    code: str
    message: str
    weight: float  # added to the log-odds of spam; negative weights speak for the comment


MESSAGES: dict[str, str] = {
    "administrator": "Comments by administrators are never marked as spam.",
    "test_spam": "The comment uses one of Akismet's test values for spam.",
    "honeypot": "A form field hidden from people was filled in: a robot sent this comment.",
    "content_spam": "The text reads like spam.",
    "content_normal": "The text reads like a normal comment.",
    "content_unfamiliar": (
        "The text model does not know this language; it counts as a typical comment."
    ),
    "site_learned_spam": "This site has marked similar comments as spam.",
    "site_learned_ham": "This site has marked similar comments as not spam.",
    "links": "The comment carries links.",
    "shortened_link": "A link hides its destination behind a URL shortener.",
    "suspicious_tld": "A link points to a domain ending often used for spam.",
    "ip_link": "A link points to a bare IP address.",
    "spammy_link_host": "A link's domain name advertises gambling, pills, loans or adult content.",
    "encoded_arabic_link": "A link carries percent-encoded Arabic, typical of injected SEO pages.",
    "bbcode_link": "The comment carries forum-style [url] links, typical of spam robots.",
    "kw_gambling": "The comment advertises casinos or betting.",
    "kw_pharma": "The comment advertises medicines or pills.",
    "kw_money": "The comment promises easy money, trading or crypto gains.",
    "kw_adult": "The comment advertises adult content or dating.",
    "kw_seo": "The comment sells followers, backlinks or web traffic.",
    "kw_promo": "The comment asks readers to visit or subscribe to something else.",
    "mixed_script_spam": (
        "Arabic text mixed with Latin spam terms, typical of injected casino spam."
    ),
    "disguised_letters": "Letters are disguised (styled, look-alike or hidden characters).",
    "disguised_link": "A web address is spelled out so that link filters miss it.",
    "contact_offsite": "The comment asks readers to reach a phone number on a messaging app.",
    "author_is_link": "The author's name is a link or a domain name.",
    "author_name_spam": "The author's name advertises something.",
    "author_url_suspicious": "The author's website is on a shortener, a bare IP or a spam domain.",
    "disposable_email": "The author's e-mail address is a disposable one.",
    "invalid_email": "The author's e-mail address is not a valid address.",
    "no_user_agent": "The comment was sent without a browser identification.",
    "scripted_client": "The comment was sent by a script, not a browser.",
    "language_mismatch": "The comment is not in a language this site uses.",
    "foreign_script": "The comment is in a writing system this site does not use.",
    "ip_velocity": "Many comments came from this IP address in the last hour.",
    "author_velocity": "This author sent many comments in the last hour.",
    "cross_site_duplicate": "The same text was sent to other sites.",
    "known_author": "This site has approved comments by this author before.",
}


def reason(code: str, weight: float) -> Reason:
    return Reason(code, MESSAGES[code], round(weight, 3))
