from __future__ import annotations

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.fields import EncryptedCharField
from majlis.core.models import Workspace
from majlis.insights.models.alert import Alert, Severity


class ChannelKind(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SLACK = "slack", "Slack"
    DISCORD = "discord", "Discord"
    TEAMS = "teams", "Microsoft Teams"
    TELEGRAM = "telegram", "Telegram"
    WEBHOOK = "webhook", _("Webhook (JSON)")


WEBHOOK_KINDS = frozenset(
    {
        ChannelKind.SLACK,
        ChannelKind.DISCORD,
        ChannelKind.TEAMS,
        ChannelKind.TELEGRAM,
        ChannelKind.WEBHOOK,
    }
)
http_url = URLValidator(schemes=["http", "https"])


class Channel(models.Model):
    """Where a workspace's alerts go besides the app: members' e-mail or a chat webhook."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="alert_channels",
        verbose_name=_("workspace"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=120)
    # A chat webhook's address is its password: whoever has it can post to the channel.
    url = EncryptedCharField(
        _("webhook address"),
        max_length=2000,
        blank=True,
        validators=[http_url],
        salt=b"majlis.insights",
        info=b"webhook addresses v1",
    )
    chat_id = models.CharField(_("Telegram chat"), max_length=100, blank=True)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("recipients")
    )
    min_severity = models.CharField(
        _("from severity"), max_length=16, choices=Severity.choices, default=Severity.WATCH
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("alert channel")
        verbose_name_plural = _("alert channels")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One alert told to one channel at one severity: at most once, so an alert that goes on
    does not repeat itself, while an escalation is told again."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="deliveries")
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "channel", "severity"], name="one_delivery_per_severity"
            )
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.alert} → {self.channel} ({self.state})"
