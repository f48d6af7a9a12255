"""Insights in the JSON API: the same figures and alert actions as the pages, same roles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from majlis.core.permissions import check
from majlis.core.roles import Perm
from majlis.insights import alerts, metrics
from majlis.insights.models import Alert
from majlis.insights.models.alert import LIVE_STATES

router = Router(tags=["insights"])


class SplitOut(Schema):
    total: int
    positive: int
    neutral: int
    negative: int
    unclassified: int


class ReputationOut(Schema):
    value: float
    mentions: int
    confidence: str


class VoiceOut(Schema):
    name: str
    group: str
    mentions: int
    share: float
    sentiment: SplitOut


class SourceOut(Schema):
    name: str
    mentions: int
    negative: int


class AuthorOut(Schema):
    name: str
    mentions: int
    days_active: int
    brand_mentions: int
    score: float


class TermOut(Schema):
    term: str
    label: str
    count: int
    previous: int


class PointOut(Schema):
    start: datetime
    sentiment: SplitOut


class InsightsOut(Schema):
    days: int
    start: datetime
    end: datetime
    step: str
    sentiment: SplitOut
    previous: SplitOut
    reputation: ReputationOut
    share_of_voice: list[VoiceOut]
    top_sources: list[SourceOut]
    top_authors: list[AuthorOut]
    rising_terms: list[TermOut]
    series: list[PointOut]


class AlertOut(Schema):
    id: int
    query: str | None
    kind: str
    severity: str
    state: str
    window_start: datetime
    window_end: datetime
    observed: int
    expected: float
    p_value: float
    assignee: str | None
    closing_note: str
    created_at: datetime
    explanation: dict[str, Any]


class CloseIn(Schema):
    note: str


class AssignIn(Schema):
    username: str | None = None


def _split(split: metrics.Split) -> SplitOut:
    return SplitOut(
        total=split.total,
        positive=split.positive,
        neutral=split.neutral,
        negative=split.negative,
        unclassified=split.unknown,
    )


def _alert(alert: Alert) -> AlertOut:
    return AlertOut(
        id=alert.pk,
        query=alert.query.name if alert.query else None,
        kind=alert.kind,
        severity=alert.severity,
        state=alert.state,
        window_start=alert.window_start,
        window_end=alert.window_end,
        observed=alert.observed,
        expected=alert.expected,
        p_value=alert.p_value,
        assignee=alert.assignee.get_username() if alert.assignee else None,
        closing_note=alert.closing_note,
        created_at=alert.created_at,
        explanation=alert.explanation,
    )


@router.get("/workspaces/{slug}/insights", response=InsightsOut)
def insights(request: HttpRequest, slug: str, days: int = metrics.DEFAULT_PERIOD) -> InsightsOut:
    workspace = check(request.user, slug, Perm.VIEW).workspace
    data = metrics.insights(workspace, days, timezone.now())
    return InsightsOut(
        days=data.period.days,
        start=data.period.start,
        end=data.period.end,
        step=data.period.step,
        sentiment=_split(data.split),
        previous=_split(data.previous),
        reputation=ReputationOut(**vars(data.reputation)),
        share_of_voice=[
            VoiceOut(
                name=v.name,
                group=v.group,
                mentions=v.split.total,
                share=round(v.share, 4),
                sentiment=_split(v.split),
            )
            for v in data.voices
        ],
        top_sources=[SourceOut(**vars(s)) for s in data.sources],
        top_authors=[
            AuthorOut(
                name=a.name,
                mentions=a.mentions,
                days_active=a.days,
                brand_mentions=a.brand,
                score=a.score,
            )
            for a in data.authors
        ],
        rising_terms=[
            TermOut(term=t.term, label=t.label, count=t.count, previous=t.previous)
            for t in data.rising
        ],
        series=[PointOut(start=b.start, sentiment=_split(b.split)) for b in data.series],
    )


def _find(request: HttpRequest, slug: str, alert_id: int, perm: Perm) -> Alert:
    workspace = check(request.user, slug, perm).workspace
    return get_object_or_404(
        Alert.objects.select_related("query", "assignee", "workspace"),
        pk=alert_id,
        workspace=workspace,
    )


@router.get("/workspaces/{slug}/alerts", response=list[AlertOut])
def alert_list(
    request: HttpRequest, slug: str, state: str = "live", limit: int = 50
) -> list[AlertOut]:
    workspace = check(request.user, slug, Perm.VIEW).workspace
    found = Alert.objects.filter(workspace=workspace).select_related("query", "assignee")
    if state == "live":
        found = found.filter(state__in=LIVE_STATES)
    elif state != "all":
        found = found.filter(state=state)
    return [_alert(a) for a in found[: max(1, min(limit, 500))]]


@router.get("/workspaces/{slug}/alerts/{alert_id}", response=AlertOut)
def alert_detail(request: HttpRequest, slug: str, alert_id: int) -> AlertOut:
    return _alert(_find(request, slug, alert_id, Perm.VIEW))


def _act(action: Any) -> None:
    try:
        action()
    except alerts.AlertError as error:
        raise HttpError(409, str(error)) from error


@router.post("/workspaces/{slug}/alerts/{alert_id}/acknowledge", response=AlertOut)
def alert_acknowledge(request: HttpRequest, slug: str, alert_id: int) -> AlertOut:
    alert = _find(request, slug, alert_id, Perm.ACT)
    _act(lambda: alerts.acknowledge(alert, request.user))
    return _alert(alert)


@router.post("/workspaces/{slug}/alerts/{alert_id}/close", response=AlertOut)
def alert_close(request: HttpRequest, slug: str, alert_id: int, body: CloseIn) -> AlertOut:
    alert = _find(request, slug, alert_id, Perm.ACT)
    _act(lambda: alerts.close(alert, request.user, body.note))
    return _alert(alert)


@router.post("/workspaces/{slug}/alerts/{alert_id}/assign", response=AlertOut)
def alert_assign(request: HttpRequest, slug: str, alert_id: int, body: AssignIn) -> AlertOut:
    alert = _find(request, slug, alert_id, Perm.ACT)
    assignee = None
    if body.username:
        assignee = get_user_model().objects.filter(username=body.username).first()
        if assignee is None:
            raise HttpError(404, "No such user.")
    _act(lambda: alerts.assign(alert, request.user, assignee))
    return _alert(alert)
