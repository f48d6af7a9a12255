"""`majlis workspace create`: a new workspace and its first owner, from a shell."""

from __future__ import annotations

import argparse
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import translation

from majlis.cli.errors import InputError
from majlis.core import workspaces


def _owner(login: str | None) -> Any:
    users = get_user_model().objects.filter(is_active=True)
    if login is not None:
        user = users.filter(username=login).first()
        if user is None:
            raise InputError(f"--owner: no active user {login!r}")
        return user
    # The administrator `majlis setup` created, when there is no doubt which one is meant.
    admins = list(users.filter(is_superuser=True)[:2])
    if len(admins) != 1:
        raise InputError("--owner is needed: say which user owns the new workspace")
    return admins[0]


def create(args: argparse.Namespace) -> int:
    # The command speaks English, as the rest of the CLI does; the web form speaks the reader's.
    with translation.override("en"):
        form = workspaces.NewWorkspaceForm({"slug": args.slug, "name": args.name})
        if not form.is_valid():
            raise InputError("; ".join(f"--{f}: {errors[0]}" for f, errors in form.errors.items()))
        owner = _owner(args.owner)
        data = form.cleaned_data
        try:
            workspace = workspaces.create(data["slug"], data["name"], owner, by=None)
        except workspaces.SlugTaken:
            raise InputError(f"--slug: {workspaces.SLUG_TAKEN}") from None
    print(workspace.slug)
    return 0
