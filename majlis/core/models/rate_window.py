from __future__ import annotations

from django.db import models


class RateWindow(models.Model):
    """Hits of one client in one fixed time window, for the limits of what anyone can call
    (sign-in, the public moderation endpoints)."""

    scope = models.CharField(max_length=250)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "window_start"], name="core_one_rate_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="core_rate_window_start")]

    def __str__(self) -> str:
        return f"{self.scope} {self.window_start}: {self.hits}"
