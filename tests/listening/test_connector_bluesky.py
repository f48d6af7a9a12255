"""The Bluesky connector against a loopback PDS and AppView that answer like XRPC."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.bluesky import (
    BlueskyConnector,
    Target,
    forget_sessions,
    parse_target,
    post_url,
)
from majlis.listening.fetch import FetchError, FetchOptions
from tests.listening.http_server import LoopbackServer, Reply, Seen, fixture, serve

OPTIONS = FetchOptions(allow_private=True, timeout=2.0)
JSON = "application/json; charset=utf-8"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"
AUTHOR_FEED = "/xrpc/app.bsky.feed.getAuthorFeed"
CREATE = "/xrpc/com.atproto.server.createSession"
REFRESH = "/xrpc/com.atproto.server.refreshSession"


def session(access: str, refresh: str, pds: str = "") -> Reply:
    answer: dict[str, object] = {
        "accessJwt": access,
        "refreshJwt": refresh,
        "handle": "veille.atlas.ma",
        "did": "did:plc:veille",
    }
    if pds:
        answer["didDoc"] = {
            "id": "did:plc:veille",
            "service": [
                {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}
            ],
        }
    return Reply(json.dumps(answer), content_type=JSON)


def xrpc_error(status: int, error: str, message: str) -> Reply:
    return Reply(json.dumps({"error": error, "message": message}), status=status, content_type=JSON)


@pytest.fixture(autouse=True)
def fresh_sessions() -> Iterator[None]:
    forget_sessions()  # sessions are kept per process, and ports get reused between tests
    yield
    forget_sessions()


@pytest.fixture
def bsky() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route(SEARCH, Reply.file("bluesky_search.json", JSON))
        server.route(AUTHOR_FEED, Reply.file("bluesky_author_feed.json", JSON))
        yield server


def connector(
    bsky: LoopbackServer, identifier: str = "", app_password: str = ""
) -> BlueskyConnector:
    return BlueskyConnector(identifier, app_password, service=bsky.base_url, appview=bsky.base_url)


def read(connector: BlueskyConnector, url: str, cursor: str = "") -> FetchOutcome:
    return connector.fetch(url, SourceState(cursor=cursor), OPTIONS)


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://bsky.app/search?q=atlas+telecom", Target("search", "atlas telecom")),
        ("https://bsky.app/hashtag/Maroc", Target("search", "#Maroc")),
        ("https://bsky.app/profile/atlastelecom.ma", Target("author", "atlastelecom.ma")),
        ("https://bsky.app/profile/did:plc:atlastelecom", Target("author", "did:plc:atlastelecom")),
    ],
)
def test_bluesky_app_addresses_are_understood(url: str, target: Target) -> None:
    assert parse_target(url) == target


def test_a_post_uri_becomes_its_address_on_bsky_app() -> None:
    assert post_url("at://did:plc:karim4casa/app.bsky.feed.post/3ksnewer2222") == (
        "https://bsky.app/profile/did:plc:karim4casa/post/3ksnewer2222"
    )
    assert post_url("at://did:plc:x/app.bsky.feed.like/3kslike") == ""


def test_an_author_feed_is_read_anonymously_from_the_public_appview(bsky: LoopbackServer) -> None:
    outcome = read(connector(bsky), "https://bsky.app/profile/atlastelecom.ma")
    official, reposted = outcome.items
    assert official.url == "https://bsky.app/profile/did:plc:atlastelecom/post/3ksofficial1"
    assert (official.author, official.lang_hint, official.source_name) == (
        "Atlas Telecom (@atlastelecom.ma)",
        "fr",
        "Bluesky",
    )
    assert reposted.text == "Panne géante chez Atlas Telecom"
    assert outcome.cursor == "2024-05-03T11:00:00.200Z"
    assert bsky.requests[0].query == {"limit": ["50"], "actor": ["atlastelecom.ma"]}
    assert "authorization" not in bsky.requests[0].headers


def test_a_search_signs_in_with_the_app_password_and_reads_the_newest_posts(
    bsky: LoopbackServer,
) -> None:
    bsky.route(CREATE, session("access-1", "refresh-1"))
    outcome = read(
        connector(bsky, identifier="veille.atlas.ma", app_password="abcd-efgh"),
        "https://bsky.app/search?q=atlas",
    )
    karim, salma = outcome.items
    assert json.loads(bsky.requests[0].body) == {
        "identifier": "veille.atlas.ma",
        "password": "abcd-efgh",
    }
    assert bsky.requests[1].headers["authorization"] == "Bearer access-1"
    assert bsky.requests[1].query == {"limit": ["50"], "q": ["atlas"], "sort": ["latest"]}
    assert karim.text == (
        "Atlas Telecom en panne à Casa depuis 2h, rien sur leur site…\n\n"
        "Incident réseau\nCasablanca et Rabat touchées"
    )
    assert karim.published_at == datetime(2024, 5, 3, 9, 30, tzinfo=UTC)
    assert (salma.author, salma.lang_hint) == ("@salma.example.ma", "ar")
    assert salma.published_at < datetime(2099, 1, 1, tzinfo=UTC)
    assert outcome.cursor == "2024-05-03T09:30:01.500Z"


def test_an_expired_token_is_refreshed_and_the_call_made_again(bsky: LoopbackServer) -> None:
    bsky.route(CREATE, session("access-1", "refresh-1"))
    bsky.route(
        REFRESH,
        lambda seen: (
            session("access-2", "refresh-2")
            if seen.headers.get("authorization") == "Bearer refresh-1"
            else xrpc_error(400, "ExpiredToken", "Token has been revoked")
        ),
    )

    def search(seen: Seen) -> Reply:
        if seen.headers.get("authorization") != "Bearer access-2":
            return xrpc_error(400, "ExpiredToken", "Token has expired")
        return Reply(fixture("bluesky_search.json"), content_type=JSON)

    bsky.route(SEARCH, search)
    reader = connector(bsky, identifier="veille.atlas.ma", app_password="abcd-efgh")
    assert len(read(reader, "https://bsky.app/search?q=atlas").items) == 2
    assert [seen.path for seen in bsky.requests] == [CREATE, SEARCH, REFRESH, SEARCH]
    read(reader, "https://bsky.app/search?q=atlas")
    assert bsky.hits(CREATE) == 1  # the refreshed session is kept for the next run


def test_reads_go_to_the_pds_named_in_the_session(bsky: LoopbackServer) -> None:
    with serve() as pds:
        pds.route(SEARCH, Reply.file("bluesky_search.json", JSON))
        bsky.route(CREATE, session("access-1", "refresh-1", pds=pds.base_url))
        read(
            connector(bsky, identifier="veille.atlas.ma", app_password="x"),
            "https://bsky.app/search?q=atlas",
        )
        assert (bsky.hits(SEARCH), pds.hits(SEARCH)) == (0, 1)


def test_a_wrong_app_password_is_an_authentication_failure(bsky: LoopbackServer) -> None:
    bsky.route(CREATE, xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password"))
    with pytest.raises(FetchError) as caught:
        read(
            connector(bsky, identifier="veille.atlas.ma", app_password="wrong"),
            "https://bsky.app/search?q=atlas",
        )
    assert caught.value.reason == "auth_failed"
    assert caught.value.message == (
        f"Bluesky refused the handle or app password of veille.atlas.ma at {bsky.base_url} "
        "(AuthenticationRequired: Invalid identifier or password)."
    )


def test_an_anonymous_search_that_needs_an_account_says_what_to_add(bsky: LoopbackServer) -> None:
    bsky.route(SEARCH, xrpc_error(403, "Forbidden", "Search requires authentication"))
    with pytest.raises(FetchError) as caught:
        read(connector(bsky), "https://bsky.app/hashtag/Maroc")
    assert caught.value.reason == "auth_failed"
    assert caught.value.message.endswith("; add a Bluesky handle and app password.")
    assert bsky.requests[0].query["q"] == ["#Maroc"]


def test_the_next_search_asks_since_the_newest_post_and_keeps_only_newer_ones(
    bsky: LoopbackServer,
) -> None:
    bsky.route(CREATE, session("access-1", "refresh-1"))
    reader = connector(bsky, identifier="veille.atlas.ma", app_password="x")
    outcome = read(reader, "https://bsky.app/search?q=atlas", cursor="2024-05-03T09:00:00.000Z")
    assert [item.author for item in outcome.items] == ["Karim (@karim.bsky.social)"]
    assert bsky.requests[1].query["since"] == ["2024-05-03T09:00:00.000Z"]


def test_a_rate_limited_service_is_asked_again_after_its_reset(bsky: LoopbackServer) -> None:
    reset = str(int(datetime.now(UTC).timestamp()) + 120)
    bsky.route(
        AUTHOR_FEED,
        Reply(
            '{"error":"RateLimitExceeded"}',
            status=429,
            content_type=JSON,
            headers={"RateLimit-Reset": reset},
        ),
    )
    with pytest.raises(FetchError) as caught:
        read(connector(bsky), "https://bsky.app/profile/atlastelecom.ma")
    assert caught.value.reason == "rate_limited"
    assert caught.value.retry_after == pytest.approx(120, abs=3)


def test_an_author_feed_is_paged_back_until_it_reaches_the_last_post_read(
    bsky: LoopbackServer,
) -> None:
    def post(rkey: str, indexed: str) -> dict[str, object]:
        return {
            "uri": f"at://did:plc:atlastelecom/app.bsky.feed.post/{rkey}",
            "author": {"did": "did:plc:atlastelecom", "handle": "atlastelecom.ma"},
            "record": {"text": f"post {rkey}", "createdAt": indexed},
            "indexedAt": indexed,
        }

    def feed(seen: Seen) -> Reply:
        if "cursor" not in seen.query:
            page = {"cursor": "page2", "feed": [{"post": post("c", "2024-05-03T12:00:00Z")}]}
        else:
            page = {
                "cursor": "page3",
                "feed": [
                    {"post": post("b", "2024-05-03T11:00:00Z")},
                    {"post": post("a", "2024-05-01T00:00:00Z")},
                ],
            }
        return Reply(json.dumps(page), content_type=JSON)

    bsky.route(AUTHOR_FEED, feed)
    outcome = read(
        connector(bsky), "https://bsky.app/profile/atlastelecom.ma", cursor="2024-05-02T00:00:00Z"
    )
    assert [item.text for item in outcome.items] == ["post c", "post b"]
    assert bsky.hits(AUTHOR_FEED) == 2
    assert outcome.cursor == "2024-05-03T12:00:00Z"
