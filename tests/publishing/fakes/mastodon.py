"""A Mastodon-compatible server, as docs.joinmastodon.org describes the REST API.

- Bearer tokens; an unknown one gets 401 `{"error": "The access token is invalid"}`.
- `POST /api/v1/statuses` honours `Idempotency-Key`: the same key from the same account
  within an hour answers the status it already created, without creating another.
- A status over the instance's limit gets 422 `Validation failed: Text character limit of
  N exceeded`; media still processing cannot be attached (422).
- `POST /api/v2/media` answers 200, or 202 while it processes (`processing=True`), and
  `GET /api/v1/media/:id` answers 206 until the file is ready.
- Every answer carries X-RateLimit-Limit/Remaining/Reset; past the limit, 429.
- `hold_statuses()` makes the next status creation wait, after it is stored, until the test
  releases it: the moment to kill a worker that is waiting for the answer.
"""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from majlis.publishing.rules import check
from tests.publishing.fakes.server import FakeAPI, Request, Response, error

TOKEN = "mastodon-token-atlas"


class FakeMastodon(FakeAPI):
    def __init__(self, max_characters: int = 500, rate_limit: int = 300) -> None:
        super().__init__()
        self.max_characters = max_characters
        self.rate_limit = rate_limit
        self.remaining = rate_limit
        self.tokens = {TOKEN: {"id": "109", "username": "atlas", "acct": "atlas"}}
        self.statuses: dict[str, dict[str, Any]] = {}
        self.texts: dict[str, str] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.processing = False
        self._keys: dict[tuple[str, str], str] = {}
        self._ids = itertools.count(110_000_000_000_000_001)
        self._hold: tuple[threading.Event, threading.Event] | None = None

    def hold_statuses(self) -> tuple[threading.Event, threading.Event]:
        """(received, release): set when a status is stored; the answer waits for release."""
        self._hold = (threading.Event(), threading.Event())
        return self._hold

    def route(self, request: Request) -> Response:
        if self.remaining <= 0:
            return self._limited(error(429, {"error": "Too many requests"}))
        self.remaining -= 1
        if request.path == "/api/v2/instance":
            return self._limited(Response(200, self._instance()))
        account = self.tokens.get(request.bearer)
        if account is None:
            return error(401, {"error": "The access token is invalid"})
        return self._limited(self._authenticated(request, account))

    def _authenticated(self, request: Request, account: dict[str, Any]) -> Response:
        path, method = request.path, request.method
        if path == "/api/v1/accounts/verify_credentials":
            return Response(200, {**account, "url": f"{self.url}/@{account['username']}"})
        if path == "/api/v1/statuses" and method == "POST":
            return self._create_status(request, account)
        if path.startswith("/api/v1/statuses/"):
            found = self.statuses.get(path.rsplit("/", 1)[-1])
            return Response(200, found) if found else error(404, {"error": "Record not found"})
        if path == "/api/v2/media" and method == "POST":
            return self._upload(request)
        if path.startswith("/api/v1/media/"):
            return self._media_status(path.rsplit("/", 1)[-1])
        return error(404, {"error": "Record not found"})

    def _create_status(self, request: Request, account: dict[str, Any]) -> Response:
        key = request.headers.get("idempotency-key", "")
        with self.lock:
            if key and (request.bearer, key) in self._keys:
                return Response(200, self.statuses[self._keys[(request.bearer, key)]])
            form = request.form()
            text = form.get("status", [""])[-1]
            media_ids = form.get("media_ids[]", [])
            if not text and not media_ids:
                return error(422, {"error": "Validation failed: Text can't be blank"})
            if check("mastodon", text, self.max_characters)["length"] > self.max_characters:
                limit = self.max_characters
                message = f"Validation failed: Text character limit of {limit} exceeded"
                return error(422, {"error": message})
            if any(self.media.get(m, {}).get("url") is None for m in media_ids):
                message = (
                    "Cannot attach files that have not finished processing. Try again in a moment!"
                )
                return error(422, {"error": message})
            status = self._status(account, text, form, media_ids)
            if key:
                self._keys[(request.bearer, key)] = status["id"]
        if self._hold is not None:
            received, release = self._hold
            self._hold = None
            received.set()
            release.wait(timeout=30)
        return Response(200, status)

    def _status(
        self, account: dict[str, Any], text: str, form: dict[str, list[str]], media_ids: list[str]
    ) -> dict[str, Any]:
        status_id = str(next(self._ids))
        status = {
            "id": status_id,
            "created_at": datetime.now(UTC).isoformat(),
            "in_reply_to_id": form.get("in_reply_to_id", [None])[-1],
            "visibility": form.get("visibility", ["public"])[-1],
            "language": form.get("language", [None])[-1],
            "uri": f"{self.url}/users/{account['username']}/statuses/{status_id}",
            "url": f"{self.url}/@{account['username']}/{status_id}",
            "content": f"<p>{text}</p>",
            "media_attachments": [self.media[m] for m in media_ids],
            "favourites_count": 0,
            "reblogs_count": 0,
            "replies_count": 0,
            "account": account,
        }
        self.statuses[status_id] = status
        self.texts[status_id] = text
        return status

    def _upload(self, request: Request) -> Response:
        parts = request.multipart()
        _name, content_type, content = parts["file"]
        media_id = str(next(self._ids))
        ready = not self.processing
        self.media[media_id] = {
            "id": media_id,
            "type": "image",
            "url": f"{self.url}/media/{media_id}" if ready else None,
            "description": parts.get("description"),
            "_bytes": len(content),
            "_content_type": content_type,
        }
        return Response(200 if ready else 202, self.media[media_id])

    def _media_status(self, media_id: str) -> Response:
        media = self.media.get(media_id)
        if media is None:
            return error(404, {"error": "Record not found"})
        if media["url"] is None:
            media["url"] = f"{self.url}/media/{media_id}"  # ready at the next look
            return Response(206, {**media, "url": None})
        return Response(200, media)

    def _instance(self) -> dict[str, Any]:
        return {
            "domain": "127.0.0.1",
            "title": "Fake Mastodon",
            "configuration": {
                "statuses": {"max_characters": self.max_characters, "max_media_attachments": 4}
            },
        }

    def _limited(self, response: Response) -> Response:
        reset = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
        response.headers.update(
            {
                "X-RateLimit-Limit": str(self.rate_limit),
                "X-RateLimit-Remaining": str(max(self.remaining, 0)),
                "X-RateLimit-Reset": reset,
            }
        )
        return response
