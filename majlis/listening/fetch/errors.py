"""Why a fetch failed: one reason code a program can act on, one sentence a person can read."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    BAD_URL = "bad_url"
    UNSUPPORTED_SCHEME = "unsupported_scheme"
    BLOCKED_ADDRESS = "blocked_address"
    CONNECTION_FAILED = "connection_failed"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    REDIRECT_LOOP = "redirect_loop"
    HTTP_ERROR = "http_error"
    BAD_RESPONSE = "bad_response"
    ROBOTS_DISALLOWED = "robots_disallowed"
    RATE_LIMITED = "rate_limited"
    HOST_BUSY = "host_busy"
    HOSTILE_XML = "hostile_xml"
    PARSE_ERROR = "parse_error"
    NOT_A_FEED = "not_a_feed"
    AUTH_FAILED = "auth_failed"


class FetchError(Exception):
    """A source could not be read. `message` is plain English, ready for the source's page."""

    def __init__(
        self,
        reason: Reason | str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = Reason(reason)
        self.message = message
        self.status = status
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"FetchError({self.reason.value!r}, {self.message!r})"
