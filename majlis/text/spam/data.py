"""Read the labelled comments the model is trained and evaluated on (training only)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    author: str
    is_spam: bool


def load_youtube(data_dir: Path) -> dict[str, list[Example]]:
    """The YouTube Spam Collection, one list per video, keyed by file name ("Youtube01-Psy")."""
    videos: dict[str, list[Example]] = {}
    for path in sorted(data_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines if line.strip()]
        videos[path.stem] = [
            Example(row["text"], row.get("author", ""), row["label"] == "spam") for row in rows
        ]
    if len(videos) < 2:
        raise ValueError(f"{data_dir} holds {len(videos)} video file(s); leave-one-out needs 2+")
    return videos


def load_texts(path: Path) -> list[str]:
    """The `text` of every line of a JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]
