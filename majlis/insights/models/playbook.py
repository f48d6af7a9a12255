from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.insights.models.alert import Severity


class Playbook(models.Model):
    """What the team does when an alert of one severity comes: the workspace edits it."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="playbooks", verbose_name=_("workspace")
    )
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    steps = models.TextField(_("steps"), help_text=_("One step per line."))
    escalate_to = models.TextField(_("who to escalate to"), blank=True)
    holding_fr = models.TextField(_("holding statement in French"), blank=True)
    holding_ar = models.TextField(_("holding statement in Arabic"), blank=True)
    holding_en = models.TextField(_("holding statement in English"), blank=True)
    monitor_next = models.TextField(_("what to monitor next"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "severity"], name="one_playbook_per_severity"
            )
        ]
        verbose_name = _("playbook")
        verbose_name_plural = _("playbooks")

    def __str__(self) -> str:
        return f"{self.workspace}: {self.get_severity_display()}"

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def step_list(self) -> list[str]:
        return self._lines(self.steps)

    @property
    def monitor_list(self) -> list[str]:
        return self._lines(self.monitor_next)

    @property
    def holding_statements(self) -> list[tuple[str, str]]:
        """(language code, text) for each holding statement, in the UI's order of languages."""
        texts = {"fr": self.holding_fr, "ar": self.holding_ar, "en": self.holding_en}
        return [(code, texts[code]) for code, _name in settings.LANGUAGES if texts.get(code)]
