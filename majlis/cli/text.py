"""`majlis match` and `majlis classify`: the text engine over JSON Lines, no database needed."""

from __future__ import annotations

import argparse

from majlis.cli.errors import InputError
from majlis.cli.jsonl import Progress, open_input, read_objects, write

# Documents matched at once by `majlis match`.
_BATCH = 500


def match(args: argparse.Namespace) -> int:
    from majlis.text.matcher import CompiledMatcher, Document
    from majlis.text.query import QuerySyntaxError, parse_query

    queries: list[tuple[str, str]] = []
    first_line: dict[str, int] = {}
    with open_input(args.queries) as handle:
        for number, obj in read_objects(handle, "queries", required=("id", "query")):
            # Ids are compared as text: 7 and "7" would be merged in the output.
            seen = first_line.setdefault(str(obj["id"]), number)
            if seen != number:
                raise InputError(
                    f"queries line {number}: query {obj['id']!r}: duplicate id "
                    f"(already on line {seen})"
                )
            try:
                parse_query(obj["query"])
            except QuerySyntaxError as error:
                raise InputError(
                    f"queries line {number}: query {obj['id']!r}: {error.message} "
                    f"at character {error.position}"
                ) from None
            queries.append((str(obj["id"]), obj["query"]))
    matcher = CompiledMatcher.build(queries)
    progress = Progress("documents")
    pending: list[tuple[object, Document]] = []

    def flush() -> None:
        found = matcher.match_many([doc for _, doc in pending])
        for (doc_id, _), matches in zip(pending, found, strict=True):
            write({"id": doc_id, "matches": matches})
            progress.tick()
        pending.clear()

    # Documents are matched in batches (much faster per document); the lines read before a
    # malformed one are still answered before the error.
    try:
        with open_input(args.docs) as handle:
            for _number, obj in read_objects(handle, "docs", required=("id", "text")):
                doc = Document(
                    id=str(obj["id"]),
                    text=obj["text"],
                    title=obj.get("title") or "",
                    url=obj.get("url") or "",
                    author=obj.get("author") or "",
                    lang=obj.get("lang") or "",
                )
                pending.append((obj["id"], doc))
                if len(pending) == _BATCH:
                    flush()
    finally:
        flush()
    progress.done()
    return 0


def classify(args: argparse.Namespace) -> int:
    progress = Progress("texts")
    with open_input(args.file) as handle:
        rows = read_objects(handle, args.file or "stdin", required=("id", "text"))
        if args.task == "language":
            from majlis.text.langid import detect_language

            for _number, obj in rows:
                write({"id": obj["id"], "lang": detect_language(obj["text"])})
                progress.tick()
        else:
            from majlis.text.langid import detect_language
            from majlis.text.sentiment import classify_sentiment

            for _number, obj in rows:
                lang = obj.get("lang") or detect_language(obj["text"])
                label, score = classify_sentiment(obj["text"], lang)
                write({"id": obj["id"], "label": label, "score": round(score, 4)})
                progress.tick()
    progress.done()
    return 0
