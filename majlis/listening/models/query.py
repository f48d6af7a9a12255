from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace


class QueryGroup(models.TextChoices):
    BRAND = "brand", _("Brand")
    COMPETITOR = "competitor", _("Competitor")
    TOPIC = "topic", _("Topic")


class Query(models.Model):
    """A saved search in the query language; its mentions are what it matches."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="queries", verbose_name=_("workspace")
    )
    name = models.CharField(_("name"), max_length=120)
    group = models.CharField(
        _("group"), max_length=16, choices=QueryGroup.choices, default=QueryGroup.BRAND
    )
    text = models.TextField(_("query"))
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("query")
        verbose_name_plural = _("queries")

    def __str__(self) -> str:
        return self.name
