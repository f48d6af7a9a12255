"""LinkedIn's versioned REST API (Posts, organizations, social actions) and its OAuth token
endpoint, on loopback.

Every call needs `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`; a new post is a
201 with its URN in `x-restli-id`. Tokens expire (401 EXPIRED_ACCESS_TOKEN, serviceErrorCode
65601); a refresh token buys a new one. 429 past the throttle.
"""

from __future__ import annotations

import itertools
from typing import Any
from urllib.parse import unquote

from tests.publishing.fakes.server import FakeAPI, Request, Response, error

ORGANIZATION = "urn:li:organization:2414183"
TOKEN = "AQV-linkedin-token"
REFRESH = "AQX-linkedin-refresh"


class FakeLinkedIn(FakeAPI):
    def __init__(self) -> None:
        super().__init__()
        self.tokens = {TOKEN}
        self.expired: set[str] = set()
        self.refresh_tokens = {REFRESH}
        self.posts: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(7_100_000_000_000_000_001)

    def route(self, request: Request) -> Response:
        if request.path == "/oauth/v2/accessToken":
            return self._refresh(request)
        if not request.headers.get("linkedin-version"):
            return error(
                426,
                {
                    "status": 426,
                    "code": "NONEXISTENT_VERSION",
                    "message": "Requested version is not active",
                },
            )
        token = request.bearer
        if token in self.expired:
            return error(
                401,
                {
                    "status": 401,
                    "serviceErrorCode": 65601,
                    "code": "EXPIRED_ACCESS_TOKEN",
                    "message": "The token used in the request has expired",
                },
            )
        if token not in self.tokens:
            return error(
                401,
                {
                    "status": 401,
                    "serviceErrorCode": 65600,
                    "code": "INVALID_ACCESS_TOKEN",
                    "message": "Invalid access token",
                },
            )
        return self._rest(request)

    def _rest(self, request: Request) -> Response:
        path = request.path
        if path.startswith("/rest/organizations/"):
            return Response(
                200, {"id": int(path.rsplit("/", 1)[-1]), "localizedName": "Atlas Telecom"}
            )
        if path == "/rest/posts" and request.method == "POST":
            return self._create(request.json())
        if path == "/rest/posts" and request.method == "GET":
            elements = [
                {"id": urn, **post}
                for urn, post in reversed(self.posts.items())
                if post["author"] == request.query.get("author")
            ]
            return Response(200, {"elements": elements, "paging": {"start": 0, "count": 10}})
        if path.startswith("/rest/posts/"):
            urn = unquote(path.removeprefix("/rest/posts/"))
            return (
                Response(200, {"id": urn, **self.posts[urn]})
                if urn in self.posts
                else error(404, {"status": 404, "message": "Not Found"})
            )
        if path.startswith("/rest/socialActions/"):
            urn = unquote(path.removeprefix("/rest/socialActions/"))
            return Response(
                200,
                {
                    "likesSummary": {"totalLikes": 9},
                    "commentsSummary": {"aggregatedTotalComments": 2},
                    "target": urn,
                },
            )
        return error(404, {"status": 404, "message": "Not Found"})

    def _create(self, body: dict[str, Any]) -> Response:
        if body.get("author") != ORGANIZATION:
            return error(
                403,
                {
                    "status": 403,
                    "serviceErrorCode": 100,
                    "code": "ACCESS_DENIED",
                    "message": "Not enough permissions to post as this organization",
                },
            )
        if len(body.get("commentary", "")) > 3000 * 2:
            return error(422, {"status": 422, "message": "commentary is too long"})
        urn = f"urn:li:share:{next(self._ids)}"
        self.posts[urn] = body
        return Response(201, None, {"x-restli-id": urn})

    def _refresh(self, request: Request) -> Response:
        form = {k: v[-1] for k, v in request.form().items()}
        if (
            form.get("grant_type") != "refresh_token"
            or form.get("refresh_token") not in self.refresh_tokens
        ):
            return error(
                400,
                {
                    "error": "invalid_request",
                    "error_description": "The provided refresh token is invalid",
                },
            )
        token = f"AQV-new-{next(self._ids)}"
        self.tokens.add(token)
        return Response(
            200,
            {
                "access_token": token,
                "expires_in": 5184000,
                "refresh_token": form["refresh_token"],
                "refresh_token_expires_in": 31536000,
            },
        )
