"""The table of `majlis` subcommands: each names its handler; handlers live in their modules."""

from __future__ import annotations

import argparse
from typing import Any


def _lazy(module: str, name: str) -> Any:
    def call(args: argparse.Namespace) -> int:
        import importlib

        handler = getattr(importlib.import_module(module), name)
        result: int = handler(args)
        return result

    return call


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="serve the web UI with a worker and the scheduler")
    p.set_defaults(handler=_lazy("majlis.cli.serve", "run"))

    p = sub.add_parser("worker", help="run queue workers (no periodic tasks)")
    p.add_argument("--workers", type=int, default=0, help="threads (default MAJLIS_WORKERS)")
    p.add_argument("--with-scheduler", action="store_true", help="also run periodic tasks")
    p.set_defaults(handler=_lazy("majlis.cli.serve", "worker"))

    p = sub.add_parser("scheduler", help="run the one scheduler of a scaled-out deployment")
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(handler=_lazy("majlis.cli.serve", "scheduler"))

    p = sub.add_parser("setup", help="migrate; create the administrator and demo on first run")
    p.set_defaults(handler=_lazy("majlis.cli.maintenance", "setup"))

    p = sub.add_parser("migrate", help="bring the database schema up to date")
    p.set_defaults(handler=_lazy("majlis.cli.maintenance", "migrate"))

    p = sub.add_parser("api-token", help="print a new API token for a user")
    p.add_argument("username")
    p.set_defaults(handler=_lazy("majlis.cli.accounts", "api_token"))

    register_workspace(sub)
    sub.add_parser("manage", help="Django's management commands (majlis manage help)")
    _register_text_commands(sub)
    register_publishing(sub)
    register_training(sub)
    register_moderation(sub)


def register_workspace(sub: Any) -> None:
    p = sub.add_parser("workspace", help="create workspaces")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("create", help="a new workspace; prints its slug")
    p.add_argument("--slug", required=True, help="lowercase letters, digits and hyphens")
    p.add_argument("--name", required=True, help="the name shown in the UI")
    p.add_argument(
        "--owner", metavar="LOGIN", help="its first owner's login (default: the only administrator)"
    )
    p.set_defaults(handler=_lazy("majlis.cli.workspaces", "create"))


def _register_text_commands(sub: Any) -> None:
    p = sub.add_parser("match", help="match documents against queries (JSON Lines)")
    p.add_argument("--queries", required=True, help="JSON Lines of {id, query}")
    p.add_argument("--docs", required=True, help="JSON Lines of {id, text, title?, url?, ...}")
    p.set_defaults(handler=_lazy("majlis.cli.text", "match"), needs_django=False)

    p = sub.add_parser("classify", help="language or sentiment of texts (JSON Lines)")
    p.add_argument("task", choices=["language", "sentiment"])
    p.add_argument("file", nargs="?", help="JSON Lines of {id, text} (stdin when absent)")
    p.set_defaults(handler=_lazy("majlis.cli.text", "classify"), needs_django=False)

    p = sub.add_parser("import", help="run a file of mentions through the listening path")
    p.add_argument("--workspace", required=True, help="the workspace's slug")
    p.add_argument("file", help="JSON Lines of {text, url, published_at, ...}")
    p.set_defaults(handler=_lazy("majlis.cli.listening", "import_mentions"))


def register_publishing(sub: Any) -> None:
    p = sub.add_parser("compose-check", help="count a text as a network counts it")
    p.add_argument("--network", required=True, help="x, mastodon, bluesky, threads, linkedin, ...")
    p.add_argument("--limit", type=int, default=None, help="the instance's limit (Mastodon)")
    p.add_argument("text", nargs="?", default=None, help="the text (stdin when absent)")
    p.set_defaults(handler=_lazy("majlis.cli.publishing", "compose_check"), needs_django=False)


def register_training(sub: Any) -> None:
    p = sub.add_parser("train", help="retrain a model from ../shared/data")
    p.add_argument("model", choices=["sentiment", "spam", "langid"])
    p.add_argument("--data", help="the data folder (default: ../shared/data)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ship", action="store_true", help="write into the package, not the data dir")
    p.add_argument(
        "--all-data",
        action="store_true",
        help="sentiment: also train on the Darija sets whose licence is unstated (see model card)",
    )
    p.set_defaults(handler=_lazy("majlis.cli.training", "train"))


def register_moderation(sub: Any) -> None:
    p = sub.add_parser("moderation-key", help="print a new Akismet-protocol key for a site")
    p.add_argument("--workspace", required=True, help="the workspace's slug")
    p.add_argument("--site", required=True, help="the site's address, as Akismet's `blog`")
    p.set_defaults(handler=_lazy("majlis.cli.moderation", "moderation_key"))
