"""Read the development data sets (`/work/shared/data` layout) into labelled examples.

MAC and MYC come without a dev split, so a seeded, stratified slice of each is held out here;
the language identifier uses the same slices, so neither model is measured on what it saw.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from majlis.text.dedupe.content import content_words

HELD_OUT_FRACTION = 0.15


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # negative, neutral, positive or mixed (MAC only)
    lang: str  # fr, en, ar, ary or ary-Latn
    source: str  # umsab, mac or myc


@dataclass(frozen=True)
class Splits:
    train: list[Example]
    dev: list[Example]


def has_unlicensed(data_dir: Path) -> bool:
    return (_sentiment_dir(data_dir) / "mac_darija" / "train.jsonl").exists()


def load_splits(data_dir: Path, seed: int = 0, include_unlicensed: bool = True) -> Splits:
    """UMSAB train/val as given; MAC and MYC split train/held-out, stratified and seeded."""
    sentiment = _sentiment_dir(data_dir)
    train: list[Example] = []
    dev: list[Example] = []
    for lang in ("ar", "fr", "en"):
        train.extend(_umsab(sentiment / "umsab" / f"{lang}.train.jsonl", lang))
        dev.extend(_umsab(sentiment / "umsab" / f"{lang}.val.jsonl", lang))
    if include_unlicensed:
        mac = list(_mac(sentiment / "mac_darija" / "train.jsonl"))
        myc = list(_myc(sentiment / "myc_darija" / "train.jsonl"))
        for rows in (mac, myc):
            kept, held = stratified_split(rows, seed)
            train.extend(kept)
            dev.extend(held)
    return Splits(train, dev)


def stratified_split(rows: list[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """Hold out HELD_OUT_FRACTION of each (language, label) stratum, the same for every caller.

    Rows that are the same text once normalized (MYC has a few hundred: "bravo", "😂😂😂")
    stay on one side, so a held-out text was not seen in training under another spelling.
    """
    strata: dict[tuple[str, str], dict[str, list[Example]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        strata[(row.lang, row.label)][" ".join(content_words(row.text)) or row.text].append(row)
    rng = random.Random(seed)
    kept: list[Example] = []
    held: list[Example] = []
    for key in sorted(strata):
        groups = [strata[key][text] for text in sorted(strata[key])]
        rng.shuffle(groups)
        room = round(sum(len(g) for g in groups) * HELD_OUT_FRACTION)
        for group in groups:
            if room > 0:
                held.extend(group)
                room -= len(group)
            else:
                kept.extend(group)
    return kept, held


def _sentiment_dir(data_dir: Path) -> Path:
    """Accept the data folder itself or its `sentiment/` subfolder."""
    return data_dir / "sentiment" if (data_dir / "sentiment").is_dir() else data_dir


def _read(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _umsab(path: Path, lang: str) -> Iterator[Example]:
    for row in _read(path):
        yield Example(row["text"], row["label"], lang, "umsab")


def _mac(path: Path) -> Iterator[Example]:
    for row in _read(path):
        lang = "ary" if row["variety"] == "dialectal" else "ar"
        yield Example(row["text"], row["label"], lang, "mac")


def _myc(path: Path) -> Iterator[Example]:
    for row in _read(path):
        lang = "ary-Latn" if row["script"] == "latin" else "ary"
        yield Example(row["text"], row["label"], lang, "myc")
