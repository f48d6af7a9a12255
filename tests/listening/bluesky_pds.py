"""A Bluesky PDS on loopback for the listening tests: the publishing tests' PDS
(tests/publishing/fakes/bluesky.py: createSession, refreshSession, tokens that lapse,
RateLimit-* headers), plus the two reads the listening connector makes, which a PDS answers
for a signed-in account by asking its AppView:

- `app.bsky.feed.searchPosts` (q required; limit 1-100; sort "top" or "latest"),
- `app.bsky.feed.getAuthorFeed` (actor required; limit 1-100),

answered with the fixture files of tests/listening/feeds/.
"""

from __future__ import annotations

import json
from typing import Any

from tests.listening.http_server import fixture
from tests.publishing.fakes.bluesky import FakeBluesky
from tests.publishing.fakes.server import Request, Response, error

READS = {
    "app.bsky.feed.searchPosts": ("q", "bluesky_search.json"),
    "app.bsky.feed.getAuthorFeed": ("actor", "bluesky_author_feed.json"),
}


class ListeningPds(FakeBluesky):
    def route(self, request: Request) -> Response:
        nsid = request.path.removeprefix("/xrpc/")
        if nsid not in READS:
            return super().route(request)
        refused = self._check_access(request)
        if refused is not None:
            return refused
        required, answer = READS[nsid]
        problem = _params_problem(request.query, required)
        if problem:
            return error(400, {"error": "InvalidRequest", "message": problem})
        return self._limited(Response(200, json.loads(fixture(answer))))


def _params_problem(query: dict[str, Any], required: str) -> str:
    if not query.get(required):
        return f'Params must have the property "{required}"'
    limit = query.get("limit", "50")
    if not limit.isdigit() or not 1 <= int(limit) <= 100:
        return "limit must be an integer between 1 and 100"
    if query.get("sort", "latest") not in ("top", "latest"):
        return 'sort must be "top" or "latest"'
    return ""
