from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace


class DetectorState(models.Model):
    """When a workspace's series are next due for a check. The scheduler claims a check with a
    conditional UPDATE on `next_check_at`, so two schedulers never run the same one."""

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="detector_state"
    )
    next_check_at = models.DateTimeField(_("next check"), db_index=True)
    last_checked_at = models.DateTimeField(_("last check"), null=True, blank=True)
    learning = models.JSONField(_("series still learning"), default=list, blank=True)

    class Meta:
        verbose_name = _("detector state")
        verbose_name_plural = _("detector states")

    def __str__(self) -> str:
        return f"{self.workspace} next {self.next_check_at:%Y-%m-%d %H:%M}"
