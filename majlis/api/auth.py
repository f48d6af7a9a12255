from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from majlis.core.models import ApiToken
from majlis.core.models.api_token import hash_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, tokens from `majlis api-token USERNAME`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user
