"""A small threaded HTTP server on 127.0.0.1 that a fake API plugs its routes into.

It records every request, answers JSON with the status codes and headers the real API uses,
and can be told to fail the next matching request (`fail_next`) or to drop the connection
after doing the work, as a server that crashed before answering would (`drop_next`).
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.target).query).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"{}")

    def form(self) -> dict[str, list[str]]:
        if self.headers.get("content-type", "").startswith("multipart/"):
            return {k: [v] for k, v in self.multipart().items() if isinstance(v, str)}
        return parse_qs(self.body.decode("utf-8"), keep_blank_values=True)

    def field(self, name: str, default: str = "") -> str:
        return self.form().get(name, [default])[-1]

    def multipart(self) -> dict[str, Any]:
        """Fields as text; files as (filename, content type, bytes)."""
        head = f"Content-Type: {self.headers['content-type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.body)
        found: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename:
                found[name] = (filename, part.get_content_type(), payload)
            else:
                found[name] = payload.decode("utf-8")
        return found

    @property
    def bearer(self) -> str:
        value = self.headers.get("authorization", "")
        return value[7:] if value.lower().startswith("bearer ") else ""


@dataclass
class Response:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Fault:
    method: str
    path: str
    response: Response | None  # None: do the work, then drop the connection
    times: int


class FakeAPI:
    """Subclasses implement `route(request) -> Response`."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.lock = threading.RLock()
        self._faults: list[_Fault] = []
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    def route(self, request: Request) -> Response:
        raise NotImplementedError

    def fail_next(
        self,
        method: str,
        path: str,
        status: int,
        body: Any,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        self._faults.append(_Fault(method, path, Response(status, body, headers or {}), times))

    def drop_next(self, method: str, path: str) -> None:
        self._faults.append(_Fault(method, path, None, 1))

    def seen(self, method: str, path: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and r.path == path]

    def _fault_for(self, request: Request) -> _Fault | None:
        for fault in self._faults:
            if fault.method == request.method and fault.path in request.path:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def handle(self, request: Request) -> Response | None:
        with self.lock:
            self.requests.append(request)
            fault = self._fault_for(request)
        if fault is not None and fault.response is not None:
            return fault.response
        response = self.route(request)
        return None if fault is not None else response

    def start(self) -> FakeAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes: without this, Nagle's algorithm and
                # delayed ACKs add 40 ms to every answer.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                response = api.handle(Request(self.command, self.path, headers, body))
                if response is None:
                    self.close_connection = True
                    return
                payload = response.body
                if isinstance(payload, (dict, list)):
                    data = json.dumps(payload).encode()
                    content_type = "application/json; charset=utf-8"
                else:
                    data = payload or b""
                    content_type = "text/plain; charset=utf-8"
                try:
                    self.send_response(response.status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in response.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client is gone (killed, in one test)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def error(status: int, body: Any, **headers: str) -> Response:
    return Response(status, body, dict(headers))
