"""One gate for every workspace view: who is asking, in which workspace, allowed to do what."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from majlis.core.models import Membership, Workspace
from majlis.core.roles import Perm, role_allows

View = Callable[..., HttpResponse]


class WorkspaceRequest(HttpRequest):
    workspace: Workspace
    role: str


def membership_for(user: Any, slug: str) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace__slug=slug)
        .first()
    )


def check(user: Any, slug: str, perm: Perm) -> Membership:
    """The membership that allows `perm`; 404 for outsiders (a workspace's existence is
    private), 403 for members whose role does not allow it."""
    membership = membership_for(user, slug)
    if membership is None:
        raise Http404
    if not role_allows(membership.role, perm):
        raise PermissionDenied
    return membership


def workspace_view(perm: Perm) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = check(request.user, slug, perm)
            request.workspace = membership.workspace  # type: ignore[attr-defined]
            request.role = membership.role  # type: ignore[attr-defined]
            return view(request, slug, *args, **kwargs)

        return wrapper

    return decorate
