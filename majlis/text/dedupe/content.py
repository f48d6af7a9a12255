"""A fingerprint of what a text says, blind to case, accents, spacing and punctuation."""

from __future__ import annotations

import hashlib

import regex

from majlis.text.normalize import normalize
from majlis.text.tokens import words

# Links differ between copies of one post (shorteners, tracking), and a repost adds "RT @name:".
_LINK = regex.compile(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
_REPOST_MARK = regex.compile(r"^\s*RT\s+@[\w.]+:?\s*")


def content_words(text: str) -> list[str]:
    """The normalized words of a text, links and a leading repost mark left out."""
    return words(normalize(_LINK.sub(" ", _REPOST_MARK.sub("", text))))


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalized words: equal for texts that differ only in case,
    accents, Arabic letter variants, spacing, punctuation or links.

    Stored with each item, so a change to `normalize` changes hashes: re-hash on upgrade.
    """
    return hashlib.sha256(" ".join(content_words(text)).encode("utf-8")).hexdigest()
