"""Playbooks: the action plan of each severity, created from defaults when first needed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction

from majlis.core import audit
from majlis.core.models import Workspace
from majlis.insights.models import Playbook, Severity
from majlis.insights.playbook_defaults import texts_for

EDITABLE_FIELDS = (
    "steps",
    "escalate_to",
    "holding_fr",
    "holding_ar",
    "holding_en",
    "monitor_next",
)


def playbooks_of(workspace: Workspace, language: str = "") -> dict[str, Playbook]:
    """The workspace's playbook for each severity, the missing ones created from the defaults,
    their steps in `language` (the person's who opens them first; else the site's)."""
    found = {p.severity: p for p in Playbook.objects.filter(workspace=workspace)}
    missing = [s for s in Severity.values if s not in found]
    if missing:
        brand = workspace.brand or workspace.name
        language = language or settings.LANGUAGE_CODE
        Playbook.objects.bulk_create(
            [
                Playbook(workspace=workspace, severity=s, **texts_for(s, language, brand))
                for s in missing
            ],
            ignore_conflicts=True,  # another request created them first: theirs will do
        )
        found = {p.severity: p for p in Playbook.objects.filter(workspace=workspace)}
    return {s: found[s] for s in Severity.values}


def playbook_for(workspace: Workspace, severity: str, language: str = "") -> Playbook:
    return playbooks_of(workspace, language)[severity]


def update(playbook: Playbook, by: Any, data: dict[str, str]) -> Playbook:
    changed = [f for f in EDITABLE_FIELDS if f in data and getattr(playbook, f) != data[f]]
    if not changed:
        return playbook
    with transaction.atomic():
        for field in changed:
            setattr(playbook, field, data[field])
        playbook.updated_by = by
        playbook.save(update_fields=[*changed, "updated_by", "updated_at"])
        audit.record(
            playbook.workspace, by, "playbook.edit", playbook.severity, fields=sorted(changed)
        )
    return playbook
