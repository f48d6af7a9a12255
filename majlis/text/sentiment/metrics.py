"""Macro-F1 per language on the dev sets, computed with numpy so evaluating needs no sklearn."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from majlis.text.sentiment.data import Example

# The figure a user compares across languages; MAC's MSA slice is reported apart from UMSAB's.
GROUPS: dict[str, Callable[[Example], bool]] = {
    "ar": lambda e: e.lang == "ar" and e.source == "umsab",
    "fr": lambda e: e.lang == "fr",
    "en": lambda e: e.lang == "en",
    "ary": lambda e: e.lang == "ary",
    "ary-Latn": lambda e: e.lang == "ary-Latn",
    "ar (MAC, MSA)": lambda e: e.lang == "ar" and e.source == "mac",
}


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Mean F1 over the labels present in `gold` (MYC has no neutral: predicting it is a miss)."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def per_group(examples: Iterable[Example], predicted: Iterable[str]) -> dict[str, dict[str, float]]:
    """{"fr": {"macro_f1": 66.1, "n": 324}, ...} in percent, for the groups that have examples."""
    pairs: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for example, label in zip(examples, predicted, strict=True):
        for name, belongs in GROUPS.items():
            if belongs(example):
                pairs[name][0].append(example.label)
                pairs[name][1].append(label)
    return {
        name: {"macro_f1": round(100 * macro_f1(*pairs[name]), 1), "n": len(pairs[name][0])}
        for name in GROUPS
        if name in pairs
    }
