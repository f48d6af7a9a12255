"""Exact-match overrides: a text a workspace corrected gets the label it was given, always."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from majlis.text.sentiment.preprocess import fold, tokenize

LABELS = ("negative", "neutral", "positive")


def correction_key(text: str) -> str:
    """Case, accents, links, users and spacing do not make a corrected text a different one."""
    return " ".join(tokenize(fold(text)))


def override_table(
    base: Mapping[str, str], corrections: Iterable[tuple[str, str]]
) -> dict[str, str]:
    table = dict(base)
    for text, label in corrections:
        if label not in LABELS:
            raise ValueError(f"unknown sentiment label {label!r}; expected one of {LABELS}")
        table[correction_key(text)] = label
    return table
