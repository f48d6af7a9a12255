"""The HTTP client the connectors use: time limits, no redirects, and no private addresses.

An account's API address is typed by a member, so, as for every address a user gives, Majlis
refuses to call loopback, private, link-local or reserved addresses unless the operator allows
them (`MAJLIS_ALLOW_PRIVATE_URLS`, for tests and intranets).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from functools import cache

import httpx
from django.conf import settings
from django.utils.translation import gettext

from majlis.publishing.connectors.base import PermanentError, TransientError

TIMEOUT = httpx.Timeout(20.0, connect=10.0)


class GuardedTransport(httpx.HTTPTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not settings.ALLOW_PRIVATE_URLS:
            refuse_private(request.url.host)
        return super().handle_request(request)


def refuse_private(host: str) -> None:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise TransientError(
            gettext("Cannot find the address of %(host)s.") % {"host": host}
        ) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise PermanentError(
                gettext("%(host)s is a private address; Majlis does not call it.") % {"host": host}
            )


@cache
def _tls() -> ssl.SSLContext:
    # Building a TLS context reads the whole CA bundle: once per process is enough.
    return ssl.create_default_context()


def client() -> httpx.Client:
    return httpx.Client(
        transport=GuardedTransport(verify=_tls()),
        timeout=TIMEOUT,
        follow_redirects=False,
        headers={"User-Agent": f"Majlis (+{settings.SITE_URL})"},
    )
