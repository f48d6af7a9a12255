"""The addresses the sources page accepts for each kind: the schemes its connector reads, and
the connector's own parser, so a bad address is refused at the form rather than at fetch time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from majlis.listening.connectors.bluesky.targets import parse_target as bluesky_target
from majlis.listening.connectors.imap.mailbox import parse_mailbox
from majlis.listening.connectors.mastodon.targets import parse_target as mastodon_target
from majlis.listening.fetch import FetchError
from majlis.listening.models import SourceKind


@dataclass(frozen=True)
class KindRules:
    """What the page accepts for one kind of source: address schemes (the first is assumed
    when none is typed), the connector's own address parser, and what to say when it refuses."""

    schemes: tuple[str, ...]
    wrong_scheme: StrOrPromise
    parse: Callable[[str], object] | None = None  # raises FetchError
    wrong_address: StrOrPromise = ""


WEB_SCHEMES = ("https", "http")
WEB_ONLY = _("Give an address that starts with http:// or https://.")

KIND_RULES: dict[str, KindRules] = {
    SourceKind.FEED: KindRules(WEB_SCHEMES, WEB_ONLY),
    SourceKind.WEB: KindRules(WEB_SCHEMES, WEB_ONLY),
    SourceKind.MASTODON: KindRules(
        WEB_SCHEMES,
        WEB_ONLY,
        mastodon_target,
        _(
            "This is not a Mastodon hashtag or account address: give "
            "https://instance/tags/name or https://instance/@user."
        ),
    ),
    SourceKind.BLUESKY: KindRules(
        WEB_SCHEMES,
        WEB_ONLY,
        bluesky_target,
        _(
            "This is not a Bluesky search, hashtag or profile address: give "
            "https://bsky.app/search?q=…, https://bsky.app/hashtag/name or "
            "https://bsky.app/profile/handle."
        ),
    ),
    SourceKind.IMAP: KindRules(
        ("imaps", "imap"),
        _("Give a mailbox address that starts with imaps:// (or imap:// for STARTTLS)."),
        parse_mailbox,
        _("This is not a mailbox address: give imaps://host/INBOX."),
    ),
}


def checked_address(kind: str, raw: str) -> str:
    """The address as it will be stored, or a ValidationError saying what is wrong with it."""
    rules = KIND_RULES[kind]
    url = raw.strip()
    if not urlsplit(url).scheme:
        url = f"{rules.schemes[0]}://{url}"
    parts = urlsplit(url)
    if parts.scheme.lower() not in rules.schemes:
        raise forms.ValidationError(rules.wrong_scheme)
    URLValidator(schemes=list(rules.schemes))(url)
    if "@" in parts.netloc:
        raise forms.ValidationError(
            _("Put the login and password in their own fields, never in the address.")
        )
    if rules.parse is not None:
        try:
            rules.parse(url)
        except FetchError:
            raise forms.ValidationError(rules.wrong_address) from None
    return url


def needs_account(kind: str, url: str) -> bool:
    """Whether a source cannot be read without a login: a mailbox always; on Bluesky, a search
    (author feeds are public, search is for signed-in accounts)."""
    if kind == SourceKind.IMAP:
        return True
    if kind != SourceKind.BLUESKY:
        return False
    try:
        return bluesky_target(url).kind == "search"
    except FetchError:
        return False
