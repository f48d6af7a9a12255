from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from majlis.core.models import Workspace


def workspace_of(request: HttpRequest) -> Workspace:
    workspace: Workspace = request.workspace  # type: ignore[attr-defined]
    return workspace


def role_of(request: HttpRequest) -> str:
    role: str = request.role  # type: ignore[attr-defined]
    return role


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def user_of(request: HttpRequest) -> Any:
    return request.user
