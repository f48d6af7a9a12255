from __future__ import annotations

import argparse

from django.contrib.auth import get_user_model

from majlis.cli.errors import InputError
from majlis.core.models import ApiToken


def api_token(args: argparse.Namespace) -> int:
    user = get_user_model().objects.filter(username=args.username, is_active=True).first()
    if user is None:
        raise InputError(f"no active user {args.username!r}")
    print(ApiToken.issue(user))
    return 0
