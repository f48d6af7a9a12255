from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.publishing.models.post import Post


def _upload_to(instance: Media, filename: str) -> str:
    # The name a browser sent is never used: only our own, with the sniffed type's extension.
    extension = {
        "image/jpeg": "jpg",
        "image/png": "png",
        "image/gif": "gif",
        "image/webp": "webp",
    }.get(instance.content_type, "bin")
    return f"publishing/{instance.workspace_id}/{uuid.uuid4().hex}.{extension}"


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Media(models.Model):
    """An image attached to a post. Its alt text is mandatory: every network gets it."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="media", null=True, blank=True
    )
    file = models.FileField(_("file"), upload_to=_upload_to, max_length=300)
    content_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveIntegerField(_("size in bytes"))
    alt_text = models.TextField(_("alt text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # An unguessable address, for networks that fetch the image themselves (Instagram, Facebook).
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("media")
        verbose_name_plural = _("media")

    def __str__(self) -> str:
        return self.alt_text[:60]

    @property
    def public_url(self) -> str:
        return f"{settings.SITE_URL}/m/{self.token}"
