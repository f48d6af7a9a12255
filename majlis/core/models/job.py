from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """A unit of background work. Its state lives here; the queue only carries its id, so a
    message delivered twice, or lost, does no harm: the conditional claim decides who runs it."""

    kind = models.CharField(_("kind"), max_length=64)
    key = models.CharField(_("key"), max_length=200, blank=True, default="")
    payload = models.JSONField(_("payload"), default=dict)
    state = models.CharField(
        _("state"), max_length=16, choices=JobState.choices, default=JobState.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveIntegerField(_("max attempts"), default=5)
    run_after = models.DateTimeField(_("run after"), null=True, blank=True)
    claimed_by = models.CharField(_("claimed by"), max_length=120, blank=True)
    error = models.TextField(_("last error"), blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "run_after"])]
        constraints = [
            # At most one live job per key: submitting the same work twice is a no-op.
            models.UniqueConstraint(
                fields=["kind", "key"],
                condition=models.Q(state__in=["queued", "running"]) & ~models.Q(key=""),
                name="one_live_job_per_key",
            )
        ]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.kind}#{self.pk} {self.state}"
