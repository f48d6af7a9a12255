"""Compressed files read whole (a .xml.gz sitemap); answers are decoded by the core's Decoder."""

from __future__ import annotations

from majlis.core.outbound import Decoder, Overflow, UndecodableAnswer
from majlis.listening.fetch.errors import FetchError, Reason


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Inflate a gzip file without letting it grow past `max_bytes`."""
    try:
        return Decoder("gzip").feed(data, max_bytes)
    except Overflow as exc:
        raise FetchError(
            Reason.TOO_LARGE, f"The compressed file inflates past {max_bytes:,} bytes."
        ) from exc
    except UndecodableAnswer as exc:
        raise FetchError(Reason.BAD_RESPONSE, exc.message) from exc
