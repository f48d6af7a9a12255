"""An IMAP mailbox address, and a connection pinned to the address the guard checked."""

from __future__ import annotations

import imaplib
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from majlis.listening.fetch import FetchError, Reason


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    implicit_tls: bool  # imaps:// (993); imap:// means STARTTLS, which is then required
    name: str
    username: str


def parse_mailbox(url: str) -> Mailbox:
    """imaps://[user@]host[:993]/MAILBOX or imap://[user@]host[:143]/MAILBOX (INBOX if none)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("imap", "imaps") or not parts.hostname:
        raise FetchError(
            Reason.BAD_URL,
            f"{url} is not a mailbox address (imaps://host/INBOX, or imap://host/INBOX for "
            "STARTTLS).",
        )
    if parts.password:
        raise FetchError(
            Reason.BAD_URL,
            "A mailbox address must not contain the password; Majlis keeps it apart.",
        )
    implicit = parts.scheme == "imaps"
    try:
        port = parts.port or (993 if implicit else 143)
    except ValueError as exc:
        raise FetchError(Reason.BAD_URL, f"{url} has an invalid port.") from exc
    name = unquote(parts.path.strip("/")) or "INBOX"
    return Mailbox(parts.hostname, port, implicit, name, unquote(parts.username or ""))


def _connect(addresses: list[str], port: int, timeout: float) -> socket.socket:
    error: OSError = OSError("no address answered")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error


class PinnedIMAP4(imaplib.IMAP4):
    """imaplib, connecting to vetted addresses only (the host name stays for TLS)."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        self._addresses = addresses
        super().__init__(host, port, timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        return _connect(self._addresses, self.port, timeout or 30.0)


class PinnedIMAP4_SSL(imaplib.IMAP4_SSL):
    def __init__(
        self,
        host: str,
        port: int,
        addresses: list[str],
        ssl_context: ssl.SSLContext,
        timeout: float,
    ) -> None:
        self._addresses = addresses
        super().__init__(host, port, ssl_context=ssl_context, timeout=timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = _connect(self._addresses, self.port, timeout or 30.0)
        context: ssl.SSLContext = self.ssl_context
        return context.wrap_socket(sock, server_hostname=self.host)
