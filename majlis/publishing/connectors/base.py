"""The one small interface every connector implements, and the plain values it works with.

A connector knows one network's API and nothing of Majlis's models: it receives an `Outgoing`
post and an `Account` (its address, its decrypted credentials and a way to save refreshed
ones), and answers with a `PublishedRef`. Errors come in two kinds: `TransientError` (try
again later: rate limits, 5xx, time-outs) and `PermanentError`, whose text is the network's
own message, shown to the team as the network wrote it.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, NoReturn

import httpx
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise


class TransientError(Exception):
    """Worth another try later; `retry_after` is the network's hint, in seconds."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(Exception):
    """The network refused for good. The message is the network's own."""


@dataclass(frozen=True)
class MediaFile:
    content_type: str
    alt: str
    url: str  # a public address, for networks that fetch the file themselves
    read: Callable[[], bytes]
    name: str = "image"


@dataclass(frozen=True)
class Outgoing:
    """What to publish: one part, or several for a thread; media go with the first part."""

    parts: tuple[str, ...]
    media: tuple[MediaFile, ...] = ()
    lang: str = ""
    # A moment that stays the same across retries (the time the post was scheduled for).
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


SaveCredentials = Callable[[dict[str, Any], datetime | None], None]


@dataclass
class Account:
    base_url: str
    credentials: dict[str, Any]
    handle: str = ""
    remote_id: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)
    save_credentials: SaveCredentials = lambda values, expires_at: None

    def update_credentials(self, values: dict[str, Any], expires_at: datetime | None) -> None:
        self.credentials = {**self.credentials, **values}
        self.save_credentials(self.credentials, expires_at)


@dataclass(frozen=True)
class PublishedRef:
    url: str
    remote_id: str


@dataclass(frozen=True)
class ReadBack:
    url: str = ""
    likes: int = 0
    shares: int = 0
    replies: int = 0


@dataclass(frozen=True)
class Health:
    """What connecting or checking an account learnt about it."""

    handle: str = ""
    remote_id: str = ""
    limit: int | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True)
class CredentialField:
    name: str
    label: StrOrPromise
    secret: bool = False
    required: bool = True
    initial: str = ""
    help_text: StrOrPromise = ""


class Connector:
    """Subclasses set the class attributes and implement `connect` and `publish`."""

    network: ClassVar[str]
    default_base_url: ClassVar[str] = ""
    # True when the network itself refuses a second post with the same idempotency key.
    idempotent: ClassVar[bool] = False
    can_refresh: ClassVar[bool] = False
    threads: ClassVar[bool] = False  # can publish a reply chain
    fields: ClassVar[tuple[CredentialField, ...]] = ()

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def connect(self, account: Account) -> Health:
        raise NotImplementedError

    def check(self, account: Account) -> Health:
        return self.connect(account)

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        raise NotImplementedError

    def read_back(self, account: Account, remote_id: str) -> ReadBack | None:
        """The post as the network shows it now: its address and engagement counts."""
        return None

    def refresh_token(self, account: Account) -> datetime | None:
        raise PermanentError(gettext("This network does not let Majlis renew its token."))

    def find_existing(self, post: Outgoing, account: Account) -> PublishedRef | None:
        """For networks without idempotency keys: the post, if an earlier attempt made it."""
        return None

    # Transport helpers shared by the connectors.

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.http.request(method, url, **kwargs)
        except httpx.TimeoutException as exc:
            message = gettext("No answer in time from %(host)s.") % {"host": _host(url)}
            raise TransientError(message) from exc
        except httpx.TransportError as exc:
            message = gettext("Cannot reach %(host)s: %(error)s") % {
                "host": _host(url),
                "error": exc,
            }
            raise TransientError(message) from exc

    def request_refreshing(
        self, account: Account, send: Callable[[], httpx.Response]
    ) -> httpx.Response:
        """``send()``, and once more after renewing the token when the answer is 401 and the
        account has a refresh token; the caller judges the last answer. ``send`` reads the
        token from the account each time, so the second try carries the new one."""
        response = send()
        if response.status_code == 401 and account.credentials.get("refresh_token"):
            self.refresh_token(account)
            response = send()
        return response


def _host(url: str) -> str:
    return httpx.URL(url).host


def fail(response: httpx.Response, message: str, reset_header: str = "") -> NoReturn:
    raise error_for(response, message, reset_header)


def error_for(response: httpx.Response, message: str, reset_header: str = "") -> Exception:
    """The error a failed response means: transient (429, 408, 5xx) or permanent."""
    status = response.status_code
    text = message or f"HTTP {status}"
    if status in (408, 429) or status >= 500:
        return TransientError(text, retry_after=retry_after(response, reset_header))
    return PermanentError(text)


def retry_after(response: httpx.Response, reset_header: str = "") -> float | None:
    """Seconds to wait, from Retry-After or a rate-limit reset header (epoch or ISO 8601)."""
    now = datetime.now(UTC)
    value = response.headers.get("retry-after", "")
    if value.isdigit():
        return float(value)
    if value:
        parsed: datetime = email.utils.parsedate_to_datetime(value)
        return max(0.0, float((parsed - now).total_seconds()))
    reset = response.headers.get(reset_header, "") if reset_header else ""
    if reset.isdigit():
        return max(0.0, int(reset) - now.timestamp())
    if reset:
        try:
            return max(
                0.0, (datetime.fromisoformat(reset.replace("Z", "+00:00")) - now).total_seconds()
            )
        except ValueError:
            return None
    return None


def json_of(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"data": value}


def store_refreshed_token(
    account: Account, response: httpx.Response, credentials: Mapping[str, Any], lifetime: int
) -> datetime:
    """Keep what an OAuth 2 refresh-token answer gives (RFC 6749 section 5.1); a network that
    leaves out `expires_in` gets `lifetime` seconds, and the old refresh token stays if no new
    one comes."""
    body = json_of(response)
    if not response.is_success:
        fail(response, str(body.get("error_description") or body.get("error") or ""))
    expires_at = datetime.now(UTC) + timedelta(seconds=int(body.get("expires_in") or lifetime))
    account.update_credentials(
        {
            "access_token": body["access_token"],
            "refresh_token": body.get("refresh_token") or credentials["refresh_token"],
            "expires_at": expires_at.isoformat(),
        },
        expires_at,
    )
    return expires_at
