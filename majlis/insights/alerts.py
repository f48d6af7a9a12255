"""An alert's life: raised or escalated by the detector, then assigned, acknowledged and closed
by people. Every step is in the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.core import audit
from majlis.core.models import Membership, Workspace
from majlis.insights import detection
from majlis.insights.explain import explain
from majlis.insights.models import Alert, AlertKind, AlertState
from majlis.insights.models.alert import LIVE_STATES, scope_of
from majlis.listening.models import Query

# After an alert is closed, the same series and kind stay quiet this long unless it gets worse.
COOL_DOWN = timedelta(hours=6)


class AlertError(Exception):
    pass


def _rank(severity: str) -> int:
    return detection.severity_rank(severity)


def _set_finding(alert: Alert, finding: detection.Finding) -> None:
    """Keep the strongest evidence seen so far: the window with the smallest p-value."""
    alert.observed = finding.observed
    alert.expected = round(finding.expected, 3)
    alert.p_value = finding.p_value
    alert.hours = round(finding.hours, 2)


def _touch(alert: Alert, now: datetime) -> None:
    """The rise is still there: the alert's window runs to this check."""
    alert.window_end = alert.last_seen_at = now
    alert.save(update_fields=["window_end", "last_seen_at"])


def raise_or_escalate(
    workspace: Workspace,
    query: Query | None,
    finding: detection.Finding,
    start: datetime,
    now: datetime,
) -> Alert | None:
    """The alert to tell people about (new, or more severe than before), or None.

    A rise that goes on updates its open alert in place; a worse one escalates it. A turn to
    negative joins the open volume alert of the same series (it is the same story told by its
    tone). After an alert is closed, the series stays quiet for the cool-down unless it gets
    worse than what was closed.
    """
    scope = scope_of(query)
    live_alerts = Alert.objects.filter(workspace=workspace, scope=scope, state__in=LIVE_STATES)
    live = {alert.kind: alert for alert in live_alerts}
    if finding.kind in live:
        return _update(live[finding.kind], finding, start, now)
    if finding.kind == AlertKind.NEGATIVE and AlertKind.VOLUME in live:
        _touch(live[AlertKind.VOLUME], now)
        return None
    closed = (
        Alert.objects.filter(
            workspace=workspace,
            scope=scope,
            state=AlertState.CLOSED,
            closed_at__gt=now - COOL_DOWN,
        )
        .order_by("-closed_at")
        .first()
    )
    if closed is not None and _rank(finding.severity) <= _rank(closed.severity):
        return None
    alert = Alert(workspace=workspace, query=query, scope=scope, kind=finding.kind)
    alert.severity = finding.severity
    alert.created_at = now
    _set_finding(alert, finding)
    alert.window_start = start
    alert.window_end = alert.last_seen_at = now
    alert.explanation = explain(workspace, query, finding, start, now)
    try:
        with transaction.atomic():
            alert.save()
            audit.record(
                workspace, None, "alert.raise", alert, severity=alert.severity, kind=alert.kind
            )
    except IntegrityError:
        return None  # another check raised it a moment ago: that one will be told
    return alert


def _update(
    live: Alert, finding: detection.Finding, start: datetime, now: datetime
) -> Alert | None:
    if _rank(finding.severity) > _rank(live.severity):
        previous = live.severity
        live.severity = finding.severity
        live.escalated_at = now
        _set_finding(live, finding)
        live.explanation = explain(live.workspace, live.query, finding, start, now)
        live.window_end = live.last_seen_at = now
        with transaction.atomic():
            live.save()
            audit.record(
                live.workspace, None, "alert.escalate", live, severity=live.severity, was=previous
            )
        return live
    if finding.p_value <= live.p_value:
        _set_finding(live, finding)
        live.save(update_fields=["observed", "expected", "p_value", "hours"])
    _touch(live, now)
    return None


def _require_live(alert: Alert) -> None:
    if not alert.is_live:
        raise AlertError(_("This alert is already closed."))


def assign(alert: Alert, by: Any, assignee: Any | None) -> None:
    _require_live(alert)
    if (
        assignee is not None
        and not Membership.objects.filter(workspace=alert.workspace, user=assignee).exists()
    ):
        raise AlertError(_("Only a member of the workspace can take an alert."))
    with transaction.atomic():
        alert.assignee = assignee
        alert.save(update_fields=["assignee"])
        name = assignee.get_username() if assignee is not None else ""
        audit.record(alert.workspace, by, "alert.assign", alert, assignee=name)


def acknowledge(alert: Alert, by: Any) -> None:
    if alert.state != AlertState.OPEN:
        raise AlertError(_("Only an open alert can be acknowledged."))
    with transaction.atomic():
        alert.state = AlertState.ACKNOWLEDGED
        alert.acknowledged_at = timezone.now()
        if alert.assignee_id is None:
            alert.assignee = by
        alert.save(update_fields=["state", "acknowledged_at", "assignee"])
        audit.record(alert.workspace, by, "alert.acknowledge", alert)


def close(alert: Alert, by: Any, note: str) -> None:
    _require_live(alert)
    note = note.strip()
    if not note:
        raise AlertError(_("Say in a few words how it ended: the note is kept with the alert."))
    with transaction.atomic():
        alert.state = AlertState.CLOSED
        alert.closed_at = timezone.now()
        alert.closing_note = note
        alert.save(update_fields=["state", "closed_at", "closing_note"])
        audit.record(alert.workspace, by, "alert.close", alert, note=note)
