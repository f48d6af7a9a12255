"""Loopback servers for the listening tests: real sockets on 127.0.0.1, never a mock.

- `serve()` starts a threaded HTTP server that answers fixture files and scripted replies
  (status, headers, delays, slow or endless bodies) and records every request it receives.
- `PublicNetwork` is a pretend internet: public-looking names and addresses that the guarded
  client vets as public, dialled on loopback.
- `ImapServer` speaks the few IMAP4rev1 commands the mail connector uses.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shlex
import socket
import socketserver
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

FEEDS = Path(__file__).parent / "feeds"


def fixture(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


@dataclass
class Reply:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to sleep before answering
    drip: float = 0.0  # send the body a byte at a time, this many seconds apart
    endless: bool = False  # send zeros until the client hangs up

    @classmethod
    def file(cls, name: str, content_type: str, **kwargs: Any) -> Reply:
        return cls(fixture(name), content_type=content_type, **kwargs)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status=status, headers={"Location": location})


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.target).query)


Route = Reply | Callable[[Seen], Reply]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_HEAD = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        seen = Seen(self.command, self.path, headers, body)
        site = self.server.site
        with site.counting(seen):
            reply = site.reply_for(seen)
            if reply.delay:
                site.stopping.wait(reply.delay)
            self._send(reply)

    def _send(self, reply: Reply) -> None:
        data = reply.body.encode() if isinstance(reply.body, str) else reply.body
        self.send_response(reply.status)
        for name, value in {"Content-Type": reply.content_type, **reply.headers}.items():
            self.send_header(name, value)
        if reply.endless or reply.drip:
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self._stream(data, reply)
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except OSError:
                self.close_connection = True  # the client stopped reading: its choice

    def _stream(self, data: bytes, reply: Reply) -> None:
        stopping = self.server.site.stopping
        try:
            if reply.drip:
                for byte in data or b"\0" * 1_000_000:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if stopping.wait(reply.drip):
                        return
            while not stopping.is_set():
                self.wfile.write(b"\0" * 65536)
        except OSError:
            return  # the client hung up, as it should


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: LoopbackServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early are what several tests are about


class LoopbackServer:
    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        self.peak_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        if ssl_context is not None:
            self._server.socket = ssl_context.wrap_socket(self._server.socket, server_side=True)
        self.scheme = "https" if ssl_context else "http"
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def route(self, path: str, route: Route) -> None:
        """Answer `path` (with its query, or without to match any query) with `route`."""
        self.routes[path] = route

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path or seen.target == path)

    def reply_for(self, seen: Seen) -> Reply:
        route = self.routes.get(seen.target) or self.routes.get(seen.path)
        if route is None:
            return Reply("not found", status=404)
        return route(seen) if callable(route) else route

    @contextmanager
    def counting(self, seen: Seen) -> Iterator[None]:
        with self._lock:
            self.requests.append(seen)
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def serve(ssl_context: ssl.SSLContext | None = None) -> Iterator[LoopbackServer]:
    server = LoopbackServer(ssl_context)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def loopback_resolver(*names: str) -> Callable[[str, int], list[tuple[Any, ...]]]:
    """A resolver that knows only `names`, all on 127.0.0.1: the tests never ask real DNS."""

    def resolve(host: str, port: int) -> list[tuple[Any, ...]]:
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    return resolve


class PublicNetwork:
    """Public-looking names with public addresses, all dialled on loopback.

    The guard vets the public address as it would on the internet; `dial` then carries the
    connection to the loopback server. `answers` can change what a name resolves to over time.
    """

    def __init__(self, answers: dict[str, str | list[str]]) -> None:
        self.answers = {name: [a] if isinstance(a, str) else list(a) for name, a in answers.items()}
        self.lookups: list[str] = []

    def resolve(self, host: str, port: int) -> list[tuple[Any, ...]]:
        self.lookups.append(host)
        queue = self.answers.get(host)
        if not queue:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        # Several answers are given one per lookup, the way a rebinding DNS server would.
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    @staticmethod
    def dial(address: str) -> str:
        return "127.0.0.1"


@dataclass
class Certificate:
    """A self-signed certificate for `hostname`, with contexts for both ends."""

    server: ssl.SSLContext
    client: ssl.SSLContext


def self_signed(directory: Path, hostname: str) -> Certificate:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(hostname), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert_pem)
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cadata=cert_pem.decode("ascii"))
    return Certificate(server, client)


@dataclass
class Mail:
    uid: int
    raw: bytes
    seen: bool = False


class ImapServer:
    """IMAP4rev1, only what the mail connector uses (RFC 3501): CAPABILITY, STARTTLS, LOGIN,
    SELECT/EXAMINE, UID SEARCH, UID FETCH (RFC822.SIZE, BODY.PEEK[]), NOOP and LOGOUT.

    `implicit_tls` wraps the connection from the first byte (port 993 style); `starttls`
    offers STARTTLS on a plain connection (port 143 style)."""

    def __init__(
        self,
        mails: list[Mail],
        *,
        username: str,
        password: str,
        implicit_tls: ssl.SSLContext | None = None,
        starttls: ssl.SSLContext | None = None,
        uidvalidity: int = 1,
    ) -> None:
        self.mails = mails
        self.username, self.password = username, password
        self.implicit_tls, self.starttls = implicit_tls, starttls
        self.uidvalidity = uidvalidity
        self.commands: list[str] = []
        self._server = _ImapTCPServer(("127.0.0.1", 0), _ImapHandler)
        self._server.imap = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> ImapServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def search(self, criteria: list[str]) -> list[int]:
        uids = [mail.uid for mail in self.mails]
        if criteria[:1] == ["UNSEEN"]:
            return [mail.uid for mail in self.mails if not mail.seen]
        if criteria[:1] == ["UID"] and uids:
            # n:* always includes the largest UID, even when n is beyond it (RFC 3501, 6.4.8).
            start = int(criteria[1].split(":")[0])
            return [uid for uid in uids if uid >= min(start, max(uids))]
        return uids


class _ImapTCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    imap: ImapServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class _ImapHandler(socketserver.BaseRequestHandler):
    server: _ImapTCPServer

    def handle(self) -> None:
        imap = self.server.imap
        self.sock: socket.socket = self.request
        if imap.implicit_tls:
            self.sock = imap.implicit_tls.wrap_socket(self.sock, server_side=True)
        self.reader = self.sock.makefile("rb")
        self.send(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Majlis test IMAP ready")
        while line := self.reader.readline():
            tag, _, rest = line.decode().rstrip("\r\n").partition(" ")
            imap.commands.append(rest.split(" ")[0].upper() if rest else "")
            if not self.answer(tag, shlex.split(rest)):
                return

    def send(self, *lines: bytes) -> None:
        self.sock.sendall(b"".join(line + b"\r\n" for line in lines))

    def answer(self, tag: str, words: list[str]) -> bool:
        imap = self.server.imap
        command = words[0].upper() if words else ""
        ok = f"{tag} OK {command} completed".encode()
        if command == "CAPABILITY":
            offer = (
                b" STARTTLS" if imap.starttls and not isinstance(self.sock, ssl.SSLSocket) else b""
            )
            self.send(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN" + offer, ok)
        elif command == "STARTTLS" and imap.starttls:
            self.send(f"{tag} OK Begin TLS negotiation now".encode())
            self.sock = imap.starttls.wrap_socket(self.sock, server_side=True)
            self.reader = self.sock.makefile("rb")
        elif command == "LOGIN":
            good = words[1:3] == [imap.username, imap.password]
            self.send(
                ok if good else f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials".encode()
            )
        elif command in ("SELECT", "EXAMINE"):
            self.send(
                f"* {len(imap.mails)} EXISTS".encode(),
                f"* OK [UIDVALIDITY {imap.uidvalidity}] UIDs valid".encode(),
                f"* OK [UIDNEXT {max([m.uid for m in imap.mails], default=0) + 1}] next".encode(),
                f"{tag} OK [READ-ONLY] {command} completed".encode(),
            )
        elif command == "UID" and words[1].upper() == "SEARCH":
            found = " ".join(str(uid) for uid in imap.search(words[2:]))
            self.send(f"* SEARCH {found}".rstrip().encode(), ok)
        elif command == "UID" and words[1].upper() == "FETCH":
            self.fetch(words[2], " ".join(words[3:]).upper())
            self.send(ok)
        elif command == "LOGOUT":
            self.send(b"* BYE Majlis test IMAP logging out", ok)
            return False
        else:
            self.send(ok if command == "NOOP" else f"{tag} BAD unknown command".encode())
        return True

    def fetch(self, uid_set: str, items: str) -> None:
        wanted = {int(uid) for uid in uid_set.split(",")}
        for number, mail in enumerate(self.server.imap.mails, start=1):
            if mail.uid not in wanted:
                continue
            if "RFC822.SIZE" in items:
                self.send(f"* {number} FETCH (UID {mail.uid} RFC822.SIZE {len(mail.raw)})".encode())
            else:
                head = f"* {number} FETCH (UID {mail.uid} BODY[] {{{len(mail.raw)}}}".encode()
                self.send(head, mail.raw + b")")
