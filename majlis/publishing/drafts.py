"""Saving what the composer sends: the post, its variants and its images."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from majlis.core import audit
from majlis.core.models import Workspace
from majlis.publishing import media as media_uploads
from majlis.publishing import workflow
from majlis.publishing.models import EDITABLE_STATES, Media, NetworkAccount, Post


@dataclass
class Draft:
    text: str
    lang: str
    accounts: list[NetworkAccount]
    variants: dict[int, tuple[str, bool]]  # account id → (own text, as a thread)
    scheduled_at: datetime | None
    utm_campaign: str
    shorten_links: bool
    alt_texts: dict[int, str]
    removed_media: set[int]
    image: UploadedFile | None = None
    image_alt: str = ""


def save(workspace: Workspace, post: Post | None, draft: Draft, user: Any) -> Post:
    if post is not None and post.state not in EDITABLE_STATES:
        raise workflow.WorkflowError(
            _("A post that is being published or was published cannot change.")
        )
    with transaction.atomic():
        creating = post is None
        if post is None:
            post = Post(workspace=workspace, author=user)
        before = _content(post) if not creating else None
        post.text = draft.text
        post.lang = draft.lang
        post.scheduled_at = draft.scheduled_at
        post.utm_campaign = draft.utm_campaign
        post.shorten_links = draft.shorten_links
        post.save()
        _save_variants(post, draft)
        _save_media(workspace, post, draft, user)
        audit.record(
            workspace, user, "post.create" if creating else "post.update", post, post=post.pk
        )
        if before is not None and before != _content(post):
            workflow.content_changed(post, user)
    return post


def _save_variants(post: Post, draft: Draft) -> None:
    chosen = {account.pk: account for account in draft.accounts}
    post.variants.exclude(account_id__in=chosen).delete()
    for account_id, account in chosen.items():
        text, as_thread = draft.variants.get(account_id, ("", False))
        post.variants.update_or_create(
            account=account, defaults={"text": text, "as_thread": as_thread}
        )


def _save_media(workspace: Workspace, post: Post, draft: Draft, user: Any) -> None:
    for item in post.media.all():
        if item.pk in draft.removed_media:
            item.file.delete(save=False)
            item.delete()
        elif item.pk in draft.alt_texts and draft.alt_texts[item.pk].strip():
            Media.objects.filter(pk=item.pk).update(alt_text=draft.alt_texts[item.pk].strip())
    if draft.image is not None:
        media_uploads.attach(workspace, post, draft.image, draft.image_alt, user)


def _content(post: Post) -> tuple[object, ...]:
    """What an approval approved: change any of it and the post goes back to draft."""
    variants = sorted(post.variants.values_list("account_id", "text", "as_thread"))
    media = sorted(post.media.values_list("pk", "alt_text"))
    return (
        post.text,
        post.lang,
        post.utm_campaign,
        post.shorten_links,
        tuple(variants),
        tuple(media),
    )
