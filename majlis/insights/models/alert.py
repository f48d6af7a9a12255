from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.insights import detection
from majlis.listening.models import Query


class Severity(models.TextChoices):
    WATCH = detection.WATCH, _("Watch")
    HIGH = detection.HIGH, _("High")
    CRITICAL = detection.CRITICAL, _("Critical")


class AlertKind(models.TextChoices):
    VOLUME = detection.VOLUME, _("Volume spike")
    NEGATIVE = detection.NEGATIVE, _("Negative turn")


class AlertState(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLOSED = "closed", _("Closed")


LIVE_STATES = (AlertState.OPEN, AlertState.ACKNOWLEDGED)
WORKSPACE_SCOPE = "workspace"


def scope_of(query: Query | None) -> str:
    """One non-null key per watched series: a NULL query would never collide in a unique index."""
    return f"query:{query.pk}" if query is not None else WORKSPACE_SCOPE


class Alert(models.Model):
    """Something rose in a workspace or in one of its brand queries, explained and tracked."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("workspace")
    )
    query = models.ForeignKey(
        Query,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("query"),
    )
    scope = models.CharField(max_length=40, default=WORKSPACE_SCOPE)
    kind = models.CharField(_("kind"), max_length=16, choices=AlertKind.choices)
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=AlertState.choices, default=AlertState.OPEN
    )
    # From the start of the window that raised it to the last check that still saw the rise.
    window_start = models.DateTimeField(_("from"))
    window_end = models.DateTimeField(_("to"))
    hours = models.FloatField(_("hours"), default=1.0)  # the span `observed` was counted over
    observed = models.PositiveIntegerField(_("observed"))
    expected = models.FloatField(_("expected"))
    p_value = models.FloatField(_("p-value"))
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    closing_note = models.TextField(_("closing note"), blank=True)
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, db_index=True)
    last_seen_at = models.DateTimeField(_("last seen at"), default=timezone.now)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # De-duplication: a rise that goes on updates its alert instead of raising another.
            models.UniqueConstraint(
                fields=["workspace", "scope", "kind"],
                condition=models.Q(state__in=["open", "acknowledged"]),
                name="one_live_alert_per_scope_and_kind",
            )
        ]
        indexes = [models.Index(fields=["workspace", "state", "-created_at"])]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return f"{self.get_severity_display()} {self.get_kind_display()} #{self.pk}"

    @property
    def is_live(self) -> bool:
        return self.state in LIVE_STATES

    @property
    def ratio(self) -> float:
        return self.observed / self.expected if self.expected else 0.0

    @property
    def subject(self) -> str:
        """What was watched: a brand query, or every mention of the workspace."""
        if self.query_id and self.query:
            return self.query.name
        return gettext("%(workspace)s (all mentions)") % {"workspace": self.workspace.name}
