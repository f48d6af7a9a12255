"""JSON Lines in and out: one output line per input line, errors that name the line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from majlis.cli.errors import InputError


def open_input(path: str | None) -> IO[str]:
    if path in (None, "-"):
        return sys.stdin
    try:
        return Path(path).open(encoding="utf-8")  # type: ignore[arg-type]
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


TEXT_FIELDS = ("text", "title", "url", "author", "lang", "query", "published_at", "source")


def read_objects(
    handle: IO[str], name: str, required: tuple[str, ...] = ("id",)
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; InputError naming the line otherwise.
    Fields we read must be strings when present; fields we do not know are left alone."""
    try:
        for number, line in enumerate(handle, start=1):
            if number == 1:
                # Windows tools start UTF-8 files with a byte order mark; json.loads refuses it.
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{name} line {number}: not JSON ({error.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{name} line {number}: expected a JSON object")
            for key in required:
                if key not in obj:
                    raise InputError(f"{name} line {number}: missing field {key!r}")
            for key, value in obj.items():
                if key in TEXT_FIELDS and value is not None and not isinstance(value, str):
                    raise InputError(f"{name} line {number}: field {key!r} must be a string")
            if "id" in obj and not isinstance(obj["id"], (str, int)):
                raise InputError(f"{name} line {number}: field 'id' must be a string or number")
            yield number, obj
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None


def write(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


class Progress:
    """A count on stderr, only when a person is watching."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.count = 0
        self.shown = sys.stderr.isatty()

    def tick(self) -> None:
        self.count += 1
        if self.shown and self.count % 500 == 0:
            sys.stderr.write(f"\r{self.label}: {self.count}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write(f"\r{self.label}: {self.count}\n")
