"""Storing each item once: canonical URLs, content hashes and near-duplicate clusters."""

from __future__ import annotations

from majlis.text.dedupe.content import content_hash
from majlis.text.dedupe.near import NearDuplicateIndex, as_bytes, signature, signature_rows
from majlis.text.dedupe.urls import canonical_url, fragment_names_item

__all__ = [
    "NearDuplicateIndex",
    "as_bytes",
    "canonical_url",
    "content_hash",
    "fragment_names_item",
    "signature",
    "signature_rows",
]
