from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.publishing.models.account import NetworkAccount


class PostState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHING = "publishing", _("Publishing")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")


LANGUAGES = [("fr", _("French")), ("ar", _("Arabic")), ("en", _("English"))]
EDITABLE_STATES = (PostState.DRAFT, PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED)
MOVABLE_STATES = EDITABLE_STATES


class Post(models.Model):
    """One message, published to several accounts, each through its own variant."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("message"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=PostState.choices, default=PostState.DRAFT
    )
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True, db_index=True)
    lang = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=LANGUAGES,
    )
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100, blank=True)
    shorten_links = models.BooleanField(_("shorten links with Majlis"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "scheduled_at"])]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        first_line = self.text.strip().split("\n", 1)[0]
        return first_line[:60] or gettext("Post #%(id)s") % {"id": self.pk}

    @property
    def when(self) -> object:
        return self.published_at or self.scheduled_at


class VariantState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    # Sent, or about to be: the network may or may not have the post. A re-run sends again
    # with the same idempotency key, which the network answers with the post it already has.
    SENDING = "sending", _("Sending")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")


class Variant(models.Model):
    """The message as one account will publish it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="variants")
    account = models.ForeignKey(NetworkAccount, on_delete=models.PROTECT, related_name="variants")
    text = models.TextField(_("text for this account"), blank=True)
    as_thread = models.BooleanField(_("split into a thread when too long"), default=False)
    state = models.CharField(
        _("state"), max_length=16, choices=VariantState.choices, default=VariantState.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    sending_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_text = models.TextField(_("text as sent"), blank=True)
    # Chosen at the first attempt and never changed: every retry sends the same key.
    idempotency_key = models.CharField(_("idempotency key"), max_length=64, blank=True)
    remote_id = models.CharField(_("id on the network"), max_length=255, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    error = models.TextField(_("error"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    likes = models.PositiveIntegerField(_("likes"), default=0)
    shares = models.PositiveIntegerField(_("shares"), default=0)
    replies = models.PositiveIntegerField(_("replies"), default=0)
    metrics_read_at = models.DateTimeField(_("engagement read at"), null=True, blank=True)

    class Meta:
        ordering = ["account__network", "account__name"]
        constraints = [
            models.UniqueConstraint(fields=["post", "account"], name="one_variant_per_account")
        ]
        verbose_name = _("variant")
        verbose_name_plural = _("variants")

    def __str__(self) -> str:
        return f"{self.post} → {self.account}"

    @property
    def effective_text(self) -> str:
        return self.text if self.text.strip() else self.post.text

    @property
    def interactions(self) -> int:
        return self.likes + self.shares + self.replies


class PostComment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]
