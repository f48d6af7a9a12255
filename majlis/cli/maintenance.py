from __future__ import annotations

import argparse

from django.conf import settings
from django.core.management import call_command

from majlis.cli.serve import prepare


def migrate(args: argparse.Namespace) -> int:
    call_command("migrate", interactive=False)
    return 0


def setup(args: argparse.Namespace) -> int:
    prepare(demo=settings.DEMO)
    return 0
