from __future__ import annotations

from typing import Any

from majlis.core.models import AuditEvent, Workspace


def record(
    workspace: Workspace | None,
    actor: Any,
    action: str,
    target: object = "",
    **details: Any,
) -> AuditEvent:
    """Leave a trace of a member's decision; `actor` may be a user or None for the system."""
    user = actor if getattr(actor, "pk", None) else None
    name = getattr(actor, "username", "") or "system"
    return AuditEvent.objects.create(
        workspace=workspace,
        actor=user,
        actor_name=name,
        action=action,
        target=str(target)[:255],
        details=details,
    )
