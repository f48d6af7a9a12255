"""Why an outbound request was stopped. Each app turns these into its own errors and words."""

from __future__ import annotations


class OutboundError(Exception):
    """`host` is the name as the user gave it; `message` is plain English, for logs."""

    def __init__(self, host: str, message: str) -> None:
        super().__init__(message)
        self.host = host
        self.message = message


class Refused(OutboundError):
    """The address may never be reached: asking again will not help."""


class PrivateAddress(Refused):
    """The host is, or resolves to, an address off the public internet.

    `address` is the offending IP, or "" for a name that is local by definition (localhost).
    `message` is a clause the apps build their sentence on: "x resolves to a private address".
    """

    def __init__(self, host: str, address: str) -> None:
        shown = f" ({address})" if address and address != host else ""
        super().__init__(host, f"{host} resolves to a private address{shown}")
        self.address = address


class ForbiddenTarget(Refused):
    """A scheme other than http(s), or a port of another protocol (mail, shell, DNS...)."""


class UnknownHost(OutboundError):
    """The name could not be resolved; `detail` is the resolver's reason, "" for no address."""

    def __init__(self, host: str, detail: str = "") -> None:
        message = f"{host} could not be resolved ({detail})" if detail else f"{host} has no address"
        super().__init__(host, message)
        self.detail = detail


class TooLarge(OutboundError):
    def __init__(self, host: str, limit: int) -> None:
        super().__init__(host, f"{host} sent more than {limit:,} bytes")
        self.limit = limit


class UndecodableAnswer(OutboundError):
    """Compressed in a way Majlis does not read, or damaged."""
