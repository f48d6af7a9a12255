"""Which addresses Majlis may connect to, decided on the resolved IP, never on the name."""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from typing import Any

from majlis.listening.fetch.errors import FetchError, Reason

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Same shape as socket.getaddrinfo(host, port): tests pass a function that maps names themselves.
Resolver = Callable[[str, int], Sequence[tuple[Any, ...]]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Hosts such as 0x7f.1, 2130706433 or 0177.0.0.1 are IPv4 addresses to the C resolver.
_NUMERIC_HOST = re.compile(r"^[0-9a-fA-FxX.]+$")


def ip_literal(host: str) -> IPAddress | None:
    """The address a host names by itself, in any of the forms a resolver would accept."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if not _NUMERIC_HOST.match(host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(ip: IPAddress) -> bool:
    """True for an address on the public internet: not loopback, private, link-local..."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and not is_public_address(embedded):
            return False
        if ip.is_site_local:
            return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _resolved(host: str, port: int, resolve: Resolver) -> list[IPAddress]:
    try:
        infos = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            Reason.CONNECTION_FAILED, f"The name {host} could not be resolved ({exc})."
        ) from exc
    found: list[IPAddress] = []
    for info in infos:
        sockaddr = info[4]
        try:
            ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        except ValueError:
            continue
        if ip not in found:
            found.append(ip)
    return found


def vetted_addresses(host: str, port: int, *, resolve: Resolver, allow_private: bool) -> list[str]:
    """Every address of `host`, refused as a whole if any of them is not public.

    The caller connects to these exact addresses, so a second DNS answer cannot swap them.
    """
    literal = ip_literal(host)
    addresses = [literal] if literal is not None else _resolved(host, port, resolve)
    if not addresses:
        raise FetchError(Reason.CONNECTION_FAILED, f"The name {host} has no address.")
    if not allow_private:
        for ip in addresses:
            if not is_public_address(ip):
                shown = "" if str(ip) == host else f" ({ip})"
                raise FetchError(
                    Reason.BLOCKED_ADDRESS,
                    f"{host} resolves to a private address{shown}; Majlis only reads public "
                    "addresses unless an operator allows private ones.",
                )
    return [str(ip) for ip in addresses]
