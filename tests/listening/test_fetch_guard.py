"""The guard: what Majlis refuses to fetch, and how it keeps a checked address pinned."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from majlis.listening.fetch import FetchError, fetch, is_public_address
from tests.listening.http_server import LoopbackServer, PublicNetwork, Reply, self_signed, serve

PUBLIC_IP = "93.184.216.34"


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route("/feed", Reply("<rss/>", content_type="application/rss+xml"))
        yield server


def refusal(url: str, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, timeout=2.0, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("ftp://ftp.example.com/feed.xml", "ftp"),
        ("javascript:alert(document.cookie)", "javascript"),
        ("gopher://example.com/", "gopher"),
    ],
)
def test_addresses_that_are_not_http_are_refused_naming_their_scheme(url: str, scheme: str) -> None:
    error = refusal(url)
    assert error.reason == "unsupported_scheme"
    assert f"uses {scheme}:" in error.message


@pytest.mark.parametrize(
    "url",
    ["", "   ", "example.com/feed", "//example.com/feed", "http://", "http://%31%32%37.0.0.1/"],
)
def test_an_address_that_is_not_a_full_url_is_a_bad_url(url: str) -> None:
    assert refusal(url).reason == "bad_url"


def test_an_address_with_a_user_name_and_password_is_refused(site: LoopbackServer) -> None:
    error = refusal(f"http://admin:secret@127.0.0.1:{site.port}/feed", allow_private=True)
    assert error.reason == "bad_url"
    assert "user name or password" in error.message
    assert site.requests == []


def test_ports_of_other_protocols_are_refused() -> None:
    error = refusal("http://mail.example.com:25/")
    assert (error.reason, error.message) == (
        "bad_url",
        "Port 25 is not a web port; Majlis does not connect to it.",
    )


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "0x7f.1",
        "2130706433",
        "127.1",
        "0.0.0.0",  # noqa: S104  (a host to refuse, not an address to bind)
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "[fe80::1]",
        "[fc00::1]",
        "[64:ff9b::7f00:1]",
        "[2002:7f00:1::]",
    ],
)
def test_loopback_private_link_local_and_multicast_hosts_are_refused(host: str) -> None:
    error = refusal(f"http://{host}:8080/feed")
    assert error.reason == "blocked_address"
    assert "resolves to a private address" in error.message


def test_an_octal_host_is_refused_as_an_invalid_address() -> None:
    assert refusal("http://0177.0.0.1/").reason == "bad_url"


def test_a_numeric_host_is_named_with_the_address_it_stands_for() -> None:
    assert refusal("http://0x7f.1/").message.startswith(
        "0x7f.1 resolves to a private address (127.0.0.1);"
    )


@pytest.mark.parametrize("address", ["8.8.8.8", "41.214.0.1", "2a00:1450:4007::200e"])
def test_addresses_on_the_internet_are_public(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    site: LoopbackServer,
) -> None:
    network = PublicNetwork({"intranet.example.com": "10.0.0.5"})
    error = refusal(
        site.url("/feed", host="intranet.example.com"), resolve=network.resolve, dial=network.dial
    )
    assert error.reason == "blocked_address"
    assert error.message.startswith("intranet.example.com resolves to a private address (10.0.0.5)")
    assert site.requests == []


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    def resolve(host: str, port: int) -> list[tuple[object, ...]]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_IP, port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    assert refusal("http://mixed.example.com/", resolve=resolve).reason == "blocked_address"


def test_an_unknown_name_is_a_connection_failure_that_names_it() -> None:
    network = PublicNetwork({})
    error = refusal("http://nowhere.example.com/", resolve=network.resolve)
    assert error.reason == "connection_failed"
    assert "nowhere.example.com could not be resolved" in error.message


def test_a_public_name_is_fetched_on_the_address_it_was_checked_at(site: LoopbackServer) -> None:
    # The system resolver cannot find news.example.com here: the connection can only have
    # gone to the address the guard checked, and DNS was asked once.
    network = PublicNetwork({"news.example.com": [PUBLIC_IP, "127.0.0.1"]})
    response = fetch(
        site.url("/feed", host="news.example.com"), resolve=network.resolve, dial=network.dial
    )
    assert response.text == "<rss/>"
    assert network.lookups == ["news.example.com"]
    assert site.requests[0].headers["host"] == f"news.example.com:{site.port}"


def test_a_redirect_to_loopback_is_refused_when_private_addresses_are_not_allowed(
    site: LoopbackServer,
) -> None:
    site.route("/moved", Reply.redirect(site.url("/admin")))
    network = PublicNetwork({"news.example.com": PUBLIC_IP})
    error = refusal(
        site.url("/moved", host="news.example.com"), resolve=network.resolve, dial=network.dial
    )
    assert error.reason == "blocked_address"
    assert error.message.startswith(f"It redirects to {site.url('/admin')}, and 127.0.0.1")
    assert [seen.path for seen in site.requests] == ["/moved"]


def test_every_hop_resolves_again_so_a_name_rebound_to_loopback_is_refused(
    site: LoopbackServer,
) -> None:
    site.route("/moved", Reply.redirect("/feed"))
    network = PublicNetwork({"news.example.com": [PUBLIC_IP, "127.0.0.1"]})
    error = refusal(
        site.url("/moved", host="news.example.com"), resolve=network.resolve, dial=network.dial
    )
    assert error.reason == "blocked_address"
    assert "news.example.com resolves to a private address (127.0.0.1)" in error.message
    assert [seen.path for seen in site.requests] == ["/moved"]


def test_a_redirect_to_a_file_address_is_refused(site: LoopbackServer) -> None:
    site.route("/moved", Reply.redirect("file:///etc/passwd"))
    error = refusal(site.url("/moved"), allow_private=True)
    assert error.reason == "unsupported_scheme"
    assert error.message.startswith("The address redirects somewhere Majlis refuses")


def test_loopback_is_read_when_an_operator_allows_private_addresses(site: LoopbackServer) -> None:
    assert fetch(site.url("/feed"), allow_private=True).status == 200


def test_https_connects_to_the_checked_address_but_verifies_the_name(tmp_path: Path) -> None:
    certificate = self_signed(tmp_path, "secure.example.ma")
    network = PublicNetwork({"secure.example.ma": PUBLIC_IP, "other.example.ma": PUBLIC_IP})
    with serve(certificate.server) as secure:
        secure.route("/feed", Reply("chiffré"))
        response = fetch(
            secure.url("/feed", host="secure.example.ma"),
            resolve=network.resolve,
            dial=network.dial,
            ssl_context=certificate.client,
        )
        error = refusal(
            secure.url("/feed", host="other.example.ma"),
            resolve=network.resolve,
            dial=network.dial,
            ssl_context=certificate.client,
        )
    assert response.text == "chiffré"
    assert error.reason == "connection_failed"
    assert "TLS certificate could not be verified" in error.message
