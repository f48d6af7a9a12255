from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from majlis.core.models import Membership
from majlis.core.roles import ROLE_PERMS

_CODES = "|".join(code for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/({_CODES})/")


def workspace_context(request: HttpRequest) -> dict[str, Any]:
    """The switcher's list and the current workspace, for the header of every page."""
    # The language switcher sends the path without its prefix: the locale middleware then
    # adds the chosen language's, whatever language the browser itself asks for.
    unprefixed = _LANGUAGE_PREFIX.sub("/", request.get_full_path(), count=1)
    if not request.user.is_authenticated:
        return {"unprefixed_path": unprefixed}
    memberships = Membership.objects.filter(user=request.user).select_related("workspace")
    role = getattr(request, "role", None)
    return {
        "unprefixed_path": unprefixed,
        "my_memberships": list(memberships),
        "current_workspace": getattr(request, "workspace", None),
        "current_role": role,
        "perms": {p.value for p in ROLE_PERMS.get(role, frozenset())} if role else set(),
    }
