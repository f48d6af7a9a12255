"""Politeness per host: few requests in flight, and silence when a host asks for it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from majlis.listening.fetch import FetchError, HostLimiter, fetch
from tests.listening.http_server import LoopbackServer, Reply, serve


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        yield server


def get(site: LoopbackServer, path: str, limiter: HostLimiter) -> None:
    fetch(site.url(path), allow_private=True, timeout=2.0, limiter=limiter)


def refusal(site: LoopbackServer, path: str, limiter: HostLimiter) -> FetchError:
    with pytest.raises(FetchError) as caught:
        get(site, path, limiter)
    return caught.value


def test_a_429_with_retry_after_holds_the_host_until_then(site: LoopbackServer) -> None:
    site.route("/feed", Reply("slow down", status=429, headers={"Retry-After": "120"}))
    limiter = HostLimiter()
    first = refusal(site, "/feed", limiter)
    assert (first.reason, first.status, first.retry_after) == ("rate_limited", 429, 120.0)
    assert "asked Majlis to slow down" in first.message
    second = refusal(site, "/feed", limiter)
    assert second.reason == "rate_limited"
    assert site.hits("/feed") == 1
    assert 115 < limiter.held_for("127.0.0.1") <= 120


def test_a_503_with_a_retry_after_date_holds_the_host(site: LoopbackServer) -> None:
    later = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 600))
    site.route("/feed", Reply("maintenance", status=503, headers={"Retry-After": later}))
    limiter = HostLimiter()
    assert refusal(site, "/feed", limiter).reason == "rate_limited"
    assert 590 < limiter.held_for("127.0.0.1") <= 600


def test_a_503_without_retry_after_is_an_ordinary_error(site: LoopbackServer) -> None:
    site.route("/feed", Reply("down", status=503))
    limiter = HostLimiter()
    assert refusal(site, "/feed", limiter).reason == "http_error"
    assert limiter.held_for("127.0.0.1") == 0


def test_a_429_with_a_rate_limit_reset_time_holds_until_the_reset(site: LoopbackServer) -> None:
    reset = str(int(time.time()) + 300)  # Bluesky sends the reset as epoch seconds
    site.route("/xrpc", Reply("{}", status=429, headers={"RateLimit-Reset": reset}))
    limiter = HostLimiter()
    assert refusal(site, "/xrpc", limiter).retry_after == pytest.approx(300, abs=2)


def test_an_exhausted_quota_holds_the_host_before_any_429(site: LoopbackServer) -> None:
    site.route(
        "/api",
        Reply("[]", headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "60"}),
    )
    limiter = HostLimiter()
    get(site, "/api", limiter)
    assert refusal(site, "/api", limiter).reason == "rate_limited"


def test_the_hold_ends_when_its_time_is_over() -> None:
    now = [0.0]
    limiter = HostLimiter(clock=lambda: now[0])
    limiter.hold("news.example.ma", 30)
    now[0] = 31.0
    assert limiter.held_for("news.example.ma") == 0


def test_no_more_than_the_limit_of_requests_are_in_flight_per_host(site: LoopbackServer) -> None:
    site.route("/feed", Reply("ok", delay=0.15))
    limiter = HostLimiter(per_host=2)
    threads = [threading.Thread(target=get, args=(site, "/feed", limiter)) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert site.hits("/feed") == 5
    assert site.peak_in_flight == 2


def test_a_host_that_stays_busy_past_the_timeout_is_reported_busy() -> None:
    limiter = HostLimiter(per_host=1)
    with (
        limiter.slot("news.example.ma", timeout=1.0),
        pytest.raises(FetchError) as caught,
        limiter.slot("news.example.ma", timeout=0.05),
    ):
        pass
    assert caught.value.reason == "host_busy"
