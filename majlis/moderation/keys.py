"""Site keys: issued once, kept as a digest, looked up through a small in-process cache.

Keys are twelve lower-case letters and digits, the shape of Akismet's own keys: the WordPress
plugin refuses any other length, and old clients put the key in the host name
(`KEY.rest.example`), where case does not survive.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import string
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

from majlis.moderation.models import Site, SiteKey

KEY_LENGTH = 12
_ALPHABET = string.ascii_lowercase + string.digits
# A key in the host name: the first label of a name with at least three.
_HOST_KEY = re.compile(r"^[a-z0-9]{8,64}$")
# Revocations, quota and site lessons reach other processes within this many seconds.
CACHE_SECONDS = 10.0
_CACHE_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class KeyInfo:
    key_id: int
    site_id: int
    workspace_id: int
    site_url: str
    site_host: str
    quota: int
    revoked: bool
    layer_version: int


def digest(key: str) -> str:
    return hashlib.sha256(key.strip().lower().encode()).hexdigest()


def new_key() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(KEY_LENGTH))


def site_host(url: str) -> str:
    """The host a site is known by: lower-case, without `www.` or a port."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def issue(site: Site, quota: int = 0, created_by: Any = None) -> str:
    """A new key for `site`; the caller shows it once, Majlis only keeps its digest."""
    key = new_key()
    user = created_by if getattr(created_by, "pk", None) else None
    SiteKey.objects.create(
        site=site, digest=digest(key), prefix=key[:4], monthly_quota=quota, created_by=user
    )
    return key


def presented_key(request: HttpRequest, params: dict[str, str], names: tuple[str, ...]) -> str:
    """The key as a client sends it: a form field, else the first label of the host name."""
    for name in names:
        value = params.get(name, "").strip()
        if value:
            return value
    host = str(request.META.get("HTTP_HOST", "")).rsplit(":", 1)[0].lower()
    labels = host.split(".")
    if len(labels) >= 3 and _HOST_KEY.match(labels[0]) and not labels[-1].isdigit():
        return labels[0]
    return ""


class _KeyCache:
    """digest → (expiry, KeyInfo or None). Unknown keys are cached too: a client retrying a
    wrong key costs no query."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, KeyInfo | None]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> KeyInfo | None:
        hashed = digest(key)
        now = time.monotonic()
        entry = self._entries.get(hashed)
        if entry is not None and entry[0] > now:
            return entry[1]
        info = _load(hashed)
        with self._lock:
            if len(self._entries) >= _CACHE_LIMIT:
                self._entries.clear()
            self._entries[hashed] = (now + CACHE_SECONDS, info)
        return info

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _load(hashed: str) -> KeyInfo | None:
    found = SiteKey.objects.select_related("site").filter(digest=hashed).first()
    if found is None:
        return None
    site = found.site
    return KeyInfo(
        key_id=found.pk,
        site_id=site.pk,
        workspace_id=site.workspace_id,
        site_url=site.url,
        site_host=site.host,
        quota=found.monthly_quota,
        revoked=found.revoked_at is not None,
        layer_version=site.layer_version,
    )


cache = _KeyCache()


def lookup(key: str) -> KeyInfo | None:
    """The live key's facts, or None for an unknown key (a revoked key comes back revoked)."""
    if not key or len(key) > 200:
        return None
    return cache.get(key)


def _forget(**kwargs: Any) -> None:
    # This process sees its own changes at once; the others within CACHE_SECONDS.
    cache.clear()


for _model in (Site, SiteKey):
    post_save.connect(_forget, sender=_model, dispatch_uid=f"moderation-keys-{_model.__name__}")
    post_delete.connect(_forget, sender=_model, dispatch_uid=f"moderation-keyd-{_model.__name__}")
