"""The Mastodon connector against a loopback instance that answers like the REST API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.mastodon import MastodonConnector, Target, parse_target
from majlis.listening.fetch import FetchError, FetchOptions
from tests.listening.http_server import LoopbackServer, Reply, Seen, serve

OPTIONS = FetchOptions(allow_private=True, timeout=2.0)
JSON = "application/json; charset=utf-8"
TAG = "/api/v1/timelines/tag/AtlasTelecom"


@pytest.fixture
def instance() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route(TAG, Reply.file("mastodon_tag.json", JSON))
        server.route("/api/v1/accounts/lookup", Reply.file("mastodon_lookup.json", JSON))
        server.route(
            "/api/v1/accounts/109000000000000042/statuses",
            Reply.file("mastodon_account_statuses.json", JSON),
        )
        yield server


def read(instance: LoopbackServer, path: str, cursor: str = "") -> FetchOutcome:
    return MastodonConnector().fetch(instance.url(path), SourceState(cursor=cursor), OPTIONS)


def refusal(instance: LoopbackServer, path: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        read(instance, path)
    return caught.value


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://mastodon.social/tags/Maroc", Target("https://mastodon.social", "tag", "Maroc")),
        (
            "https://mastodon.social/tags/%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8",
            Target("https://mastodon.social", "tag", "المغرب"),
        ),
        (
            "https://mastodon.social/api/v1/timelines/tag/fibre",
            Target("https://mastodon.social", "tag", "fibre"),
        ),
        ("https://mastodon.social/@atlas", Target("https://mastodon.social", "account", "atlas")),
        (
            "https://mastodon.social/@atlas@piaille.fr",
            Target("https://mastodon.social", "account", "atlas@piaille.fr"),
        ),
        (
            "https://mastodon.social/users/atlas",
            Target("https://mastodon.social", "account", "atlas"),
        ),
    ],
)
def test_hashtag_and_account_addresses_are_understood(url: str, target: Target) -> None:
    assert parse_target(url) == target


def test_other_mastodon_addresses_are_refused_with_the_forms_to_use() -> None:
    with pytest.raises(FetchError) as caught:
        parse_target("https://mastodon.social/explore")
    assert caught.value.reason == "bad_url"
    assert "https://instance/tags/name" in caught.value.message


def test_a_hashtag_timeline_gives_its_posts_as_plain_text(instance: LoopbackServer) -> None:
    outcome = read(instance, "/tags/AtlasTelecom")
    karim, salma = outcome.items
    assert karim.url == "https://mastodon.example.ma/@karim/112345678901234570"
    assert (
        karim.text
        == "Encore une coupure #AtlasTelecom à Casa ce matin 😤 https://status.example.ma/incident/42"
    )
    assert (karim.author, karim.lang_hint) == ("Karim B. (@karim)", "fr")
    assert karim.published_at == datetime(2024, 5, 3, 9, 20, 11, tzinfo=UTC)
    assert karim.source_name == f"127.0.0.1:{instance.port}"
    assert salma.text == "Service client\n\nخدمة الزبناء ديال #AtlasTelecom ما كتجاوبش"
    assert salma.author == "@salma@other.example.social"
    assert outcome.cursor == "112345678901234570"
    assert instance.requests[0].query == {"limit": ["40"]}


def test_the_next_fetch_asks_only_for_posts_newer_than_the_last_one(
    instance: LoopbackServer,
) -> None:
    instance.route(TAG, Reply("[]", content_type=JSON))
    outcome = read(instance, "/tags/AtlasTelecom", cursor="112345678901234570")
    assert (outcome.items, outcome.cursor) == ([], "112345678901234570")
    assert instance.requests[0].query["since_id"] == ["112345678901234570"]


def test_a_full_page_is_followed_back_to_the_last_post_seen(instance: LoopbackServer) -> None:
    newest = [
        {"id": str(1000 + n), "url": f"https://m.example/@a/{1000 + n}", "content": "x"}
        for n in range(40, 0, -1)
    ]

    def timeline(seen: Seen) -> Reply:
        page = (
            newest
            if "max_id" not in seen.query
            else [{"id": "999", "url": "https://m.example/@a/999", "content": "y"}]
        )
        return Reply(json.dumps(page), content_type=JSON)

    instance.route(TAG, timeline)
    outcome = read(instance, "/api/v1/timelines/tag/AtlasTelecom", cursor="998")
    assert len(outcome.items) == 41
    assert instance.requests[1].query["max_id"] == ["1001"]
    assert instance.requests[1].query["since_id"] == ["998"]
    assert outcome.cursor == "1040"


def test_an_account_is_looked_up_then_its_posts_and_boosts_are_read(
    instance: LoopbackServer,
) -> None:
    boosted, own = read(instance, "/@AtlasTelecom").items
    assert instance.requests[0].query == {"acct": ["AtlasTelecom"]}
    assert boosted.url == "https://press.example.ma/@presse/1"
    assert (boosted.author, boosted.text) == (
        "Presse Maroc (@presse@press.example.ma)",
        "Atlas Telecom rétablit le service à Casablanca.",
    )
    assert own.text == "Un incident touche nos clients de Casablanca.\nNos équipes sont mobilisées."


def test_an_unknown_account_says_so(instance: LoopbackServer) -> None:
    instance.route(
        "/api/v1/accounts/lookup",
        Reply('{"error":"Record not found"}', status=404, content_type=JSON),
    )
    error = refusal(instance, "/@nobody")
    assert (error.reason, error.status) == ("http_error", 404)
    assert error.message == f"127.0.0.1:{instance.port} has no account @nobody."


def test_an_instance_that_hides_its_timelines_asks_for_a_sign_in(instance: LoopbackServer) -> None:
    instance.route(
        TAG,
        Reply('{"error":"This API requires an authenticated user"}', status=401, content_type=JSON),
    )
    error = refusal(instance, "/tags/AtlasTelecom")
    assert error.reason == "auth_failed"
    assert (
        "only shows this timeline to signed-in users (This API requires an authenticated user)"
        in error.message
    )


def test_a_rate_limited_instance_is_asked_again_after_its_reset(instance: LoopbackServer) -> None:
    reset = datetime.fromtimestamp(datetime.now(UTC).timestamp() + 240, UTC).isoformat()
    instance.route(
        TAG,
        Reply(
            '{"error":"Too many requests"}',
            status=429,
            content_type=JSON,
            headers={"X-RateLimit-Reset": reset},
        ),
    )
    error = refusal(instance, "/tags/AtlasTelecom")
    assert error.reason == "rate_limited"
    assert error.retry_after == pytest.approx(240, abs=3)


def test_an_answer_that_is_not_a_list_of_posts_is_a_parse_error(instance: LoopbackServer) -> None:
    instance.route(TAG, Reply('{"surprise": true}', content_type=JSON))
    assert refusal(instance, "/tags/AtlasTelecom").reason == "parse_error"
