"""Telling people: an alert, when raised or escalated, goes to each channel that wants its
severity, as one background job per channel.

A Delivery row per (alert, channel, severity) makes it at-most-once: an alert that goes on is
not repeated, an escalation is told again, and a job delivered twice sends nothing twice.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from majlis.core import jobs
from majlis.core.models import Membership
from majlis.insights import detection, webhooks
from majlis.insights.models import (
    Alert,
    AlertKind,
    Channel,
    ChannelKind,
    Delivery,
    DeliveryState,
    Playbook,
    Severity,
)
from majlis.insights.playbooks import playbooks_of

STEPS_IN_MESSAGE = 3


def dispatch(changed: list[Alert]) -> int:
    """Queue the deliveries of alerts just raised or escalated; returns how many jobs."""
    by_workspace: dict[int, list[Alert]] = defaultdict(list)
    for alert in changed:
        by_workspace[alert.workspace_id].append(alert)
    submitted = 0
    for workspace_id, alerts in by_workspace.items():
        for channel in Channel.objects.filter(workspace_id=workspace_id, active=True):
            wanted = [
                a
                for a in alerts
                if detection.severity_rank(a.severity)
                >= detection.severity_rank(channel.min_severity)
            ]
            ids = []
            for alert in wanted:
                delivery, created = Delivery.objects.get_or_create(
                    alert=alert, channel=channel, severity=alert.severity
                )
                if created:
                    ids.append(delivery.pk)
            if ids:
                jobs.submit(
                    "insights.notify",
                    {"channel": channel.pk, "deliveries": ids},
                    key=f"notify:{channel.pk}:{ids[0]}",
                )
                submitted += 1
    return submitted


# --- what the message says ---------------------------------------------------------------------


def _number(value: float, digits: int = 1) -> str:
    return number_format(round(value, digits), decimal_pos=digits if value % 1 else 0)


def title(alert: Alert) -> str:
    titles = {
        Severity.WATCH: _("Watch: %(subject)s"),
        Severity.HIGH: _("High alert: %(subject)s"),
        Severity.CRITICAL: _("Critical alert: %(subject)s"),
    }
    text = titles[Severity(alert.severity)] % {"subject": alert.subject}
    return _("Escalated. %(title)s") % {"title": text} if alert.escalated_at else text


def headline(alert: Alert) -> str:
    """What rose and by how much against expectation, in one sentence."""
    hours = _number(alert.hours)
    if alert.kind == AlertKind.NEGATIVE:
        return _("%(share)s%% negative over %(hours)s h, against %(usual)s%% usually.") % {
            "share": _number(100 * float(alert.explanation.get("negative_share", 0)), 0),
            "usual": _number(100 * float(alert.explanation.get("baseline_share", 0)), 0),
            "hours": hours,
        }
    return ngettext(
        "%(count)s mention over %(hours)s h, against %(expected)s expected (×%(ratio)s).",
        "%(count)s mentions over %(hours)s h, against %(expected)s expected (×%(ratio)s).",
        alert.observed,
    ) % {
        "count": alert.observed,
        "hours": hours,
        "expected": _number(alert.expected),
        "ratio": _number(alert.ratio),
    }


def drivers(alert: Alert) -> list[str]:
    explanation = alert.explanation
    lines = []
    if explanation.get("clusters"):
        top = explanation["clusters"][0]
        lines.append(
            _("Main story (%(count)s items): %(title)s")
            % {"count": top["count"], "title": top["title"]}
        )
    if explanation.get("sources"):
        names = ", ".join(f"{s['name']} ({s['count']})" for s in explanation["sources"][:3])
        lines.append(_("Sources: %(names)s") % {"names": names})
    if explanation.get("terms"):
        words = ", ".join(t.get("label", t["term"]) for t in explanation["terms"][:6])
        lines.append(_("Rising terms: %(terms)s") % {"terms": words})
    return lines


def link(alert: Alert, language: str) -> str:
    with translation.override(language):
        path = reverse("insights:alert", args=[alert.workspace.slug, alert.pk])
    return f"{settings.SITE_URL}{path}"


def message(alert: Alert, language: str, playbook: Playbook) -> webhooks.Message:
    lines = [headline(alert), *drivers(alert)]
    steps = playbook.step_list[:STEPS_IN_MESSAGE]
    if steps:
        lines.append(_("Action plan:"))
        lines += [f"{n}. {step}" for n, step in enumerate(steps, 1)]
    data = {
        "alert": alert.pk,
        "workspace": alert.workspace.slug,
        "kind": alert.kind,
        "observed": alert.observed,
        "expected": alert.expected,
        "p_value": alert.p_value,
        "window_start": alert.window_start.isoformat(),
        "window_end": alert.window_end.isoformat(),
    }
    return webhooks.Message(
        title(alert), "\n".join(lines), link(alert, language), alert.severity, data
    )


# --- sending -----------------------------------------------------------------------------------


def _recipients(channel: Channel) -> list[str]:
    members = Membership.objects.filter(workspace=channel.workspace).values("user")
    users = channel.recipients.filter(pk__in=members).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def _email(channel: Channel, messages: list[webhooks.Message]) -> None:
    recipients = _recipients(channel)
    if not recipients:
        raise jobs.PermanentError("the channel has no member to write to")
    if len(messages) == 1:
        subject = messages[0].title
    else:
        subject = ngettext(
            "%(count)s alert in %(workspace)s", "%(count)s alerts in %(workspace)s", len(messages)
        ) % {"count": len(messages), "workspace": channel.workspace.name}
    body = "\n\n".join(f"{m.title}\n{m.text}\n{m.link}" for m in messages)
    send_mail(f"[Majlis] {subject}", body, None, recipients)


def _webhook(channel: Channel, messages: list[webhooks.Message]) -> None:
    for m in messages:
        if channel.kind == ChannelKind.SLACK:
            body = webhooks.slack(m)
        elif channel.kind == ChannelKind.DISCORD:
            body = webhooks.discord(m)
        elif channel.kind == ChannelKind.TEAMS:
            body = webhooks.teams(m)
        elif channel.kind == ChannelKind.TELEGRAM:
            body = webhooks.telegram(m, channel.chat_id)
        else:
            body = webhooks.generic(m)
        webhooks.post(channel.url, body)


def send(channel: Channel, deliveries: list[Delivery]) -> None:
    # Outside the channel's language: playbooks made here take the site's default language.
    plans = playbooks_of(channel.workspace)
    with translation.override(channel.language):
        messages = [message(d.alert, channel.language, plans[d.alert.severity]) for d in deliveries]
    if channel.kind == ChannelKind.EMAIL:
        _email(channel, messages)
    else:
        _webhook(channel, messages)


def _mark(deliveries: list[Delivery], state: str, error: str = "") -> None:
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        state=state, error=error, sent_at=timezone.now() if state == DeliveryState.SENT else None
    )


@jobs.handler("insights.notify")
def run_notify(payload: dict[str, Any]) -> dict[str, Any]:
    channel = Channel.objects.select_related("workspace").filter(pk=payload["channel"]).first()
    if channel is None:
        raise jobs.PermanentError("the channel was removed")
    deliveries = list(
        Delivery.objects.select_related("alert__workspace", "alert__query").filter(
            pk__in=payload["deliveries"], channel=channel, state=DeliveryState.PENDING
        )
    )
    if not deliveries:
        return {"sent": 0}
    try:
        send(channel, deliveries)
    except (webhooks.WebhookRefused, jobs.PermanentError) as error:
        _mark(deliveries, DeliveryState.FAILED, str(error))
        raise jobs.PermanentError(str(error)) from error
    except Exception as error:
        Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(error=repr(error))
        raise
    with transaction.atomic():
        _mark(deliveries, DeliveryState.SENT)
    return {"sent": len(deliveries)}
