"""X API v2 on loopback: posts, users, media upload and metadata, OAuth 2.0 token refresh.

Problems come as `{"title", "detail", "type", "status"}`; the same text twice is refused (403,
"duplicate content"); tokens expire (401); refresh tokens are single use; x-rate-limit-* on
every answer and 429 past the limit.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from majlis.publishing.rules import check
from tests.publishing.fakes.server import FakeAPI, Request, Response, error

TOKEN = "x-user-token"
REFRESH = "x-refresh-token"
USER = {"id": "1420000000000000001", "name": "Atlas Telecom", "username": "atlastelecom"}


def problem(status: int, title: str, detail: str) -> Response:
    return error(
        status, {"title": title, "detail": detail, "type": "about:blank", "status": status}
    )


class FakeX(FakeAPI):
    def __init__(self, rate_limit: int = 100) -> None:
        super().__init__()
        self.tokens = {TOKEN}
        self.refresh_tokens = {REFRESH}
        self.rate_limit = rate_limit
        self.remaining = rate_limit
        self.tweets: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1_860_000_000_000_000_001)

    def route(self, request: Request) -> Response:
        if request.path == "/2/oauth2/token":
            return self._refresh(request)
        if self.remaining <= 0:
            return self._limited(problem(429, "Too Many Requests", "Too Many Requests"))
        self.remaining -= 1
        if request.bearer not in self.tokens:
            return self._limited(problem(401, "Unauthorized", "Unauthorized"))
        return self._limited(self._api(request))

    def _api(self, request: Request) -> Response:
        path, method = request.path, request.method
        if path == "/2/users/me":
            return Response(200, {"data": USER})
        if path == "/2/tweets" and method == "POST":
            return self._tweet(request.json())
        if path == f"/2/users/{USER['id']}/tweets":
            return Response(
                200,
                {"data": [{"id": k, "text": v["text"]} for k, v in reversed(self.tweets.items())]},
            )
        if path.startswith("/2/tweets/"):
            found = self.tweets.get(path.rsplit("/", 1)[-1])
            if found is None:
                return Response(
                    200,
                    {"errors": [{"title": "Not Found Error", "detail": "Could not find tweet"}]},
                )
            return Response(
                200,
                {
                    "data": {
                        "id": path.rsplit("/", 1)[-1],
                        "text": found["text"],
                        "public_metrics": {
                            "like_count": 8,
                            "retweet_count": 1,
                            "quote_count": 0,
                            "reply_count": 4,
                        },
                    }
                },
            )
        if path == "/2/media/upload" and method == "POST":
            media_id = str(next(self._ids))
            _name, content_type, content = request.multipart()["media"]
            self.media[media_id] = {"content_type": content_type, "size": len(content), "alt": None}
            return Response(
                200,
                {
                    "data": {
                        "id": media_id,
                        "media_key": f"3_{media_id}",
                        "size": len(content),
                        "expires_after_secs": 86400,
                    }
                },
            )
        if path == "/2/media/metadata" and method == "POST":
            body = request.json()
            self.media[body["id"]]["alt"] = body["metadata"]["alt_text"]["text"]
            return Response(
                200, {"data": {"id": body["id"], "associated_metadata": body["metadata"]}}
            )
        return problem(404, "Not Found", "Not Found")

    def _tweet(self, body: dict[str, Any]) -> Response:
        text = body.get("text", "")
        if check("x", text)["length"] > 280:
            return error(
                400,
                {
                    "errors": [{"message": "Your Tweet text is too long."}],
                    "title": "Invalid Request",
                    "detail": "One or more parameters to your request was invalid.",
                    "type": "https://api.twitter.com/2/problems/invalid-request",
                },
            )
        if any(t["text"] == text for t in self.tweets.values()):
            return problem(
                403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."
            )
        tweet_id = str(next(self._ids))
        self.tweets[tweet_id] = body
        return Response(
            201, {"data": {"id": tweet_id, "text": text, "edit_history_tweet_ids": [tweet_id]}}
        )

    def _refresh(self, request: Request) -> Response:
        form = {k: v[-1] for k, v in request.form().items()}
        if form.get("refresh_token") not in self.refresh_tokens:
            return error(
                400,
                {
                    "error": "invalid_request",
                    "error_description": "Value passed for the token was invalid.",
                },
            )
        self.refresh_tokens.discard(form["refresh_token"])
        token, refresh = f"x-token-{next(self._ids)}", f"x-refresh-{next(self._ids)}"
        self.tokens.add(token)
        self.refresh_tokens.add(refresh)
        return Response(
            200,
            {
                "token_type": "bearer",
                "expires_in": 7200,
                "access_token": token,
                "scope": "tweet.read tweet.write users.read offline.access media.write",
                "refresh_token": refresh,
            },
        )

    def _limited(self, response: Response) -> Response:
        response.headers.update(
            {
                "x-rate-limit-limit": str(self.rate_limit),
                "x-rate-limit-remaining": str(max(self.remaining, 0)),
                "x-rate-limit-reset": str(int(time.time()) + 900),
            }
        )
        return response
