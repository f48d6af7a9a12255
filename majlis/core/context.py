from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from majlis.core.models import Membership
from majlis.core.roles import ROLE_PERMS


def workspace_context(request: HttpRequest) -> dict[str, Any]:
    """The switcher's list and the current workspace, for the header of every page."""
    if not request.user.is_authenticated:
        return {}
    memberships = Membership.objects.filter(user=request.user).select_related("workspace")
    role = getattr(request, "role", None)
    return {
        "my_memberships": list(memberships),
        "current_workspace": getattr(request, "workspace", None),
        "current_role": role,
        "perms": {p.value for p in ROLE_PERMS.get(role, frozenset())} if role else set(),
    }
