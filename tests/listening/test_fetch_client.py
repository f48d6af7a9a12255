"""The guarded client at work: headers, conditional GET, redirects, limits and encodings."""

from __future__ import annotations

import gzip
import socket
import time
import zlib
from collections.abc import Iterator

import pytest

from majlis.listening.fetch import USER_AGENT, FetchError, FetchResponse, fetch
from tests.listening.http_server import LoopbackServer, Reply, Seen, serve


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        yield server


def get(site: LoopbackServer, path: str, **kwargs: object) -> FetchResponse:
    options: dict[str, object] = {"allow_private": True, "timeout": 2.0, **kwargs}
    return fetch(site.url(path), **options)  # type: ignore[arg-type]


def refusal(site: LoopbackServer, path: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        get(site, path, **kwargs)
    return caught.value


def test_a_page_is_fetched_as_majlis_with_its_validators(site: LoopbackServer) -> None:
    site.route(
        "/feed",
        Reply(
            "<rss/>",
            content_type="application/rss+xml",
            headers={"ETag": '"v1"', "Last-Modified": "Thu, 02 May 2024 10:00:00 GMT"},
        ),
    )
    response = get(site, "/feed")
    assert (response.status, response.text, response.not_modified) == (200, "<rss/>", False)
    assert (response.etag, response.last_modified) == ('"v1"', "Thu, 02 May 2024 10:00:00 GMT")
    assert response.headers["content-type"] == "application/rss+xml"
    assert site.requests[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT == "Majlis/0.1 (+https://majlis.invalid/bot; community listening)"


def test_the_user_agent_and_accept_header_can_be_chosen(site: LoopbackServer) -> None:
    site.route("/api", Reply("{}"))
    get(site, "/api", user_agent="Majlis-test/1", accept="application/json")
    assert site.requests[0].headers["user-agent"] == "Majlis-test/1"
    assert site.requests[0].headers["accept"] == "application/json"


def test_an_unchanged_feed_answers_not_modified_and_keeps_its_validators(
    site: LoopbackServer,
) -> None:
    def conditional(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(status=304)
        return Reply("<rss/>", headers={"ETag": '"v1"'})

    site.route("/feed", conditional)
    response = get(site, "/feed", etag='"v1"', last_modified="Thu, 02 May 2024 10:00:00 GMT")
    assert (response.not_modified, response.body, response.etag) == (True, b"", '"v1"')
    assert response.last_modified == "Thu, 02 May 2024 10:00:00 GMT"
    assert site.requests[0].headers["if-modified-since"] == "Thu, 02 May 2024 10:00:00 GMT"


def test_redirects_are_followed_and_the_final_address_is_reported(site: LoopbackServer) -> None:
    site.route("/old", Reply.redirect("/newer", status=301))
    site.route("/newer", Reply.redirect(site.url("/feed"), status=308))
    site.route("/feed", Reply("ici"))
    response = get(site, "/old")
    assert (response.url_final, response.text) == (site.url("/feed"), "ici")


def test_a_redirect_loop_is_named_a_loop(site: LoopbackServer) -> None:
    site.route("/a", Reply.redirect("/b"))
    site.route("/b", Reply.redirect("/a"))
    error = refusal(site, "/a")
    assert error.reason == "redirect_loop"
    assert error.message == f"The address redirects in a loop (back to {site.url('/a')})."


def test_more_than_five_redirects_are_not_followed(site: LoopbackServer) -> None:
    for hop in range(7):
        site.route(f"/hop{hop}", Reply.redirect(f"/hop{hop + 1}"))
    error = refusal(site, "/hop0")
    assert error.reason == "too_many_redirects"
    assert site.hits("/hop5") == 1
    assert site.hits("/hop6") == 0


def test_a_redirect_to_another_host_does_not_carry_the_credentials(site: LoopbackServer) -> None:
    with serve() as other:
        other.route("/landing", Reply("ok"))
        site.route("/api", Reply.redirect(other.url("/landing")))
        get(site, "/api", headers={"Authorization": "Bearer secret"})
        assert site.requests[0].headers["authorization"] == "Bearer secret"
        assert "authorization" not in other.requests[0].headers


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "answered 404 (Not Found)."), (500, "answered 500 (Internal Server Error).")],
)
def test_an_error_status_is_an_http_error_with_the_status(
    site: LoopbackServer, status: int, message: str
) -> None:
    site.route("/feed", Reply("oops", status=status))
    error = refusal(site, "/feed")
    assert (error.reason, error.status) == ("http_error", status)
    assert error.message == f"127.0.0.1 {message}"


def test_an_error_status_can_be_read_when_the_caller_wants_its_body(site: LoopbackServer) -> None:
    site.route("/xrpc", Reply('{"error": "ExpiredToken"}', status=400))
    response = get(site, "/xrpc", raise_for_status=False)
    assert (response.status, response.json()) == (400, {"error": "ExpiredToken"})


def test_a_server_that_sleeps_times_out_quickly(site: LoopbackServer) -> None:
    site.route("/slow", Reply("late", delay=5))
    started = time.monotonic()
    error = refusal(site, "/slow", timeout=0.3)
    assert (error.reason, error.message) == (
        "timeout",
        "127.0.0.1 did not answer within 0.3 seconds.",
    )
    assert time.monotonic() - started < 1.5


def test_a_server_that_drips_its_body_is_cut_off_by_the_overall_timeout(
    site: LoopbackServer,
) -> None:
    site.route("/drip", Reply(drip=0.05))
    started = time.monotonic()
    assert refusal(site, "/drip", timeout=0.4).reason == "timeout"
    assert time.monotonic() - started < 1.5


def test_an_endless_body_is_refused_at_the_size_cap(site: LoopbackServer) -> None:
    site.route("/huge", Reply(endless=True))
    error = refusal(site, "/huge", max_bytes=1_000_000)
    assert error.reason == "too_large"
    assert error.message == "127.0.0.1 sent more than 1,000,000 bytes; Majlis stops reading there."


def test_a_declared_length_above_the_cap_is_refused_before_reading(site: LoopbackServer) -> None:
    site.route("/big", Reply(b"x" * 2_000))
    assert refusal(site, "/big", max_bytes=1_000).reason == "too_large"


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
    ],
)
def test_compressed_bodies_are_decoded(
    site: LoopbackServer, encoding: str, compress: object
) -> None:
    body = "Atlas Telecom — réseau".encode() * 100
    site.route("/feed", Reply(compress(body), headers={"Content-Encoding": encoding}))  # type: ignore[operator]
    assert get(site, "/feed").body == body
    assert site.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_a_gzip_bomb_is_stopped_at_the_cap_on_decoded_bytes(site: LoopbackServer) -> None:
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)
    assert len(bomb) < 40_000
    site.route("/bomb", Reply(bomb, headers={"Content-Encoding": "gzip"}))
    error = refusal(site, "/bomb", max_bytes=1_000_000)
    assert error.reason == "too_large"


def test_a_damaged_gzip_body_is_a_bad_response(site: LoopbackServer) -> None:
    site.route("/feed", Reply(b"\x1f\x8bnot really gzip", headers={"Content-Encoding": "gzip"}))
    error = refusal(site, "/feed")
    assert error.reason == "bad_response"
    assert "compressed but damaged" in error.message


def test_a_closed_port_is_a_connection_failure() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2.0)
    assert caught.value.reason == "connection_failed"
    assert caught.value.message.startswith("Could not read from 127.0.0.1:")
