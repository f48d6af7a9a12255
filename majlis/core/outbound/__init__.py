"""The one guard for every address a user gives Majlis.

Feeds and pages (listening), a site's webhook (moderation), an alert's chat webhook (insights)
and a social network's API (publishing) all leave through here: a host is resolved once, every
address it resolves to must be public unless the operator allows private ones
(MAJLIS_ALLOW_PRIVATE_URLS), and the connection goes to exactly those addresses, redirects
re-checked hop by hop. Each app wraps the errors below in its own, with its own words.
"""

from majlis.core.outbound.addresses import (
    BAD_PORTS,
    IPAddress,
    Resolver,
    ip_literal,
    is_local_name,
    is_public,
    vet,
)
from majlis.core.outbound.decoding import ACCEPT_ENCODING, Decoder, Overflow
from majlis.core.outbound.errors import (
    ForbiddenTarget,
    OutboundError,
    PrivateAddress,
    Refused,
    TooLarge,
    UndecodableAnswer,
    UnknownHost,
)
from majlis.core.outbound.transport import (
    Dial,
    Failure,
    GuardedTransport,
    client,
    default_ssl_context,
)

__all__ = [
    "ACCEPT_ENCODING",
    "BAD_PORTS",
    "Decoder",
    "Dial",
    "Failure",
    "ForbiddenTarget",
    "GuardedTransport",
    "IPAddress",
    "OutboundError",
    "Overflow",
    "PrivateAddress",
    "Refused",
    "Resolver",
    "TooLarge",
    "UndecodableAnswer",
    "UnknownHost",
    "client",
    "default_ssl_context",
    "ip_literal",
    "is_local_name",
    "is_public",
    "vet",
]
