"""A failed post is told to its author by e-mail, with the network's own message."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from majlis.core.jobs import PermanentError, handler
from majlis.publishing.models import Variant


@handler("publishing.notify_failure")
def notify_failure(payload: dict[str, Any]) -> dict[str, Any]:
    variant = (
        Variant.objects.select_related("post__workspace", "post__author", "account")
        .filter(pk=payload["variant"])
        .first()
    )
    if variant is None:
        raise PermanentError("the post was deleted")  # for the job log, not shown to members
    author = variant.post.author
    if author is None or not author.email:
        return {"sent_to": None}
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("publishing_post", args=[variant.post.workspace.slug, variant.post.pk])
        context = {"variant": variant, "post": variant.post, "link": f"{settings.SITE_URL}{path}"}
        subject = render_to_string("publishing/email/failed_subject.txt", context).strip()
        body = render_to_string("publishing/email/failed.txt", context)
    send_mail(subject, body, None, [author.email])
    return {"sent_to": author.email}
