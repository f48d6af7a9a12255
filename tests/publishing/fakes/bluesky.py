"""A Bluesky PDS and AppView on loopback, following the AT Protocol lexicons.

- `com.atproto.server.createSession` with handle and app password gives JWTs whose `exp`
  says when they lapse; a lapsed access token gets 400 `ExpiredToken`, and
  `com.atproto.server.refreshSession` (with the refresh token) gives a new pair and revokes
  the old refresh token.
- `com.atproto.repo.createRecord` keeps one record per (repo, collection, rkey): a second
  create at the same rkey is refused. Posts are checked as the lexicon says (300 graphemes,
  3000 bytes, TID record keys, mentions that carry a DID).
- `getRecord`, `uploadBlob` (1,000,000 bytes at most), `resolveHandle`, `getSession`,
  `app.bsky.feed.getPosts`; RateLimit-* headers on every answer, 429 past the limit.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import time
from typing import Any

import regex

from majlis.publishing.connectors.bluesky.tid import is_valid as is_tid
from tests.publishing.fakes.server import FakeAPI, Request, Response, error

HANDLE = "atlas.bsky.social"
DID = "did:plc:atlastelecom0000000000"
APP_PASSWORD = "abcd-efgh-ijkl-mnop"
OTHERS = {"amina.bsky.social": "did:plc:amina00000000000000000"}


def _jwt(claims: dict[str, Any]) -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'typ': 'at+jwt', 'alg': 'ES256K'})}.{part(claims)}.c2lnbmF0dXJl"


class FakeBluesky(FakeAPI):
    def __init__(
        self,
        access_ttl: int = 7200,
        refresh_ttl: int = 90 * 86400,
        rate_limit: int = 3000,
        handle: str = HANDLE,
        did: str = DID,
    ) -> None:
        super().__init__()
        self.account_handle = handle  # the one account this PDS hosts
        self.account_did = did
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.rate_limit = rate_limit
        self.remaining = rate_limit
        self.access: dict[str, float] = {}
        self.refresh: dict[str, float] = {}
        self.records: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.blobs: dict[str, dict[str, Any]] = {}
        self.likes: dict[str, int] = {}
        self._serial = itertools.count(1)

    def expire_access_tokens(self) -> None:
        self.access = dict.fromkeys(self.access, time.time() - 1)

    def expire_refresh_tokens(self) -> None:
        self.refresh = dict.fromkeys(self.refresh, time.time() - 1)

    def posts(self) -> list[dict[str, Any]]:
        return [
            r["value"]
            for (_repo, collection, _rkey), r in self.records.items()
            if collection == "app.bsky.feed.post"
        ]

    def route(self, request: Request) -> Response:
        if self.remaining <= 0:
            return self._limited(
                error(429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"})
            )
        self.remaining -= 1
        nsid = request.path.removeprefix("/xrpc/")
        if nsid == "com.atproto.server.createSession":
            return self._limited(self._create_session(request))
        if nsid == "com.atproto.server.refreshSession":
            return self._limited(self._refresh_session(request))
        if nsid == "com.atproto.identity.resolveHandle":
            return self._limited(self._resolve(request))
        refused = self._check_access(request)
        if refused is not None:
            return refused
        handlers = {
            "com.atproto.server.getSession": lambda r: Response(
                200, {"handle": self.account_handle, "did": self.account_did, "active": True}
            ),
            "com.atproto.repo.createRecord": self._create_record,
            "com.atproto.repo.getRecord": self._get_record,
            "com.atproto.repo.uploadBlob": self._upload_blob,
            "app.bsky.feed.getPosts": self._get_posts,
        }
        handler = handlers.get(nsid)
        if handler is None:
            return error(
                501, {"error": "MethodNotImplemented", "message": "Method Not Implemented"}
            )
        return self._limited(handler(request))

    def _session(self) -> dict[str, Any]:
        now = time.time()
        serial = next(self._serial)
        access = _jwt(
            {
                "scope": "com.atproto.access",
                "sub": self.account_did,
                "iat": int(now),
                "exp": int(now + self.access_ttl),
                "n": serial,
            }
        )
        refresh = _jwt(
            {
                "scope": "com.atproto.refresh",
                "sub": self.account_did,
                "iat": int(now),
                "exp": int(now + self.refresh_ttl),
                "n": serial,
            }
        )
        self.access[access] = now + self.access_ttl
        self.refresh[refresh] = now + self.refresh_ttl
        return {
            "accessJwt": access,
            "refreshJwt": refresh,
            "handle": self.account_handle,
            "did": self.account_did,
            "active": True,
        }

    def _create_session(self, request: Request) -> Response:
        body = request.json()
        if (
            body.get("identifier") not in (self.account_handle, self.account_did)
            or body.get("password") != APP_PASSWORD
        ):
            return error(
                401,
                {"error": "AuthenticationRequired", "message": "Invalid identifier or password"},
            )
        return Response(200, self._session())

    def _refresh_session(self, request: Request) -> Response:
        expires = self.refresh.get(request.bearer)
        if expires is None:
            return error(400, {"error": "InvalidToken", "message": "Token could not be verified"})
        if expires < time.time():
            return error(400, {"error": "ExpiredToken", "message": "Token has expired"})
        del self.refresh[request.bearer]  # refresh tokens are used once
        return Response(200, self._session())

    def _check_access(self, request: Request) -> Response | None:
        if not request.bearer:
            return error(401, {"error": "AuthMissing", "message": "Authentication Required"})
        expires = self.access.get(request.bearer)
        if expires is None:
            return error(400, {"error": "InvalidToken", "message": "Token could not be verified"})
        if expires < time.time():
            return error(400, {"error": "ExpiredToken", "message": "Token has expired"})
        return None

    def _resolve(self, request: Request) -> Response:
        handle = request.query.get("handle", "")
        did = {self.account_handle: self.account_did, **OTHERS}.get(handle)
        if did is None:
            return error(400, {"error": "InvalidRequest", "message": "Unable to resolve handle"})
        return Response(200, {"did": did})

    def _create_record(self, request: Request) -> Response:
        body = request.json()
        repo, collection, rkey, record = (
            body.get("repo"),
            body.get("collection"),
            body.get("rkey"),
            body.get("record") or {},
        )
        if repo not in (self.account_did, self.account_handle):
            return error(400, {"error": "InvalidRequest", "message": "Invalid repo"})
        if collection == "app.bsky.feed.post":
            if not rkey or not is_tid(rkey):
                return error(
                    400, {"error": "InvalidRequest", "message": "Invalid record key: must be a TID"}
                )
            problem = _post_problem(record)
            if problem:
                return error(
                    400,
                    {
                        "error": "InvalidRequest",
                        "message": f"Invalid app.bsky.feed.post record: {problem}",
                    },
                )
        with self.lock:
            if (self.account_did, collection, rkey) in self.records:
                return error(
                    400,
                    {
                        "error": "InvalidRequest",
                        "message": f"Record already exists at at://{self.account_did}/{collection}/{rkey}",
                    },
                )
            uri = f"at://{self.account_did}/{collection}/{rkey}"
            cid = (
                "bafyrei"
                + hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()[:40]
            )
            self.records[(self.account_did, collection, rkey)] = {
                "uri": uri,
                "cid": cid,
                "value": record,
            }
        return Response(200, {"uri": uri, "cid": cid, "validationStatus": "valid"})

    def _get_record(self, request: Request) -> Response:
        query = request.query
        found = self.records.get(
            (self.account_did, query.get("collection", ""), query.get("rkey", ""))
        )
        if found is None:
            return error(400, {"error": "RecordNotFound", "message": "Could not locate record"})
        return Response(200, found)

    def _upload_blob(self, request: Request) -> Response:
        if len(request.body) > 1_000_000:
            return error(
                400,
                {
                    "error": "BlobTooLarge",
                    "message": "This file is too large. The maximum size is 976.56KB.",
                },
            )
        cid = "bafkrei" + hashlib.sha256(request.body).hexdigest()[:40]
        blob = {
            "$type": "blob",
            "ref": {"$link": cid},
            "mimeType": request.headers.get("content-type", ""),
            "size": len(request.body),
        }
        self.blobs[cid] = blob
        return Response(200, {"blob": blob})

    def _get_posts(self, request: Request) -> Response:
        posts = []
        for uri in request.query.get("uris", "").split(","):
            rkey = uri.rsplit("/", 1)[-1]
            found = self.records.get((self.account_did, "app.bsky.feed.post", rkey))
            if found:
                posts.append(
                    {
                        "uri": uri,
                        "cid": found["cid"],
                        "record": found["value"],
                        "likeCount": self.likes.get(rkey, 0),
                        "repostCount": 0,
                        "replyCount": 0,
                        "quoteCount": 0,
                    }
                )
        return Response(200, {"posts": posts})

    def _limited(self, response: Response) -> Response:
        response.headers.update(
            {
                "RateLimit-Limit": str(self.rate_limit),
                "RateLimit-Remaining": str(max(self.remaining, 0)),
                "RateLimit-Reset": str(int(time.time()) + 300),
                "RateLimit-Policy": f"{self.rate_limit};w=300",
            }
        )
        return response


def _post_problem(record: dict[str, Any]) -> str:
    text = record.get("text", "")
    if len(regex.findall(r"\X", text)) > 300:
        return "Record/text must not be longer than 300 graphemes"
    if len(text.encode("utf-8")) > 3000:
        return "Record/text must not be longer than 3000 characters"
    for facet in record.get("facets", []):
        for feature in facet.get("features", []):
            if feature.get("$type") == "app.bsky.richtext.facet#mention" and not str(
                feature.get("did", "")
            ).startswith("did:"):
                return "Record/facets/0/features/0/did must be a valid did"
    if "createdAt" not in record:
        return 'Record must have the property "createdAt"'
    return ""
