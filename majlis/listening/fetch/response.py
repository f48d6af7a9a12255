"""What a guarded fetch returns."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from majlis.listening.fetch.charset import decode_text
from majlis.listening.fetch.errors import FetchError, Reason


@dataclass(frozen=True)
class FetchResponse:
    url_final: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @cached_property
    def text(self) -> str:
        """The body as text (see charset.decode_text for how the encoding is chosen)."""
        return decode_text(self.body, self.content_type)

    def json(self) -> Any:
        try:
            return json.loads(self.text)
        except (ValueError, RecursionError) as exc:
            raise FetchError(
                Reason.PARSE_ERROR, f"{self.url_final} did not answer with valid JSON ({exc})."
            ) from exc
