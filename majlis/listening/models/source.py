from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace


class SourceKind(models.TextChoices):
    FEED = "feed", _("Feed (RSS, Atom, JSON Feed)")
    WEB = "web", _("Web site or page")
    MASTODON = "mastodon", _("Mastodon")
    BLUESKY = "bluesky", _("Bluesky")
    IMAP = "imap", _("Mailbox (IMAP)")
    IMPORT = "import", _("Imported file")


class Source(models.Model):
    """Somewhere Majlis listens: a feed, a site, an account, a hashtag."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="sources", verbose_name=_("workspace")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=SourceKind.choices)
    url = models.URLField(_("address"), max_length=2000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)
    interval_minutes = models.PositiveIntegerField(_("fetch every (minutes)"), default=30)
    next_fetch_at = models.DateTimeField(_("next fetch"), null=True, blank=True, db_index=True)
    cursor = models.CharField(max_length=500, blank=True)  # connector-defined position
    seen_urls = models.JSONField(default=list, blank=True)  # web sources: articles already read
    credentials = models.TextField(blank=True)  # encrypted JSON (Bluesky, IMAP logins)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    consecutive_errors = models.PositiveIntegerField(default=0)
    items_seen = models.PositiveIntegerField(_("items seen"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "url"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "url"], name="one_source_per_url")
        ]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name or self.url

    @property
    def healthy(self) -> bool:
        return self.consecutive_errors == 0
