from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.moderation.models.item import Item
from majlis.moderation.models.site import Site

# A new reader's report weighs 1; each confirmed report adds a half (up to 2), each rejected one
# halves the weight, so a reader who cries wolf soon weighs little.
MAX_WEIGHT = 2.0
MIN_WEIGHT = 0.05


class Reporter(models.Model):
    """A reader of a site who reports items, known by the id the site gives (opaque to us)."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="reporters", verbose_name=_("site")
    )
    external_id = models.CharField(_("reader"), max_length=200)
    reports = models.PositiveIntegerField(_("reports"), default=0)
    confirmed = models.PositiveIntegerField(_("confirmed"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "external_id"], name="one_reporter_per_id")
        ]
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self) -> str:
        return f"{self.external_id} @ {self.site}"

    @property
    def weight(self) -> float:
        earned = min(MAX_WEIGHT, 1.0 + self.confirmed / 2)
        return round(max(MIN_WEIGHT, earned * 0.5 ** min(self.rejected, 32)), 3)


class ReportOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class Report(models.Model):
    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="reports", verbose_name=_("item")
    )
    reporter = models.ForeignKey(
        Reporter, on_delete=models.CASCADE, related_name="report_set", verbose_name=_("reporter")
    )
    weight = models.FloatField(_("weight"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    ip = models.CharField(_("IP address"), max_length=64, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=ReportOutcome.choices, default=ReportOutcome.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "reporter"], name="one_report_per_reader")
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.reporter} → {self.item}"
