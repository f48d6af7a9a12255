"""Images uploaded in the composer: checked by their content, not by what the browser says."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from majlis.core.models import Workspace
from majlis.publishing.models import Media, Post

MAX_BYTES = 16 * 1024 * 1024
MAX_ALT = 1500


def sniff(head: bytes) -> str | None:
    """The image type of a file from its first bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def attach(workspace: Workspace, post: Post, upload: UploadedFile, alt: str, user: Any) -> Media:
    alt = alt.strip()
    if not alt:
        raise ValidationError(
            _("Describe the image in its alt text: people who cannot see it read that.")
        )
    if len(alt) > MAX_ALT:
        raise ValidationError(_("Keep the alt text under %(n)d characters.") % {"n": MAX_ALT})
    size = upload.size or 0
    if size > MAX_BYTES:
        raise ValidationError(_("The image is too large: at most 16 MB."))
    upload.seek(0)
    content_type = sniff(upload.read(16))
    upload.seek(0)
    if content_type is None:
        raise ValidationError(_("Only JPEG, PNG, GIF and WebP images can be attached."))
    media = Media(
        workspace=workspace,
        post=post,
        content_type=content_type,
        size=size,
        alt_text=alt,
        position=post.media.count(),
        uploaded_by=user,
    )
    media.file.save("upload", upload, save=False)
    media.save()
    return media
