"""Which addresses Majlis may connect to, decided on the resolved IP, never on the name.

The one rule for every address a user gives: web pages and feeds, mailboxes, webhooks, the API
of a social network. Loopback, private, link-local, shared (100.64/10), multicast, reserved and
unspecified addresses are refused unless the operator allows them (MAJLIS_ALLOW_PRIVATE_URLS).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import unquote

from majlis.core.outbound.errors import ForbiddenTarget, PrivateAddress, UnknownHost

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Same shape as socket.getaddrinfo(host, port): tests pass a function that maps names themselves.
Resolver = Callable[[str, int], Sequence[tuple[Any, ...]]]

# Ports that browsers refuse to fetch (the Fetch standard's "bad ports"): mail, shell, DNS...
# A web address pointing there is a probe, not a web service.
BAD_PORTS = frozenset(
    {
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
        101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161,
        179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563,
        587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 5060, 5061,
        6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080,
    }
)  # fmt: skip

# The well-known NAT64 prefix (RFC 6052): an IPv6-only host reaches IPv4 sites through it, so
# such an address is judged by the IPv4 address it carries.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Hosts such as 0x7f.1, 2130706433 or 0177.0.0.1 are IPv4 addresses to the C resolver.
_NUMERIC_HOST = re.compile(r"^[0-9a-fA-FxX.]+$")


def ip_literal(host: str) -> IPAddress | None:
    """The address a host names by itself, in any of the forms a resolver would accept."""
    text = unquote(host.strip("[]"))  # a zone id arrives percent-encoded: fe80::1%25eth0
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not _NUMERIC_HOST.match(text):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except OSError:
        return None


def is_local_name(host: str) -> bool:
    """localhost and its subdomains always mean this machine (RFC 6761, 6.3), whatever DNS says."""
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(ip: IPAddress) -> bool:
    """True for an address on the public internet: not loopback, private, link-local..."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and (ip.ipv4_mapped is not None or ip in _NAT64):
            return is_public(embedded)  # the IPv4 address is where the packets go
        if embedded is not None and not is_public(embedded):
            return False
        if ip.is_site_local:
            return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_target(scheme: str, host: str, port: int) -> None:
    """Refuse what no user-given address may point at, before any name is resolved."""
    if scheme not in ("http", "https"):
        raise ForbiddenTarget(host, "only http:// and https:// addresses are reached")
    if not host:
        raise ForbiddenTarget(host, "the address names no host")
    if not 0 < port < 65536 or port in BAD_PORTS:
        raise ForbiddenTarget(host, f"port {port} is not a web port")


def _resolved(host: str, port: int, resolve: Resolver) -> list[IPAddress]:
    try:
        infos = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise UnknownHost(host, str(exc)) from exc
    found: list[IPAddress] = []
    for info in infos:
        try:
            ip = ipaddress.ip_address(str(info[4][0]))
        except ValueError:
            continue
        if ip not in found:
            found.append(ip)
    return found


def vet(host: str, port: int, *, allow_private: bool, resolve: Resolver) -> list[str]:
    """Every address of `host`, resolved once and refused as a whole if any is not public.

    The caller connects to these exact addresses, so a second DNS answer cannot swap them.
    """
    if not allow_private and is_local_name(host):
        raise PrivateAddress(host, "")
    literal = ip_literal(host)
    addresses = [literal] if literal is not None else _resolved(host, port, resolve)
    if not addresses:
        raise UnknownHost(host)
    if not allow_private:
        for ip in addresses:
            if not is_public(ip):
                raise PrivateAddress(host, str(ip))
    return [str(ip) for ip in addresses]
