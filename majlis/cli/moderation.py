"""`majlis moderation-key`: a new Akismet-protocol key for a site of a workspace."""

from __future__ import annotations

import argparse

from majlis.cli.errors import InputError
from majlis.core.models import Workspace
from majlis.moderation import sites


def moderation_key(args: argparse.Namespace) -> int:
    workspace = Workspace.objects.filter(slug=args.workspace).first()
    if workspace is None:
        raise InputError(f"no workspace {args.workspace!r}")
    quota = getattr(args, "quota", 0) or 0
    if quota < 0:
        raise InputError("--quota must be 0 (no limit) or more")
    try:
        _site, key = sites.new_key(workspace, args.site, quota=quota)
    except sites.BadSiteAddress:
        raise InputError(
            f"--site must be an http:// or https:// address, not {args.site!r}"
        ) from None
    print(key)
    return 0
