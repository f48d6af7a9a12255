"""The detector at work: every quarter of an hour, each workspace's series are checked.

The scheduler (`majlis.core.scheduler`, every minute) claims the workspaces that are due with a
conditional UPDATE and hands each to a background job; the job reads the series, asks
`detection.assess` about each, raises or escalates alerts and sends them to the channels.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from majlis.core import jobs
from majlis.core.models import Workspace
from majlis.core.scheduler import every_minute
from majlis.insights import alerts, detection, notify, series
from majlis.insights.models import Alert, DetectorState

CHECK_EVERY = timedelta(minutes=15)


def check(workspace: Workspace, now: datetime, send: bool = True) -> list[Alert]:
    """Check every series of the workspace at `now`; returns the alerts raised or escalated."""
    changed = []
    learning = []
    for scope in series.scopes(workspace, now):
        finding = scope.assess()
        if detection.lags(len(scope.counts), 1) is None:
            learning.append(scope.query.pk if scope.query else 0)
        if finding is None:
            continue
        start = scope.bucket_start(finding.buckets)
        alert = alerts.raise_or_escalate(workspace, scope.query, finding, start, now)
        if alert is not None:
            changed.append(alert)
    DetectorState.objects.filter(workspace=workspace).update(last_checked_at=now, learning=learning)
    if changed and send:
        notify.dispatch(changed)
    return changed


def _next_slot(now: datetime) -> datetime:
    slot = now.replace(second=0, microsecond=0)
    slot -= timedelta(minutes=slot.minute % 15)
    return slot + CHECK_EVERY


def schedule_checks(now: datetime | None = None) -> int:
    """Hand each workspace that is due to a check job; returns how many were handed over."""
    now = now or timezone.now()
    missing = Workspace.objects.filter(detector_state__isnull=True).values_list("pk", flat=True)
    DetectorState.objects.bulk_create(
        [DetectorState(workspace_id=pk, next_check_at=now) for pk in missing],
        ignore_conflicts=True,
    )
    handed = 0
    due = DetectorState.objects.filter(next_check_at__lte=now)
    for state_id, workspace_id, due_at in due.values_list("pk", "workspace_id", "next_check_at"):
        claimed = DetectorState.objects.filter(pk=state_id, next_check_at=due_at).update(
            next_check_at=_next_slot(now)
        )
        if claimed:  # else another scheduler got there first
            jobs.submit(
                "insights.check",
                {"workspace": workspace_id, "at": now.isoformat()},
                key=f"check:{workspace_id}",
            )
            handed += 1
    return handed


every_minute(schedule_checks)


@jobs.handler("insights.check")
def run_check(payload: dict[str, Any]) -> dict[str, Any]:
    workspace = Workspace.objects.filter(pk=payload["workspace"]).first()
    if workspace is None:
        raise jobs.PermanentError("the workspace was deleted")
    at = parse_datetime(str(payload["at"])) or timezone.now()
    changed = check(workspace, at)
    return {"alerts": [alert.pk for alert in changed]}


def replay(
    workspace: Workspace,
    start: datetime,
    end: datetime,
    step: timedelta = CHECK_EVERY,
    send: bool = False,
) -> list[Alert]:
    """Run the detector over a past stretch as the scheduler would have, every `step`: for
    imported history and for the demo. Channels are not told unless `send`."""
    raised: list[Alert] = []
    moment = _next_slot(start) - CHECK_EVERY
    while moment <= end:
        raised += check(workspace, moment, send=send)
        moment += step
    return raised
