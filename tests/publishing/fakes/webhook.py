"""A webhook receiver that keeps the idempotency keys it has seen, as the webhook docs ask."""

from __future__ import annotations

import hashlib
import hmac
import itertools
from typing import Any

from tests.publishing.fakes.server import FakeAPI, Request, Response, error


class FakeWebhook(FakeAPI):
    def __init__(self, secret: str = "") -> None:
        super().__init__()
        self.secret = secret
        self.deliveries: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)

    def route(self, request: Request) -> Response:
        if self.secret:
            expected = (
                "sha256=" + hmac.new(self.secret.encode(), request.body, hashlib.sha256).hexdigest()
            )
            if not hmac.compare_digest(expected, request.headers.get("x-majlis-signature", "")):
                return error(401, {"error": "bad signature"})
        key = request.headers.get("idempotency-key", "")
        with self.lock:
            if key not in self.deliveries:
                number = next(self._ids)
                self.deliveries[key] = {
                    "id": f"entry-{number}",
                    "url": f"{self.url}/news/{number}",
                    "payload": request.json(),
                }
            found = self.deliveries[key]
        return Response(200, {"id": found["id"], "url": found["url"]})
