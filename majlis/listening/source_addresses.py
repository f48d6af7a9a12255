"""The addresses the sources page accepts for each kind: the schemes its connector reads, and
the connector's own parser, so a bad address is refused at the form rather than at fetch time.
Also the hosting provider a Bluesky account signs in at."""

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
from majlis.listening.fetch import FetchError, checked_url, is_public_address
from majlis.listening.fetch.addresses import ip_literal
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
NO_CREDENTIALS = _("Put the login and password in their own fields, never in the address.")
PROVIDER_MAX_LENGTH = 300  # a host name is 253 characters at most
HTTPS_ONLY = _("The hosting provider's address must start with https://.")

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
        raise forms.ValidationError(NO_CREDENTIALS)
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


def _loopback(host: str) -> bool:
    ip = ip_literal(host)
    return host == "localhost" or host.endswith(".localhost") or bool(ip and ip.is_loopback)


def _private(host: str) -> bool:
    """Private on the face of it; a name that resolves to a private address is refused by the
    guard when the account signs in (resolving names here would make the form wait on DNS)."""
    ip = ip_literal(host)
    return _loopback(host) or (ip is not None and not is_public_address(ip))


def checked_provider(raw: str, *, allow_private: bool) -> str:
    """A Bluesky hosting provider as it will be stored (https://host[:port]), "" for none, or
    a ValidationError saying what is wrong with it."""
    url = raw.strip()
    if not url:
        return ""
    if not urlsplit(url).scheme:
        url = f"https://{url}"
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise forms.ValidationError(HTTPS_ONLY)
    if "@" in parts.netloc:
        raise forms.ValidationError(NO_CREDENTIALS)
    try:
        URLValidator(schemes=list(WEB_SCHEMES))(url)
        checked_url(url)  # the guard's own rules: ports it never connects to, and the like
    except (forms.ValidationError, FetchError):
        raise forms.ValidationError(
            _("This is not a server address: give one such as https://pds.example.com.")
        ) from None
    if parts.path not in ("", "/") or "?" in url or "#" in url:
        raise forms.ValidationError(
            _(
                "Give only the server's address, such as https://pds.example.com, with nothing "
                "after the host name."
            )
        )
    host = (parts.hostname or "").lower()
    if _private(host) and not allow_private:
        raise forms.ValidationError(
            _(
                "This address is on a private network: Majlis signs in only at public servers, "
                "unless the operator allows private addresses."
            )
        )
    if parts.scheme.lower() == "http" and not (allow_private and _loopback(host)):
        raise forms.ValidationError(HTTPS_ONLY)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
