"""Content-Encoding, decoded by hand so a size cap applies to what comes out, not what goes in.

A gzip bomb is a few kilobytes on the wire and gigabytes once inflated: zlib is told never to
produce more than the bytes we still accept.
"""

from __future__ import annotations

import zlib

from majlis.core.outbound.errors import UndecodableAnswer

ACCEPT_ENCODING = "gzip, deflate"
_GZIP = 16 + zlib.MAX_WBITS


class Overflow(Exception):
    """More bytes came out than the caller accepts."""


class Decoder:
    def __init__(self, content_encoding: str, host: str = "") -> None:
        encoding = content_encoding.strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise UndecodableAnswer(
                host, f"The answer is encoded as {encoding!r}, which Majlis does not read."
            )
        self.host = host
        self.identity = encoding in ("", "identity")
        self._deflate = encoding == "deflate"
        self._inflater: zlib._Decompress | None = None

    def _start(self, data: bytes) -> zlib._Decompress:
        if not self._deflate:
            return zlib.decompressobj(_GZIP)
        # "deflate" is zlib-wrapped by the standard and raw deflate on some servers.
        zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes for `data`; raises Overflow past `room` bytes."""
        if self.identity:
            if len(data) > room:
                raise Overflow
            return data
        try:
            return self._inflate(data, room)
        except zlib.error as exc:
            raise UndecodableAnswer(
                self.host, f"The answer is compressed but damaged ({exc})."
            ) from exc

    def _inflate(self, data: bytes, room: int) -> bytes:
        if self._inflater is None:
            self._inflater = self._start(data)
        out = b""
        while data:
            chunk = self._inflater.decompress(data, room - len(out) + 1)
            out += chunk
            if len(out) > room:
                raise Overflow
            data = self._inflater.unconsumed_tail
            if self._inflater.eof and self._inflater.unused_data and not self._deflate:
                # Concatenated gzip members are one stream (RFC 1952, section 2.2).
                data = self._inflater.unused_data
                self._inflater = zlib.decompressobj(_GZIP)
        return out
