"""The httpx transport every user-given address goes through, and a client built on it.

Each request, redirects included, is checked on its way out: http or https, a web port, and
every address the host resolves to, asked once. The connection then goes to those vetted
addresses only, while the name stays in the URL, so the Host header, TLS SNI and the
certificate check all use the name: a DNS answer that changes between the check and the
connection changes nothing. Answers can be capped in size (after decompression) and in time.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache

import httpcore
import httpx

from majlis.core.outbound.addresses import Resolver, check_target, vet
from majlis.core.outbound.decoding import ACCEPT_ENCODING, Decoder, Overflow
from majlis.core.outbound.errors import OutboundError, TooLarge

# Turns a refusal into the caller's own error (its type, its words); None raises it as is.
Failure = Callable[[OutboundError], Exception]
# Maps a vetted address to the one dialled: only tests use it, to stand loopback in for a
# public address.
Dial = Callable[[str], str]
_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=5)


@cache
def default_ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle costs milliseconds: do it once per process, not once per request.
    return httpx.create_ssl_context()


class _PinnedBackend(httpcore.SyncBackend):
    """Connects a host only to the addresses vetted for it."""

    def __init__(self, dial: Dial | None) -> None:
        self.pins: dict[tuple[str, int], list[str]] = {}
        self._dial = dial

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.pins.get((host, port))
        if not addresses:
            raise httpcore.ConnectError(f"{host} was not checked before connecting")
        error = httpcore.ConnectError(f"no address of {host} answered")
        for address in addresses:
            target = self._dial(address) if self._dial else address
            try:
                return super().connect_tcp(target, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error


class GuardedTransport(httpx.HTTPTransport):
    """An HTTPTransport that vets and pins every request it sends.

    `max_bytes` caps each answer once decoded (and makes the transport do the decoding);
    `max_read_seconds` bounds the time its body may take to arrive, however slowly it drips.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        verify: ssl.SSLContext | None = None,
        max_bytes: int | None = None,
        max_read_seconds: float | None = None,
        failure: Failure | None = None,
        resolve: Resolver = socket.getaddrinfo,
        dial: Dial | None = None,
        limits: httpx.Limits = _LIMITS,
    ) -> None:
        context = verify or default_ssl_context()
        super().__init__(verify=context, trust_env=False)
        self._backend = _PinnedBackend(dial)
        # httpx offers no way to hand its pool a network backend: build the pool ourselves.
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self._backend,
        )
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.max_read_seconds = max_read_seconds
        self._failure = failure
        self._resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            self._pin(request.url)
        except OutboundError as error:
            raise self.failure(error) from error
        if self.max_bytes is not None:
            request.headers["Accept-Encoding"] = ACCEPT_ENCODING
        response = super().handle_request(request)
        if self.max_bytes is None and self.max_read_seconds is None:
            return response
        try:
            return self._limited(response, request)
        except OutboundError as error:
            response.close()
            raise self.failure(error) from error

    def failure(self, error: OutboundError) -> Exception:
        return self._failure(error) if self._failure else error

    def _pin(self, url: httpx.URL) -> None:
        host = url.raw_host.decode("ascii")  # as the connection pool names it: IDNA, no brackets
        port = url.port or (443 if url.scheme == "https" else 80)
        check_target(url.scheme, url.host, port)
        self._backend.pins[(host, port)] = vet(
            host, port, allow_private=self.allow_private, resolve=self._resolve
        )

    def _limited(self, response: httpx.Response, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        headers = httpx.Headers(response.headers)
        decoder = None
        if self.max_bytes is not None:
            decoder = Decoder(headers.get("content-encoding", ""), host)
            if decoder.identity and _declared_length(response, request) > self.max_bytes:
                raise TooLarge(host, self.max_bytes)
            if not decoder.identity:
                # The body handed on is the decoded one: httpx must not decode it again.
                del headers["content-encoding"]
                headers.pop("content-length", None)
        deadline = time.monotonic() + self.max_read_seconds if self.max_read_seconds else None
        assert isinstance(response.stream, httpx.SyncByteStream)
        stream = _LimitedStream(response.stream, self, host, decoder, deadline)
        return httpx.Response(
            response.status_code, headers=headers, stream=stream, extensions=response.extensions
        )


def _declared_length(response: httpx.Response, request: httpx.Request) -> int:
    declared = response.headers.get("content-length", "")
    # A HEAD or a 304 declares the length of a body it does not send.
    if request.method == "HEAD" or response.status_code in (204, 304) or not declared.isdigit():
        return 0
    return int(declared)


class _LimitedStream(httpx.SyncByteStream):
    def __init__(
        self,
        raw: httpx.SyncByteStream,
        transport: GuardedTransport,
        host: str,
        decoder: Decoder | None,
        deadline: float | None,
    ) -> None:
        self._raw = raw
        self._transport = transport
        self._host = host
        self._decoder = decoder
        self._deadline = deadline

    def __iter__(self) -> Iterator[bytes]:
        limit = self._transport.max_bytes or 0
        total = 0
        for chunk in self._raw:
            if self._deadline is not None and time.monotonic() > self._deadline:
                seconds = self._transport.max_read_seconds
                raise httpx.ReadTimeout(f"{self._host} took more than {seconds:g} seconds")
            if self._decoder is None:
                yield chunk
                continue
            try:
                data = self._decoder.feed(chunk, limit - total)
            except Overflow as exc:
                raise self._transport.failure(TooLarge(self._host, limit)) from exc
            except OutboundError as error:
                raise self._transport.failure(error) from error
            total += len(data)
            yield data

    def close(self) -> None:
        self._raw.close()


def client(
    *,
    allow_private: bool | None = None,
    timeout: float | httpx.Timeout = 15.0,
    max_bytes: int = 10_000_000,
    follow_redirects: bool = False,
    max_redirects: int = 5,
    headers: Mapping[str, str] | None = None,
    verify: ssl.SSLContext | None = None,
    failure: Failure | None = None,
    resolve: Resolver = socket.getaddrinfo,
    dial: Dial | None = None,
) -> httpx.Client:
    """An httpx client for user-given addresses: every hop vetted and pinned, answers capped.

    `allow_private` defaults to the operator's MAJLIS_ALLOW_PRIVATE_URLS. Proxies from the
    environment are ignored: a proxy would resolve the name itself, after the check.
    """
    if allow_private is None:
        # Imported here: the listening fetcher and its connectors use this module without Django.
        from django.conf import settings

        allow_private = bool(settings.ALLOW_PRIVATE_URLS)
    limits = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    transport = GuardedTransport(
        allow_private=allow_private,
        verify=verify,
        max_bytes=max_bytes,
        max_read_seconds=limits.read,
        failure=failure,
        resolve=resolve,
        dial=dial,
    )
    return httpx.Client(
        transport=transport,
        timeout=limits,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        headers=headers,
        trust_env=False,
    )
