from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.publishing import secrets


class NetworkKind(models.TextChoices):
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    FACEBOOK = "facebook", _("Facebook Page")
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X"
    WEBHOOK = "webhook", _("Webhook")
    FEED = "feed", _("RSS/Atom feed")


class NetworkAccount(models.Model):
    """One of the brand's own accounts on a network. Majlis only ever posts as the brand."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="network_accounts"
    )
    network = models.CharField(_("network"), max_length=16, choices=NetworkKind.choices)
    name = models.CharField(_("name"), max_length=120)
    handle = models.CharField(_("handle"), max_length=255, blank=True)
    remote_id = models.CharField(_("account id on the network"), max_length=255, blank=True)
    base_url = models.URLField(_("API address"), max_length=500, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    secret = models.TextField(_("encrypted credentials"), blank=True, editable=False)
    char_limit = models.PositiveIntegerField(_("character limit"), null=True, blank=True)
    token_expires_at = models.DateTimeField(_("token expires at"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    last_checked_at = models.DateTimeField(_("last checked at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["network", "name"]
        verbose_name = _("network account")
        verbose_name_plural = _("network accounts")

    def __str__(self) -> str:
        return f"{self.get_network_display()} · {self.name}"

    def credentials(self) -> dict[str, Any]:
        return secrets.decrypt(self.secret)

    def set_credentials(self, values: dict[str, Any]) -> None:
        self.secret = secrets.encrypt(values)

    def expires_within(self, days: int, now: datetime | None = None) -> bool:
        if self.token_expires_at is None:
            return False
        now = now or timezone.now()
        return self.token_expires_at <= now + timedelta(days=days)

    @property
    def expired(self) -> bool:
        return self.token_expires_at is not None and self.token_expires_at <= timezone.now()
