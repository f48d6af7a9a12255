"""Meta's Graph API for a Facebook Page and an Instagram professional account, on loopback.

Errors are Graph error objects: 190 (OAuthException) for a bad or expired token, 4/17/32 for
rate limits with `is_transient`, 100 for a bad parameter. Instagram containers are
`IN_PROGRESS` at the first look and `FINISHED` at the next; a container publishes once.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from tests.publishing.fakes.server import FakeAPI, Request, Response, error

PAGE_ID = "104200000000001"
PAGE_TOKEN = "EAAG-page-token"
IG_USER = "17841400000000001"
VERSION = "v23.0"


def graph_error(message: str, code: int, status: int = 400, **extra: Any) -> Response:
    return error(
        status,
        {
            "error": {
                "message": message,
                "type": "OAuthException",
                "code": code,
                "fbtrace_id": "AbCdEf",
                **extra,
            }
        },
    )


class FakeGraph(FakeAPI):
    def __init__(self) -> None:
        super().__init__()
        self.tokens = {PAGE_TOKEN}
        self.posts: dict[str, dict[str, Any]] = {}
        self.photos: dict[str, dict[str, Any]] = {}
        self.containers: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(900_001)

    def route(self, request: Request) -> Response:
        params = (
            request.query
            if request.method == "GET"
            else {k: v[-1] for k, v in request.form().items()}
        )
        if params.get("access_token") not in self.tokens:
            return graph_error(
                "Error validating access token: Session has expired on Friday, 20-Nov-26.",
                190,
                error_subcode=463,
            )
        parts = request.path.removeprefix(f"/{VERSION}/").split("/")
        node, edge = parts[0], (parts[1] if len(parts) > 1 else "")
        method = request.method
        if node == PAGE_ID:
            return self._page(method, edge, params)
        if node == IG_USER:
            return self._instagram(method, edge, params)
        return self._object(node, params)

    def _page(self, method: str, edge: str, params: dict[str, str]) -> Response:
        if method == "GET" and not edge:
            return Response(200, {"id": PAGE_ID, "name": "Atlas Telecom"})
        if method == "GET" and edge == "posts":
            data = [
                {"id": k, "message": v.get("message", ""), "permalink_url": v["permalink_url"]}
                for k, v in reversed(self.posts.items())
            ]
            return Response(200, {"data": data})
        if method == "POST" and edge == "photos":
            photo_id = str(next(self._ids))
            self.photos[photo_id] = params
            if params.get("published") == "false":
                return Response(200, {"id": photo_id})
            post_id = self._new_post({"message": params.get("caption", ""), "photos": [photo_id]})
            return Response(200, {"id": photo_id, "post_id": post_id})
        if method == "POST" and edge == "feed":
            if not params.get("message") and not params.get("link"):
                return graph_error("(#100) Missing message or attachment.", 100)
            attached = [
                json.loads(v)["media_fbid"]
                for k, v in sorted(params.items())
                if k.startswith("attached_media")
            ]
            return Response(
                200,
                {
                    "id": self._new_post(
                        {
                            "message": params.get("message", ""),
                            "link": params.get("link"),
                            "photos": attached,
                        }
                    )
                },
            )
        return graph_error("(#100) Unsupported request", 100)

    def _new_post(self, fields: dict[str, Any]) -> str:
        post_id = f"{PAGE_ID}_{next(self._ids)}"
        self.posts[post_id] = {
            **fields,
            "permalink_url": f"https://www.facebook.com/{PAGE_ID}/posts/{post_id.split('_')[1]}",
        }
        return post_id

    def _instagram(self, method: str, edge: str, params: dict[str, str]) -> Response:
        if method == "GET" and not edge:
            return Response(200, {"id": IG_USER, "username": "atlastelecom"})
        if method == "GET" and edge == "media":
            data = [
                {"id": k, "caption": v.get("caption", ""), "permalink": v["permalink"]}
                for k, v in reversed(self.media.items())
            ]
            return Response(200, {"data": data})
        if method == "POST" and edge == "media":
            if params.get("media_type") != "CAROUSEL" and not params.get("image_url"):
                return graph_error("(#100) The parameter image_url is required.", 100)
            container = str(next(self._ids))
            self.containers[container] = {**params, "status_code": "IN_PROGRESS"}
            return Response(200, {"id": container})
        if method == "POST" and edge == "media_publish":
            container = self.containers.get(params.get("creation_id", ""))
            if container is None or container["status_code"] != "FINISHED":
                return graph_error("Media ID is not available", 9007, error_subcode=2207027)
            container["status_code"] = "PUBLISHED"
            media_id = str(next(self._ids))
            self.media[media_id] = {
                "caption": container.get("caption", ""),
                "permalink": f"https://www.instagram.com/p/C{media_id}/",
                "container": container,
            }
            return Response(200, {"id": media_id})
        return graph_error("(#100) Unsupported request", 100)

    def _object(self, node: str, params: dict[str, str]) -> Response:
        if node in self.posts:
            return Response(
                200,
                {
                    "id": node,
                    "permalink_url": self.posts[node]["permalink_url"],
                    "reactions": {"summary": {"total_count": 5}},
                    "shares": {"count": 2},
                    "comments": {"summary": {"total_count": 1}},
                },
            )
        if node in self.containers:
            container = self.containers[node]
            status = container["status_code"]
            if status == "IN_PROGRESS":
                container["status_code"] = "FINISHED"  # ready at the next look
            return Response(200, {"id": node, "status_code": status})
        if node in self.media:
            return Response(
                200,
                {
                    "id": node,
                    "permalink": self.media[node]["permalink"],
                    "like_count": 12,
                    "comments_count": 3,
                },
            )
        return graph_error(
            f"(#100) Unsupported get request. Object with ID '{node}' does not exist", 100
        )
