"""Small typing helpers shared across apps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def member(request: HttpRequest) -> User:
    """The logged-in user of a view that is already behind a login check."""
    user: Any = request.user
    return user  # type: ignore[no-any-return]
