from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.listening.models.query import Query
from majlis.listening.models.source import Source


class Item(models.Model):
    """A piece of content found on the web, stored once however many feeds carry it."""

    url = models.URLField(_("address"), max_length=2000, unique=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    title = models.TextField(_("title"), blank=True)
    text = models.TextField(_("text"))
    author = models.CharField(_("author"), max_length=300, blank=True)
    lang = models.CharField(_("language"), max_length=12, blank=True, db_index=True)
    published_at = models.DateTimeField(_("published at"), db_index=True)
    source = models.ForeignKey(Source, on_delete=models.SET_NULL, null=True, blank=True)
    source_name = models.CharField(_("source"), max_length=300, blank=True)
    cluster_key = models.CharField(max_length=64, blank=True, db_index=True)
    signature = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return self.title or self.text[:60]


class Sentiment(models.TextChoices):
    NEGATIVE = "negative", _("Negative")
    NEUTRAL = "neutral", _("Neutral")
    POSITIVE = "positive", _("Positive")


class Mention(models.Model):
    """An item as one workspace sees it: which of its queries matched, how it feels."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="mentions")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="mentions")
    queries = models.ManyToManyField(Query, related_name="mentions", blank=True)
    published_at = models.DateTimeField(_("published at"), db_index=True)
    sentiment = models.CharField(
        _("sentiment"), max_length=10, choices=Sentiment.choices, blank=True
    )
    sentiment_score = models.FloatField(null=True, blank=True)
    sentiment_corrected = models.BooleanField(default=False)
    irrelevant = models.BooleanField(_("irrelevant"), default=False)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "item"], name="one_mention_per_item")
        ]
        indexes = [models.Index(fields=["workspace", "-published_at"])]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")

    def __str__(self) -> str:
        return str(self.item)

    @property
    def source_label(self) -> str:
        """The name the workspace gave the Source, else the feed's or site's own name.

        An item is stored once: its Source may belong to another workspace, whose name for it
        is not this workspace's business.
        """
        source = self.item.source
        if source is not None and source.workspace_id == self.workspace_id and source.name:
            return source.name
        return self.item.source_name
