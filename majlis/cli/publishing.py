"""`majlis compose-check`: count a text as a network counts it."""

from __future__ import annotations

import argparse
import json
import sys

from majlis.cli.errors import InputError


def compose_check(args: argparse.Namespace) -> int:
    from majlis.publishing.rules import check

    text = args.text if args.text is not None else sys.stdin.read()
    if args.text is None and text.endswith("\n"):
        text = text[:-1]  # the newline that ends what a shell pipes in is not part of the post
    try:
        result = check(args.network, text, args.limit)
    except ValueError as error:
        raise InputError(str(error)) from None
    print(json.dumps(result, ensure_ascii=False))
    return 0
