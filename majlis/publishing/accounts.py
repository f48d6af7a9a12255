"""Connecting the brand's accounts, checking their health, refreshing their tokens."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from majlis.core import audit, jobs
from majlis.core.models import Workspace
from majlis.core.scheduler import every_minute
from majlis.publishing import http
from majlis.publishing.connectors import base, connector_class
from majlis.publishing.models import NetworkAccount

ATTRIBUTES = ("base_url", "remote_id", "handle")
WARN_DAYS = 7  # the health page warns this long before a token expires
REFRESH_DAYS = 3  # and Majlis refreshes it, where the network allows, this long before


def view_of(account: NetworkAccount) -> base.Account:
    """The connector's view of an account; refreshed tokens are saved, encrypted, at once."""

    def save(values: dict[str, Any], expires_at: datetime | None) -> None:
        account.set_credentials(values)
        account.token_expires_at = expires_at
        NetworkAccount.objects.filter(pk=account.pk).update(
            secret=account.secret, token_expires_at=expires_at
        )

    return base.Account(
        base_url=account.base_url,
        credentials=account.credentials(),
        handle=account.handle,
        remote_id=account.remote_id,
        options=account.options,
        save_credentials=save,
    )


def connect(
    workspace: Workspace, network: str, name: str, values: dict[str, str], user: Any
) -> NetworkAccount:
    """Check the credentials with the network, then keep the account. Raises connector errors."""
    cls = connector_class(network)
    account = NetworkAccount(workspace=workspace, network=network, name=name, created_by=user)
    account.base_url = values.get("base_url") or cls.default_base_url
    account.remote_id = values.get("remote_id", "")
    if network == "feed":
        token = secrets.token_urlsafe(16)
        account.base_url = f"{settings.SITE_URL}/feeds/{token}"
        account.remote_id = token
    credentials = {k: v for k, v in values.items() if k not in ATTRIBUTES and v}
    account.set_credentials(credentials)
    view = view_of(account)
    with http.client() as client:
        health = cls(client).connect(view)
    _apply(account, view, health)
    with transaction.atomic():
        account.save()
        audit.record(
            workspace, user, "account.connect", account, network=network, handle=account.handle
        )
    return account


def check(account: NetworkAccount, user: Any = None) -> bool:
    """Ask the network whether the account still works; the outcome is kept on the account."""
    cls = connector_class(account.network)
    view = view_of(account)
    try:
        with http.client() as client:
            health = cls(client).check(view)
    except (base.TransientError, base.PermanentError) as exc:
        account.last_error = str(exc)
        account.last_checked_at = timezone.now()
        account.save(update_fields=["last_error", "last_checked_at"])
        return False
    _apply(account, view, health)
    account.last_error = ""
    account.save()
    return True


def refresh(account: NetworkAccount, user: Any = None) -> bool:
    cls = connector_class(account.network)
    view = view_of(account)
    try:
        with http.client() as client:
            expires_at = cls(client).refresh_token(view)
    except (base.TransientError, base.PermanentError) as exc:
        account.last_error = str(exc)
        account.last_checked_at = timezone.now()
        account.save(update_fields=["last_error", "last_checked_at"])
        audit.record(account.workspace, user, "account.refresh_failed", account, error=str(exc))
        return False
    account.refresh_from_db()
    account.token_expires_at = expires_at
    account.last_error = ""
    account.last_checked_at = timezone.now()
    account.save(update_fields=["token_expires_at", "last_error", "last_checked_at"])
    audit.record(account.workspace, user, "account.refresh", account)
    return True


def expiring(now: datetime | None = None) -> list[NetworkAccount]:
    """Accounts whose token lapses within REFRESH_DAYS, on networks that allow a refresh,
    not tried in the last hour."""
    now = now or timezone.now()
    candidates = NetworkAccount.objects.filter(
        active=True, token_expires_at__lte=now + timedelta(days=REFRESH_DAYS)
    ).exclude(last_checked_at__gt=now - timedelta(hours=1))
    return [a for a in candidates if connector_class(a.network).can_refresh]


def _apply(account: NetworkAccount, view: base.Account, health: base.Health) -> None:
    account.handle = health.handle or view.handle or account.handle
    account.remote_id = health.remote_id or account.remote_id
    if health.limit:
        account.char_limit = health.limit
    if health.expires_at is not None:
        account.token_expires_at = health.expires_at
    account.set_credentials(view.credentials)
    account.last_checked_at = timezone.now()


def refresh_expiring(now: datetime | None = None) -> int:
    found = expiring(now)
    for account in found:
        jobs.submit(
            "publishing.refresh_account", {"account": account.pk}, key=f"refresh:{account.pk}"
        )
    return len(found)


every_minute(refresh_expiring)


@jobs.handler("publishing.refresh_account")
def _refresh_job(payload: dict[str, Any]) -> bool:
    account = (
        NetworkAccount.objects.select_related("workspace").filter(pk=payload["account"]).first()
    )
    return account is not None and refresh(account)
