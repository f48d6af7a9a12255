"""The one guard for user-given addresses: what it refuses, and where it lets a request go.

Every test stays on loopback: hostile literals are refused before any lookup, public-looking
names are answered by a pretend resolver and dialled on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from majlis.core import outbound
from tests.listening.http_server import LoopbackServer, PublicNetwork, Reply, self_signed, serve

PUBLIC_IP = "93.184.216.34"


def no_dns(host: str, port: int) -> list[tuple[Any, ...]]:
    raise AssertionError(f"{host} was looked up, but a literal or local name needs no DNS")


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route("/feed", Reply("<rss/>", content_type="application/rss+xml"))
        yield server


def refusal(url: str, **options: Any) -> outbound.OutboundError:
    with (
        outbound.client(allow_private=options.pop("allow_private", False), **options) as client,
        pytest.raises(outbound.OutboundError) as caught,
    ):
        client.get(url)
    return caught.value


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"),
        ("http://0.0.0.0/", "0.0.0.0"),  # noqa: S104  (a host to refuse, not an address to bind)
        ("http://[::]/", "::"),
        ("http://2130706433/", "127.0.0.1"),
        ("http://0x7f.1/", "127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[fe80::1%25eth0]/", "fe80::1%eth0"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("http://[fd12:3456::1]/", "fd12:3456::1"),
        ("http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe"),
        ("http://224.0.0.1/", "224.0.0.1"),
    ],
)
def test_hostile_literal_addresses_are_refused_without_a_lookup(url: str, address: str) -> None:
    error = refusal(url, resolve=no_dns)
    assert isinstance(error, outbound.PrivateAddress)
    assert error.address == address


@pytest.mark.parametrize(
    "url", ["http://localhost/", "http://localhost./", "http://api.localhost/"]
)
def test_localhost_names_are_refused_whatever_dns_would_say(url: str) -> None:
    error = refusal(url, resolve=no_dns)
    assert isinstance(error, outbound.PrivateAddress)
    assert error.message == f"{httpx.URL(url).host} resolves to a private address"


def test_an_octal_host_never_leaves_and_reads_as_loopback_to_the_guard() -> None:
    # httpx refuses 0177.0.0.1 as a URL; the C resolver would read it as 127.0.0.1, and so does
    # the guard if such a host ever reaches it another way (a mailbox, a redirect).
    with (
        outbound.client(allow_private=False, resolve=no_dns) as client,
        pytest.raises(httpx.InvalidURL),
    ):
        client.get("http://0177.0.0.1/")
    with pytest.raises(outbound.PrivateAddress) as caught:
        outbound.vet("0177.0.0.1", 80, allow_private=False, resolve=no_dns)
    assert caught.value.address == "127.0.0.1"


def test_a_name_that_resolves_to_loopback_is_refused_before_connecting(
    site: LoopbackServer,
) -> None:
    network = PublicNetwork({"intranet.example.com": "127.0.0.1"})
    error = refusal(site.url("/feed", host="intranet.example.com"), resolve=network.resolve)
    assert error.message == "intranet.example.com resolves to a private address (127.0.0.1)"
    assert site.requests == []


def test_one_private_address_among_public_ones_refuses_the_name() -> None:
    def resolve(host: str, port: int) -> list[tuple[Any, ...]]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_IP, port)),
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fe80::1%1", port, 0, 1)),
        ]

    with pytest.raises(outbound.PrivateAddress) as caught:
        outbound.vet("mixed.example.com", 443, allow_private=False, resolve=resolve)
    assert caught.value.address == "fe80::1%1"


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "41.214.0.1", "2a00:1450:4007::200e", "64:ff9b::808:808"]
)
def test_addresses_on_the_internet_are_public(address: str) -> None:
    # The last is 8.8.8.8 through NAT64, as an IPv6-only host with DNS64 sees every IPv4 site.
    assert outbound.is_public(ipaddress.ip_address(address))


def test_ports_of_other_protocols_are_refused_before_any_lookup() -> None:
    error = refusal("http://mail.example.com:25/", resolve=no_dns)
    assert isinstance(error, outbound.ForbiddenTarget)
    assert error.message == "port 25 is not a web port"


def test_a_name_is_looked_up_once_and_reached_at_the_address_checked(site: LoopbackServer) -> None:
    # Nothing on this machine resolves news.example.com: the request can only have gone to the
    # address the guard vetted, with the name in the Host header.
    network = PublicNetwork({"news.example.com": PUBLIC_IP})
    with outbound.client(allow_private=False, resolve=network.resolve, dial=network.dial) as client:
        response = client.get(site.url("/feed", host="news.example.com"))
    assert response.text == "<rss/>"
    assert network.lookups == ["news.example.com"]
    assert site.requests[0].headers["host"] == f"news.example.com:{site.port}"


def test_a_redirect_to_loopback_is_refused_at_its_hop(site: LoopbackServer) -> None:
    site.route("/moved", Reply.redirect(site.url("/admin")))
    network = PublicNetwork({"news.example.com": PUBLIC_IP})
    error = refusal(
        site.url("/moved", host="news.example.com"),
        follow_redirects=True,
        resolve=network.resolve,
        dial=network.dial,
    )
    assert error.message == "127.0.0.1 resolves to a private address"
    assert [seen.path for seen in site.requests] == ["/moved"]


def test_every_hop_is_resolved_again_so_a_name_rebound_to_loopback_is_refused(
    site: LoopbackServer,
) -> None:
    site.route("/moved", Reply.redirect("/feed"))
    network = PublicNetwork({"news.example.com": [PUBLIC_IP, "127.0.0.1"]})
    error = refusal(
        site.url("/moved", host="news.example.com"),
        follow_redirects=True,
        resolve=network.resolve,
        dial=network.dial,
    )
    assert error.message == "news.example.com resolves to a private address (127.0.0.1)"
    assert [seen.path for seen in site.requests] == ["/moved"]


def test_a_redirect_to_a_file_address_is_refused(site: LoopbackServer) -> None:
    site.route("/moved", Reply.redirect("file:///etc/passwd"))
    error = refusal(site.url("/moved"), allow_private=True, follow_redirects=True)
    assert isinstance(error, outbound.ForbiddenTarget)


def test_https_goes_to_the_checked_address_but_verifies_the_name(tmp_path: Path) -> None:
    certificate = self_signed(tmp_path, "secure.example.ma")
    network = PublicNetwork({"secure.example.ma": PUBLIC_IP, "other.example.ma": PUBLIC_IP})
    options = {"resolve": network.resolve, "dial": network.dial, "verify": certificate.client}
    with serve(certificate.server) as secure:
        secure.route("/feed", Reply("chiffré"))
        with outbound.client(allow_private=False, **options) as client:  # type: ignore[arg-type]
            assert client.get(secure.url("/feed", host="secure.example.ma")).text == "chiffré"
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                client.get(secure.url("/feed", host="other.example.ma"))


def test_the_operator_setting_lets_loopback_through(site: LoopbackServer, settings: Any) -> None:
    settings.ALLOW_PRIVATE_URLS = True
    with outbound.client() as client:
        assert client.get(site.url("/feed")).status_code == 200
        assert client.get(site.url("/feed", host="localhost")).status_code == 200
    settings.ALLOW_PRIVATE_URLS = False
    assert isinstance(refusal(site.url("/feed"), allow_private=None), outbound.PrivateAddress)
    assert len(site.requests) == 2


def test_each_app_raises_its_own_error_in_its_own_words() -> None:
    def failure(error: outbound.OutboundError) -> Exception:
        return ValueError(f"{error.message}; refused")

    with (
        outbound.client(allow_private=False, failure=failure) as client,
        pytest.raises(
            ValueError, match=r"^169\.254\.169\.254 resolves to a private address; refused$"
        ),
    ):
        client.post("http://169.254.169.254/hook", json={})


def test_a_gzip_bomb_is_stopped_at_the_cap_on_decoded_bytes(site: LoopbackServer) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    site.route("/bomb", Reply(bomb, headers={"Content-Encoding": "gzip"}))
    error = refusal(site.url("/bomb"), allow_private=True, max_bytes=100_000)
    assert isinstance(error, outbound.TooLarge)
    assert error.message == "127.0.0.1 sent more than 100,000 bytes"


def test_a_compressed_answer_within_the_cap_reads_as_usual(site: LoopbackServer) -> None:
    site.route(
        "/small", Reply(gzip.compress(b'{"ok": true}'), headers={"Content-Encoding": "gzip"})
    )
    with outbound.client(allow_private=True, max_bytes=1000) as client:
        assert client.get(site.url("/small")).json() == {"ok": True}


def test_a_body_that_drips_is_cut_off_by_the_time_limit(site: LoopbackServer) -> None:
    site.route("/drip", Reply("x" * 100, drip=0.05))
    with (
        outbound.client(allow_private=True, timeout=0.5) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get(site.url("/drip"))
