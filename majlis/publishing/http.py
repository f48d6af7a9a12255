"""The HTTP client the connectors use: the core guard, time limits, no redirects.

An account's API address is typed by a member, so, as for every address a user gives, Majlis
refuses to call loopback, private, link-local or reserved addresses unless the operator allows
them (`MAJLIS_ALLOW_PRIVATE_URLS`, for tests and intranets), and connects to the very address it
checked (majlis.core.outbound).
"""

from __future__ import annotations

import ssl
from functools import cache

import httpx
from django.conf import settings
from django.utils.translation import gettext

from majlis.core import outbound
from majlis.publishing.connectors.base import PermanentError, TransientError

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_ANSWER = 10_000_000


def refusal(error: outbound.OutboundError) -> Exception:
    """The connector error for a request the guard stopped."""
    host = error.host
    if isinstance(error, outbound.PrivateAddress):
        message = gettext("%(host)s is a private address; Majlis does not call it.")
        return PermanentError(message % {"host": host})
    if isinstance(error, outbound.UnknownHost):
        return TransientError(gettext("Cannot find the address of %(host)s.") % {"host": host})
    reach = gettext("Cannot reach %(host)s: %(error)s") % {"host": host, "error": error.message}
    return PermanentError(reach) if isinstance(error, outbound.Refused) else TransientError(reach)


@cache
def _tls() -> ssl.SSLContext:
    # Building a TLS context reads the whole CA bundle: once per process is enough.
    return ssl.create_default_context()


def client() -> httpx.Client:
    return outbound.client(
        timeout=TIMEOUT,
        max_bytes=MAX_ANSWER,
        verify=_tls(),
        failure=refusal,
        headers={"User-Agent": f"Majlis (+{settings.SITE_URL})"},
    )
