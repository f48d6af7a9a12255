"""The spam engine's reasons, in the reader's language. The codes and English sentences come from
majlis.text.spam.reasons; they are repeated here so the catalogue can translate them."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from majlis.text.spam.reasons import MESSAGES

SENTENCES: dict[str, Promise] = {
    "administrator": _("Comments by administrators are never marked as spam."),
    "test_spam": _("The comment uses one of Akismet's test values for spam."),
    "honeypot": _("A form field hidden from people was filled in: a robot sent this comment."),
    "content_spam": _("The text reads like spam."),
    "content_normal": _("The text reads like a normal comment."),
    "content_unfamiliar": _(
        "The text model does not know this language; it counts as a typical comment."
    ),
    "site_learned_spam": _("This site has marked similar comments as spam."),
    "site_learned_ham": _("This site has marked similar comments as not spam."),
    "links": _("The comment carries links."),
    "shortened_link": _("A link hides its destination behind a URL shortener."),
    "suspicious_tld": _("A link points to a domain ending often used for spam."),
    "ip_link": _("A link points to a bare IP address."),
    "spammy_link_host": _(
        "A link's domain name advertises gambling, pills, loans or adult content."
    ),
    "encoded_arabic_link": _(
        "A link carries percent-encoded Arabic, typical of injected SEO pages."
    ),
    "bbcode_link": _("The comment carries forum-style [url] links, typical of spam robots."),
    "kw_gambling": _("The comment advertises casinos or betting."),
    "kw_pharma": _("The comment advertises medicines or pills."),
    "kw_money": _("The comment promises easy money, trading or crypto gains."),
    "kw_adult": _("The comment advertises adult content or dating."),
    "kw_seo": _("The comment sells followers, backlinks or web traffic."),
    "kw_promo": _("The comment asks readers to visit or subscribe to something else."),
    "mixed_script_spam": _(
        "Arabic text mixed with Latin spam terms, typical of injected casino spam."
    ),
    "disguised_letters": _("Letters are disguised (styled, look-alike or hidden characters)."),
    "contact_offsite": _("The comment asks readers to reach a phone number on a messaging app."),
    "author_is_link": _("The author's name is a link or a domain name."),
    "author_name_spam": _("The author's name advertises something."),
    "author_url_suspicious": _(
        "The author's website is on a shortener, a bare IP or a spam domain."
    ),
    "disposable_email": _("The author's e-mail address is a disposable one."),
    "invalid_email": _("The author's e-mail address is not a valid address."),
    "no_user_agent": _("The comment was sent without a browser identification."),
    "scripted_client": _("The comment was sent by a script, not a browser."),
    "language_mismatch": _("The comment is not in a language this site uses."),
    "foreign_script": _("The comment is in a writing system this site does not use."),
    "ip_velocity": _("Many comments came from this IP address in the last hour."),
    "author_velocity": _("This author sent many comments in the last hour."),
    "cross_site_duplicate": _("The same text was sent to other sites."),
    "known_author": _("This site has approved comments by this author before."),
}


def sentence(code: str) -> str:
    """The reason in the active language; a code this list does not know yet keeps its English."""
    found = SENTENCES.get(code)
    return str(found) if found is not None else MESSAGES.get(code, code)


def lines(reasons: Any) -> list[dict[str, Any]]:
    """Stored reasons ([[code, weight], ...]) as lines to show, strongest evidence first."""
    out = []
    for entry in reasons or []:
        if not isinstance(entry, list | tuple) or len(entry) != 2:
            continue
        code, weight = str(entry[0]), float(entry[1])
        out.append({"code": code, "text": sentence(code), "weight": weight, "spam": weight > 0})
    return out
