"""First-run setup: the administrator and, when asked, the demo workspace."""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from majlis.core.models import Membership, Workspace
from majlis.core.roles import Role

DEMO_DIR = Path(__file__).parent / "demo" / "data"
ADMIN_USERNAME = "admin"


def ensure_admin() -> tuple[str, str] | None:
    """Create the administrator if there is none; returns (login, password) only then."""
    users = get_user_model().objects
    if users.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    users.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
    return ADMIN_USERNAME, password


def ensure_demo() -> tuple[Workspace, bool]:
    """The demo workspace (slug `demo`), with its queries and its corpus of mentions."""
    spec = json.loads((DEMO_DIR / "workspace.json").read_text(encoding="utf-8"))
    existing = Workspace.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        workspace = Workspace.objects.create(
            slug=spec["slug"], name=spec["name"], brand=spec["brand"], time_zone=spec["time_zone"]
        )
        for admin in get_user_model().objects.filter(is_superuser=True):
            Membership.objects.create(workspace=workspace, user=admin, role=Role.OWNER)
        _create_queries_and_sources(workspace, spec)
    _import_corpus(workspace)
    return workspace, True


def _create_queries_and_sources(workspace: Workspace, spec: dict[str, Any]) -> None:
    from majlis.listening.models import Query, Source

    for query in spec["queries"]:
        Query.objects.create(workspace=workspace, **query)
    for source in spec.get("sources", []):
        # The demo's sources are examples to look at: they point at .example hosts.
        Source.objects.create(workspace=workspace, active=False, **source)


def demo_rows(now: datetime | None = None) -> list[dict[str, Any]]:
    """The corpus with its dates shifted so that its newest mention is `now`."""
    lines = (DEMO_DIR / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    stamps = [datetime.fromisoformat(row["published_at"]) for row in rows]
    shift = (now or timezone.now()) - max(stamps)
    for row, stamp in zip(rows, stamps, strict=True):
        row["published_at"] = (stamp + shift).isoformat()
    return rows


def _import_corpus(workspace: Workspace) -> None:
    from datetime import timedelta

    from majlis.insights.watch import replay
    from majlis.listening.ingest import ingest_rows

    rows = demo_rows()
    ingest_rows(workspace, rows, source_label="demo")
    # Run the crisis detector over the last days as the scheduler would have, so the demo's
    # outage wave shows as an alert with its action plan.
    newest = max(datetime.fromisoformat(row["published_at"]) for row in rows)
    replay(workspace, newest - timedelta(days=8), newest, step=timedelta(minutes=30))


__all__ = ["demo_rows", "ensure_admin", "ensure_demo"]
