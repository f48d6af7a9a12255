"""How listening reads a user-given address: feeds, pages, APIs, through the core guard.

Each hop of a fetch is checked before it is sent: the address shape, robots.txt and whether the
host asked us to wait, here; every address its name resolves to, in the core's guarded
transport (majlis.core.outbound), which then connects to those vetted addresses only. Redirects
are followed here, one hop at a time, within one time budget and one size cap.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx

from majlis.core.outbound import (
    ACCEPT_ENCODING,
    Decoder,
    GuardedTransport,
    Overflow,
    UndecodableAnswer,
)
from majlis.listening.fetch.addresses import Resolver, fetch_error
from majlis.listening.fetch.errors import FetchError, Reason
from majlis.listening.fetch.limiter import HostLimiter
from majlis.listening.fetch.response import FetchResponse
from majlis.listening.fetch.robots import ROBOTS_MAX_BYTES, RobotsCache
from majlis.listening.fetch.urls import checked_url, host_of

USER_AGENT = "Majlis/0.1 (+https://majlis.invalid/bot; community listening)"
DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_HOLD = 60.0
_MAX_HOLD = 86_400.0
# Headers that belong to the origin that was asked, never to the one a redirect points at.
_ORIGIN_BOUND = frozenset({"authorization", "cookie"})
_REFUSALS = frozenset({Reason.BLOCKED_ADDRESS, Reason.ROBOTS_DISALLOWED})


@dataclass(frozen=True)
class _Request:
    method: str
    headers: Mapping[str, str]
    body: bytes | None
    etag: str
    last_modified: str
    max_bytes: int
    timeout: float
    raise_for_status: bool


@dataclass(frozen=True)
class _Policy:
    allow_private: bool
    user_agent: str
    resolve: Resolver
    robots: RobotsCache | None
    limiter: HostLimiter | None
    ssl_context: ssl.SSLContext | None
    dial: Callable[[str], str] | None


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    etag: str = "",
    last_modified: str = "",
    max_bytes: int = 10_000_000,
    timeout: float = 15.0,
    accept: str = DEFAULT_ACCEPT,
    user_agent: str = USER_AGENT,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    raise_for_status: bool = True,
    resolve: Resolver = socket.getaddrinfo,
    robots: RobotsCache | None = None,
    limiter: HostLimiter | None = None,
    ssl_context: ssl.SSLContext | None = None,
    dial: Callable[[str], str] | None = None,
) -> FetchResponse:
    """Fetch `url` through the guard; raise FetchError with a reason for anything refused.

    `timeout` bounds the whole fetch, redirects included. `dial` maps a vetted address to the
    one actually dialled: only tests use it, to stand a public address in for loopback.
    """
    sent = {"User-Agent": user_agent, "Accept": accept, "Accept-Encoding": ACCEPT_ENCODING}
    if etag and _header_safe(etag):
        sent["If-None-Match"] = etag
    if last_modified and _header_safe(last_modified):
        sent["If-Modified-Since"] = last_modified
    sent.update(headers or {})
    request = _Request(
        method.upper(), sent, body, etag, last_modified, max_bytes, timeout, raise_for_status
    )
    policy = _Policy(allow_private, user_agent, resolve, robots, limiter, ssl_context, dial)
    return _Fetch(request, policy).run(url)


def _header_safe(value: str) -> bool:
    return value.isascii() and value.isprintable()


class _Fetch:
    def __init__(self, request: _Request, policy: _Policy) -> None:
        self.request = request
        self.policy = policy
        self.deadline = time.monotonic() + request.timeout

    def run(self, raw_url: str) -> FetchResponse:
        url = checked_url(raw_url)
        visited = {str(url)}
        transport = GuardedTransport(
            allow_private=self.policy.allow_private,
            verify=self.policy.ssl_context,
            failure=fetch_error,
            resolve=self.policy.resolve,
            dial=self.policy.dial,
            limits=httpx.Limits(max_connections=4),
        )
        self._client = httpx.Client(transport=transport, trust_env=False, follow_redirects=False)
        with self._client:
            for hop in range(MAX_REDIRECTS + 1):
                outcome = self._after_redirect(url) if hop else self._hop(url)
                if isinstance(outcome, FetchResponse):
                    return outcome
                target = _redirect_target(url, outcome)
                if str(target) in visited:
                    raise FetchError(
                        Reason.REDIRECT_LOOP,
                        f"The address redirects in a loop (back to {target}).",
                    )
                visited.add(str(target))
                self._follow(url, target, outcome)
                url = target
        raise FetchError(
            Reason.TOO_MANY_REDIRECTS,
            f"The address redirected more than {MAX_REDIRECTS} times; Majlis stopped there.",
        )

    def _after_redirect(self, url: httpx.URL) -> FetchResponse | _Redirect:
        try:
            return self._hop(url)
        except FetchError as error:
            if error.reason not in _REFUSALS:
                raise
            raise FetchError(error.reason, f"It redirects to {url}, and {error.message}") from error

    def _follow(self, source: httpx.URL, target: httpx.URL, redirect: _Redirect) -> None:
        headers = dict(self.request.headers)
        if (source.scheme, source.host, source.port) != (target.scheme, target.host, target.port):
            headers = {k: v for k, v in headers.items() if k.lower() not in _ORIGIN_BOUND}
        method, body = self.request.method, self.request.body
        if redirect.status == 303 or (redirect.status in (301, 302) and method == "POST"):
            method, body = "GET", None
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        self.request = replace(self.request, method=method, body=body, headers=headers)

    def _remaining(self, host: str) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(
                Reason.TIMEOUT, f"{host} did not answer within {self.request.timeout:g} seconds."
            )
        return remaining

    def _hop(self, url: httpx.URL) -> FetchResponse | _Redirect:
        host = host_of(url)
        if self.policy.limiter:
            self.policy.limiter.check(host)
        self._check_robots(url, host)
        slot: AbstractContextManager[None] = (
            self.policy.limiter.slot(host, self._remaining(host))
            if self.policy.limiter
            else nullcontext()
        )
        with slot:
            try:
                return self._send(url, host)
            except httpx.TimeoutException as exc:
                raise FetchError(
                    Reason.TIMEOUT,
                    f"{host} did not answer within {self.request.timeout:g} seconds.",
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(
                    Reason.CONNECTION_FAILED, f"Could not read from {host}: {_describe(exc)}."
                ) from exc

    def _check_robots(self, url: httpx.URL, host: str) -> None:
        robots = self.policy.robots
        if robots is None or self.request.method != "GET":
            return
        if not robots.allowed(str(url), user_agent=self.policy.user_agent, read=self._read_robots):
            raise FetchError(
                Reason.ROBOTS_DISALLOWED,
                f"The robots.txt of {host} asks robots not to read {url.path}.",
            )

    def _read_robots(self, robots_url: str) -> FetchResponse:
        p = self.policy
        return fetch(
            robots_url,
            allow_private=p.allow_private,
            max_bytes=ROBOTS_MAX_BYTES,
            timeout=self._remaining(robots_url),
            accept="text/plain",
            user_agent=p.user_agent,
            raise_for_status=False,
            resolve=p.resolve,
            limiter=p.limiter,
            ssl_context=p.ssl_context,
            dial=p.dial,
        )

    def _send(self, url: httpx.URL, host: str) -> FetchResponse | _Redirect:
        request = self._client.build_request(
            self.request.method,
            url,
            headers=dict(self.request.headers),
            content=self.request.body,
            timeout=httpx.Timeout(self._remaining(host)),
        )
        response = self._client.send(request, stream=True)
        try:
            return self._answer(response, url, host)
        finally:
            response.close()

    def _answer(
        self, response: httpx.Response, url: httpx.URL, host: str
    ) -> FetchResponse | _Redirect:
        status, headers = response.status_code, _plain_headers(response.headers)
        if status in _REDIRECTS and headers.get("location"):
            return _Redirect(status, headers["location"])
        if status == 304:
            return FetchResponse(
                str(url),
                status,
                headers,
                not_modified=True,
                etag=headers.get("etag", self.request.etag),
                last_modified=headers.get("last-modified", self.request.last_modified),
            )
        self._note_rate_limits(host, status, headers)
        if status >= 400 and self.request.raise_for_status:
            raise FetchError(
                Reason.HTTP_ERROR, f"{host} answered {status} {_phrase(status)}.", status=status
            )
        if status in _REDIRECTS:
            raise FetchError(
                Reason.BAD_RESPONSE, f"{host} answered a redirect ({status}) without a Location."
            )
        return FetchResponse(
            str(url),
            status,
            headers,
            self._read(response, headers, host),
            etag=headers.get("etag", ""),
            last_modified=headers.get("last-modified", ""),
        )

    def _note_rate_limits(self, host: str, status: int, headers: Mapping[str, str]) -> None:
        limiter = self.policy.limiter
        retry_after = _seconds_until(headers.get("retry-after", ""))
        reset = _reset_in(headers)
        if status == 429 or (status == 503 and retry_after is not None):
            wait = retry_after or reset or _DEFAULT_HOLD
            if limiter:
                limiter.hold(host, wait)
            raise FetchError(
                Reason.RATE_LIMITED,
                f"{host} asked Majlis to slow down ({status}); "
                f"it will be asked again in {wait:.0f} seconds.",
                status=status,
                retry_after=wait,
            )
        remaining = headers.get("x-ratelimit-remaining") or headers.get("ratelimit-remaining")
        if limiter and remaining == "0" and reset:
            limiter.hold(host, reset)

    def _read(self, response: httpx.Response, headers: Mapping[str, str], host: str) -> bytes:
        limit = self.request.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(host, limit)
        chunks: list[bytes] = []
        total = 0
        try:
            decoder = Decoder(headers.get("content-encoding", ""), host)
            for raw in response.iter_raw():
                data = decoder.feed(raw, limit - total)
                total += len(data)
                chunks.append(data)
                self._remaining(host)
        except Overflow as exc:
            raise _too_large(host, limit) from exc
        except UndecodableAnswer as exc:
            raise FetchError(Reason.BAD_RESPONSE, exc.message) from exc
        return b"".join(chunks)


@dataclass(frozen=True)
class _Redirect:
    status: int
    location: str


def _redirect_target(source: httpx.URL, redirect: _Redirect) -> httpx.URL:
    try:
        return checked_url(str(source.join(redirect.location)))
    except (FetchError, httpx.InvalidURL) as exc:
        message = exc.message if isinstance(exc, FetchError) else str(exc)
        reason = exc.reason if isinstance(exc, FetchError) else Reason.BAD_URL
        raise FetchError(
            reason, f"The address redirects somewhere Majlis refuses: {message}"
        ) from exc


def _too_large(host: str, limit: int) -> FetchError:
    return FetchError(
        Reason.TOO_LARGE, f"{host} sent more than {limit:,} bytes; Majlis stops reading there."
    )


def _plain_headers(headers: httpx.Headers) -> dict[str, str]:
    plain: dict[str, str] = {}
    for name, value in headers.multi_items():
        key = name.lower()
        plain[key] = f"{plain[key]}, {value}" if key in plain else value
    return plain


def _phrase(status: int) -> str:
    try:
        return f"({HTTPStatus(status).phrase})"
    except ValueError:
        return ""


def _describe(exc: httpx.HTTPError) -> str:
    cause = exc.__context__
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"its TLS certificate could not be verified ({cause.verify_message})"
        cause = cause.__context__
    return str(exc) or type(exc).__name__


def _seconds_until(value: str) -> float | None:
    """Retry-After: delay-seconds or an HTTP date (RFC 9110, 10.2.3)."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return min(float(value), _MAX_HOLD)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(when.timestamp() - time.time(), 1.0), _MAX_HOLD)


def _reset_in(headers: Mapping[str, str]) -> float | None:
    """Seconds until a rate-limit window resets: Bluesky sends epoch seconds, the IETF draft a
    delay, Mastodon an ISO 8601 time in X-RateLimit-Reset."""
    value = (headers.get("ratelimit-reset") or headers.get("x-ratelimit-reset") or "").strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        number = float(value)
        seconds = number - time.time() if number > 1_000_000_000 else number
    else:
        try:
            seconds = datetime.fromisoformat(value).timestamp() - time.time()
        except ValueError:
            return None
    return min(max(seconds, 1.0), _MAX_HOLD)
