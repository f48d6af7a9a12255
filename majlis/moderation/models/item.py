from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.moderation.models.site import Site, SiteKey
from majlis.text.spam.inputs import SpamInput


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SPAM = "spam", _("Spam")
    HIDDEN = "hidden", _("Hidden")
    APPROVED = "approved", _("Approved")


class Item(models.Model):
    """One comment a site asked about: the request as received, the decision and its reasons."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="items", verbose_name=_("site")
    )
    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="moderation_items",
        verbose_name=_("workspace"),
    )
    key = models.ForeignKey(SiteKey, on_delete=models.SET_NULL, null=True, related_name="+")
    # Returned to the site (X-Majlis-Item, X-akismet-guid): unguessable, so it can be shown to
    # readers for reporting and polled without revealing anything else.
    public_id = models.CharField(max_length=24, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=ItemStatus.choices)

    is_spam = models.BooleanField(_("judged spam"), default=False)
    blatant = models.BooleanField(_("blatant spam"), default=False)
    score = models.FloatField(_("probability of spam"), default=0.0)
    reasons = models.JSONField(_("reasons"), default=list)  # [[code, weight], ...]
    site_verdict = models.CharField(_("the site's verdict"), max_length=8, blank=True)

    comment_type = models.CharField(_("type"), max_length=50, blank=True)
    author = models.CharField(_("author"), max_length=255, blank=True)
    author_email = models.CharField(_("author's e-mail"), max_length=255, blank=True)
    author_url = models.CharField(_("author's website"), max_length=500, blank=True)
    author_key = models.CharField(max_length=255, blank=True)  # e-mail, else name, lower-case
    content = models.TextField(_("content"), blank=True)
    content_html = models.TextField(_("content, cleaned"), blank=True)
    fingerprint = models.CharField(max_length=32, blank=True)
    user_ip = models.CharField(_("IP address"), max_length=64, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    referrer = models.CharField(_("referrer"), max_length=2000, blank=True)
    permalink = models.CharField(_("page"), max_length=2000, blank=True)
    blog = models.CharField(max_length=500, blank=True)
    blog_lang = models.CharField(_("site language"), max_length=50, blank=True)
    blog_charset = models.CharField(max_length=40, blank=True)
    user_role = models.CharField(_("user role"), max_length=100, blank=True)
    is_test = models.BooleanField(_("test"), default=False)
    recheck_reason = models.CharField(max_length=200, blank=True)
    honeypot_field_name = models.CharField(max_length=100, blank=True)
    honeypot_value = models.CharField(max_length=500, blank=True)
    comment_date_gmt = models.CharField(max_length=40, blank=True)
    comment_post_modified_gmt = models.CharField(max_length=40, blank=True)
    extra = models.JSONField(_("other request fields"), default=dict, blank=True)

    report_count = models.PositiveIntegerField(_("reports"), default=0)
    report_weight = models.FloatField(_("weight of reports"), default=0.0)
    hidden_by_reports = models.BooleanField(default=False)

    created_at = models.DateTimeField(_("received at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["workspace", "status", "-created_at"], name="mod_item_queue"),
            models.Index(fields=["user_ip", "created_at"], name="mod_item_ip"),
            models.Index(fields=["author_key", "created_at"], name="mod_item_author"),
            models.Index(fields=["fingerprint", "site"], name="mod_item_fingerprint"),
            models.Index(fields=["site", "author_key", "status"], name="mod_item_known_author"),
        ]
        verbose_name = _("moderated item")
        verbose_name_plural = _("moderated items")

    def __str__(self) -> str:
        return f"{self.public_id} ({self.status})"

    def spam_input(self) -> SpamInput:
        """The comment as the spam engine reads it, rebuilt from what was stored."""
        return SpamInput.from_akismet(self.akismet_fields())

    def akismet_fields(self) -> dict[str, Any]:
        fields = {
            name: getattr(self, name)
            for name in (
                "comment_type", "author", "author_email", "author_url", "content", "user_ip",
                "user_agent", "referrer", "permalink", "blog", "blog_lang", "user_role",
            )
        }  # fmt: skip
        params = {_AKISMET_NAMES.get(name, name): value for name, value in fields.items()}
        params["is_test"] = "1" if self.is_test else ""
        if self.honeypot_field_name:
            params["honeypot_field_name"] = self.honeypot_field_name
            params[self.honeypot_field_name] = self.honeypot_value
        return params


_AKISMET_NAMES = {
    "author": "comment_author",
    "author_email": "comment_author_email",
    "author_url": "comment_author_url",
    "content": "comment_content",
}
