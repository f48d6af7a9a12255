"""The core guard (majlis.core.outbound), in the listening app's words: refusals as FetchError."""

from __future__ import annotations

from majlis.core import outbound
from majlis.core.outbound import Resolver, ip_literal
from majlis.core.outbound import is_public as is_public_address
from majlis.listening.fetch.errors import FetchError, Reason

__all__ = ["Resolver", "fetch_error", "ip_literal", "is_public_address", "vetted_addresses"]


def fetch_error(error: outbound.OutboundError) -> FetchError:
    """The FetchError, with its reason and sentence, for a request the core guard stopped."""
    host = error.host
    if isinstance(error, outbound.PrivateAddress):
        return FetchError(
            Reason.BLOCKED_ADDRESS,
            f"{error.message}; Majlis only reads public addresses unless an operator allows "
            "private ones.",
        )
    if isinstance(error, outbound.UnknownHost):
        if error.detail:
            message = f"The name {host} could not be resolved ({error.detail})."
        else:
            message = f"The name {host} has no address."
        return FetchError(Reason.CONNECTION_FAILED, message)
    if isinstance(error, outbound.TooLarge):
        return FetchError(
            Reason.TOO_LARGE,
            f"{host} sent more than {error.limit:,} bytes; Majlis stops reading there.",
        )
    if isinstance(error, outbound.ForbiddenTarget):
        return FetchError(
            Reason.BAD_URL, f"Majlis does not connect to this address: {error.message}."
        )
    return FetchError(Reason.BAD_RESPONSE, error.message)


def vetted_addresses(host: str, port: int, *, resolve: Resolver, allow_private: bool) -> list[str]:
    """Every address of `host`, refused as a whole if any of them is not public (see vet)."""
    try:
        return outbound.vet(host, port, allow_private=allow_private, resolve=resolve)
    except outbound.OutboundError as error:
        raise fetch_error(error) from error
