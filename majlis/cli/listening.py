"""`majlis import`: files of mentions through the whole listening path."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from majlis.cli.errors import InputError
from majlis.cli.jsonl import open_input, read_objects, write
from majlis.core.models import Workspace
from majlis.listening.connectors.dates import published as not_after_now
from majlis.listening.connectors.text import MAX_TEXT


def _check_row(number: int, obj: dict[str, Any]) -> dict[str, Any]:
    where = f"line {number}"
    if not obj["text"].strip():
        raise InputError(f"{where}: 'text' is empty")
    # Connectors cut longer texts; an import is refused instead, so nothing is lost unseen.
    if len(obj["text"]) > MAX_TEXT:
        raise InputError(
            f"{where}: 'text' has {len(obj['text']):,} characters; the limit is {MAX_TEXT:,}"
        )
    parts = urlsplit(obj["url"])
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(f"{where}: 'url' must be an http(s) address, not {obj['url'][:80]!r}")
    return {**obj, "published_at": _published_at(where, obj["published_at"])}


def _published_at(where: str, value: str) -> str:
    try:
        published = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{where}: 'published_at' must be an ISO 8601 date, not {value[:40]!r}"
        ) from None
    if published.tzinfo is None:
        raise InputError(f"{where}: 'published_at' needs a time zone (e.g. +01:00 or Z)")
    # As connectors do: a date in the future would keep the mention at the top of the stream.
    try:
        clamped = not_after_now(published)
    except OverflowError:
        raise InputError(f"{where}: 'published_at' is out of range") from None
    return value if clamped == published else clamped.isoformat()


def import_mentions(args: argparse.Namespace) -> int:
    from majlis.listening.ingest import ingest_rows

    workspace = Workspace.objects.filter(slug=args.workspace).first()
    if workspace is None:
        raise InputError(f"no workspace {args.workspace!r}")
    # Read and check the whole file first: a bad line stops the import before anything is stored.
    with open_input(args.file) as handle:
        fields = ("text", "url", "published_at")
        rows = [_check_row(n, obj) for n, obj in read_objects(handle, args.file, required=fields)]
    statuses = ingest_rows(workspace, rows, source_label="import")
    for row, status in zip(rows, statuses, strict=True):
        write({"url": row["url"], "status": status})
    return 0
