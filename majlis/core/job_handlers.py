"""The core's background work."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from majlis.core.jobs import PermanentError, handler
from majlis.core.models import Invitation


@handler("core.send_invitation")
def send_invitation(payload: dict[str, Any]) -> dict[str, Any]:
    invitation = (
        Invitation.objects.select_related("workspace", "invited_by")
        .filter(pk=payload["invitation"])
        .first()
    )
    if invitation is None:
        raise PermanentError("the invitation was withdrawn")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "link": f"{settings.SITE_URL}/{settings.LANGUAGE_CODE}/invite/{invitation.token}/",
        }
        subject = render_to_string("core/email/invitation_subject.txt", context).strip()
        body = render_to_string("core/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return {"sent_to": invitation.email}
