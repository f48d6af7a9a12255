"""Registering sites and issuing their keys: what the CLI and the keys page both do."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from majlis.core import audit
from majlis.core.models import Workspace
from majlis.moderation import keys
from majlis.moderation.models import Site, SiteKey


class BadSiteAddress(ValueError):
    pass


def normalized_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not keys.site_host(url):
        raise BadSiteAddress(url)
    return url


def site_for(workspace: Workspace, url: str, name: str = "") -> Site:
    """The workspace's site at this address (`www.` and the port do not matter), created if new."""
    url = normalized_url(url)
    site, _created = Site.objects.get_or_create(
        workspace=workspace, host=keys.site_host(url), defaults={"url": url, "name": name}
    )
    return site


def new_key(
    workspace: Workspace, url: str, quota: int = 0, by: Any = None, name: str = ""
) -> tuple[Site, str]:
    """A new key for the site at `url`; the key itself is returned once and never stored."""
    with transaction.atomic():
        site = site_for(workspace, url, name)
        key = keys.issue(site, quota=quota, created_by=by)
        audit.record(workspace, by, "moderation.key_create", site.host, prefix=key[:4], quota=quota)
    return site, key


def revoke(site_key: SiteKey, by: Any) -> None:
    if site_key.revoked_at is not None:
        return
    site_key.revoked_at = timezone.now()
    site_key.save(update_fields=["revoked_at"])
    audit.record(
        site_key.site.workspace,
        by,
        "moderation.key_revoke",
        site_key.site.host,
        prefix=site_key.prefix,
    )
