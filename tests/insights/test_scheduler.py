"""The scheduler hands each workspace to one check job per quarter of an hour, once."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from majlis.core import scheduler
from majlis.core.models import Job
from majlis.insights import watch
from majlis.insights.models import DetectorState


def test_each_workspace_is_checked_once_per_quarter_hour(team, django_capture_on_commit_callbacks):
    now = timezone.now().replace(minute=7, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        assert watch.schedule_checks(now=now) == 2  # atlas and elsewhere
        assert watch.schedule_checks(now=now + timedelta(minutes=1)) == 0  # already claimed
    assert Job.objects.filter(kind="insights.check", state="done").count() == 2
    state = DetectorState.objects.get(workspace=team.workspace)
    assert state.next_check_at == now.replace(minute=15)
    assert state.last_checked_at == now
    assert state.learning == [0]  # no history yet: the workspace's series is still learning


def test_the_core_scheduler_runs_the_insights_scan(team):
    assert watch.schedule_checks in scheduler._PERIODIC
