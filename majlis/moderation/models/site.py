from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace

DEFAULT_HIDE_THRESHOLD = 3.0


def new_webhook_secret() -> str:
    return secrets.token_urlsafe(24)


class ModerationSettings(models.Model):
    """A workspace's moderation choices; created on first use with the defaults."""

    workspace = models.OneToOneField(
        Workspace,
        on_delete=models.CASCADE,
        related_name="moderation_settings",
        verbose_name=_("workspace"),
    )
    hide_threshold = models.FloatField(
        _("weight of reports that hides an item"),
        default=DEFAULT_HIDE_THRESHOLD,
        validators=[MinValueValidator(0.5), MaxValueValidator(100.0)],
        help_text=_("A new reader's report weighs 1; trusted readers weigh up to 2."),
    )

    class Meta:
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")

    def __str__(self) -> str:
        return f"{self.workspace}: {self.hide_threshold}"

    @classmethod
    def of(cls, workspace_id: int) -> ModerationSettings:
        found, _created = cls.objects.get_or_create(workspace_id=workspace_id)
        return found


class Site(models.Model):
    """A web site whose comments Majlis checks: Akismet's `blog`."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="moderated_sites",
        verbose_name=_("workspace"),
    )
    url = models.URLField(_("address"), max_length=500)
    host = models.CharField(_("host"), max_length=255)
    name = models.CharField(_("name"), max_length=200, blank=True)
    webhook_url = models.URLField(
        _("webhook address"),
        max_length=500,
        blank=True,
        help_text=_("Majlis posts every change of an item's status here, as JSON."),
    )
    webhook_secret = models.CharField(max_length=64, default=new_webhook_secret)
    # The site's own lessons (majlis.text.spam.site.SiteLayer as JSON); the version moves on
    # every lesson, so processes that cache the layer know when to read it again.
    layer = models.JSONField(default=dict, blank=True)
    layer_version = models.PositiveIntegerField(default=0)
    lessons = models.PositiveIntegerField(_("lessons learned"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["host"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "host"], name="one_moderated_site_per_host"
            )
        ]
        verbose_name = _("moderated site")
        verbose_name_plural = _("moderated sites")

    def __str__(self) -> str:
        return self.name or self.host


class SiteKey(models.Model):
    """An Akismet-protocol key of one site. Only its digest is kept; the key is shown once."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="keys", verbose_name=_("site")
    )
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("key starts with"), max_length=8)
    monthly_quota = models.PositiveIntegerField(
        _("checks per month"), default=0, help_text=_("0 means no limit.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("site key")
        verbose_name_plural = _("site keys")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.site})"


class Usage(models.Model):
    """What one key did in one month, as Akismet's key-sites reports it."""

    key = models.ForeignKey(
        SiteKey, on_delete=models.CASCADE, related_name="usage", verbose_name=_("key")
    )
    month = models.DateField(_("month"))  # its first day
    calls = models.PositiveIntegerField(_("checks"), default=0)
    spam = models.PositiveIntegerField(_("spam caught"), default=0)
    ham = models.PositiveIntegerField(_("comments let through"), default=0)
    missed_spam = models.PositiveIntegerField(_("missed spam"), default=0)
    false_positives = models.PositiveIntegerField(_("false positives"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "month"], name="one_usage_row_per_key_month")
        ]
        verbose_name = _("usage")
        verbose_name_plural = _("usage")

    def __str__(self) -> str:
        return f"{self.key} {self.month:%Y-%m}: {self.calls}"
