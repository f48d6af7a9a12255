from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.publishing.models.account import NetworkKind
from majlis.publishing.models.post import Post


class ShortLink(models.Model):
    """A Majlis short link: redirects to `target` (http or https only) and counts the clicks."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="short_links", null=True, blank=True
    )
    network = models.CharField(_("network"), max_length=16, blank=True)
    code = models.CharField(_("code"), max_length=16, unique=True)
    target = models.URLField(_("target"), max_length=2000)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)
    last_clicked_at = models.DateTimeField(_("last clicked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("short link")
        verbose_name_plural = _("short links")

    def __str__(self) -> str:
        return f"{self.code} → {self.target}"

    def network_label(self) -> str:
        """The network's name as the other pages show it; the bare key for one Majlis dropped."""
        if self.network in NetworkKind.values:
            return str(NetworkKind(self.network).label)
        return self.network
