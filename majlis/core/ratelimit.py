"""A fixed-window limiter kept in the database, so every web process shares the same counts,
for what anyone can call: signing in, the public moderation endpoints."""

from __future__ import annotations

import ipaddress
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from majlis.core.models import RateWindow


@dataclass(frozen=True, slots=True)
class Limit:
    hits: int
    seconds: int


def _window_start(now: datetime, seconds: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def hit(scope: str, limit: Limit, now: datetime | None = None) -> int:
    """Count one hit; 0 when allowed, else the seconds until the window ends (Retry-After)."""
    now = now or timezone.now()
    start = _window_start(now, limit.seconds)
    scope = scope.replace("\x00", "")[:250]  # PostgreSQL text holds no NUL
    windows = RateWindow.objects.filter(scope=scope, window_start=start)
    if not windows.update(hits=F("hits") + 1):
        try:
            with transaction.atomic():
                RateWindow.objects.create(scope=scope, window_start=start, hits=1)
        except IntegrityError:
            windows.update(hits=F("hits") + 1)
        _sweep(now)
    hits = windows.values_list("hits", flat=True).first() or 0
    if hits <= limit.hits:
        return 0
    return max(1, int((start + timedelta(seconds=limit.seconds) - now).total_seconds()))


def _sweep(now: datetime) -> None:
    # Old windows are dropped now and then, by whoever opens a new one.
    if random.random() < 0.05:
        RateWindow.objects.filter(window_start__lt=now - timedelta(days=1)).delete()


def client_ip(request: HttpRequest) -> str:
    """The caller's address; behind a local proxy, the address that proxy saw (its last hop)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    try:
        local_proxy = not ipaddress.ip_address(remote).is_global
    except ValueError:
        local_proxy = False
    if forwarded and local_proxy:
        return forwarded.split(",")[-1].strip()[:64]
    return remote[:64]
