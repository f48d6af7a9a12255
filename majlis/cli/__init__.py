"""The `majlis` command: everything an operator or analyst does from a shell."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from majlis.cli.errors import InputError

Command = Callable[[argparse.Namespace], int]


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "majlis.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    from majlis.cli import commands

    parser = argparse.ArgumentParser(prog="majlis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "manage":
        _django()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["majlis manage", *args_list[1:]])
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    if getattr(args, "needs_django", True):
        _django()
    handler: Command = args.handler
    try:
        return handler(args)
    except InputError as error:
        print(f"majlis {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
