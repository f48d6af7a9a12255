"""The calendar: a week or a month of posts in the workspace's time zone, with drag and drop
to give a post another time (and a plain form that does the same without JavaScript)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm, role_allows
from majlis.publishing import workflow
from majlis.publishing.engagement import best_times
from majlis.publishing.forms import RescheduleForm
from majlis.publishing.models import MOVABLE_STATES, Post
from majlis.publishing.timezones import day_start, local, month_of, to_utc, week_of, zone_of
from majlis.publishing.views.common import is_htmx, role_of, user_of, workspace_of


@workspace_view(Perm.VIEW)
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, _template(request), _context(request))


def _template(request: HttpRequest) -> str:
    return "publishing/_calendar.html" if is_htmx(request) else "publishing/calendar.html"


def _context(
    request: HttpRequest, view: str | None = None, day: date | None = None
) -> dict[str, Any]:
    workspace = workspace_of(request)
    tz = zone_of(workspace)
    view = view or (
        request.GET.get("view") if request.GET.get("view") in ("week", "month") else "week"
    )
    day = day or _day(request.GET.get("day", ""), local(timezone.now(), tz).date())
    weeks = [week_of(day)] if view == "week" else month_of(day)
    first, last = weeks[0][0], weeks[-1][-1]
    posts = _posts(workspace, day_start(first, tz), day_start(last + timedelta(days=1), tz))
    by_slot: dict[tuple[date, int], list[Post]] = defaultdict(list)
    by_day: dict[date, list[Post]] = defaultdict(list)
    for post in posts:
        moment = local(post.published_at or post.scheduled_at, tz)  # type: ignore[arg-type]
        post.local_time = moment  # type: ignore[attr-defined]
        by_slot[(moment.date(), moment.hour)].append(post)
        by_day[moment.date()].append(post)
    hints = best_times(workspace)
    hot = {(h.weekday, h.hour) for h in hints}
    step = timedelta(days=7) if view == "week" else timedelta(days=31)
    return {
        "view": view,
        "day": day,
        "tz": tz,
        "weeks": weeks,
        "days": weeks[0],
        "hours": [
            {
                "hour": hour,
                "cells": [
                    {
                        "day": d,
                        "posts": by_slot.get((d, hour), []),
                        "hot": (d.weekday(), hour) in hot,
                    }
                    for d in weeks[0]
                ],
            }
            for hour in range(24)
        ],
        "month_weeks": [
            [{"day": d, "posts": by_day.get(d, []), "other": d.month != day.month} for d in week]
            for week in weeks
        ],
        "previous": (day - step).isoformat()
        if view == "week"
        else (day.replace(day=1) - timedelta(days=1)).isoformat(),
        "next": (day + step).isoformat()
        if view == "week"
        else (day.replace(day=28) + timedelta(days=4)).replace(day=1).isoformat(),
        "today": local(timezone.now(), tz).date(),
        "hints": [
            {
                "label": f"{WEEKDAYS[h.weekday]} {h.hour:02d}:00",
                "average": h.average,
                "posts": h.posts,
            }
            for h in hints
        ],
        "can_move": role_allows(role_of(request), Perm.ACT),
        "movable": [s.value for s in MOVABLE_STATES],
        "move_url": reverse("publishing_move", args=[workspace.slug]),
    }


def _day(value: str, default: date) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return default


def _posts(workspace: Any, start: datetime, end: datetime) -> list[Post]:
    planned = Post.objects.filter(
        workspace=workspace,
        published_at__isnull=True,
        scheduled_at__gte=start,
        scheduled_at__lt=end,
    )
    published = Post.objects.filter(
        workspace=workspace, published_at__gte=start, published_at__lt=end
    )
    found = (planned | published).prefetch_related("variants__account").order_by("scheduled_at")
    return list(found)


@require_POST
@workspace_view(Perm.ACT)
def move(request: HttpRequest, slug: str) -> HttpResponse:
    """Drop a post on a day (month view) or an hour of a day (week view), or type a time."""
    workspace = workspace_of(request)
    form = RescheduleForm(request.POST)
    if not form.is_valid():
        return _answer(request, slug, _("Choose a day."), error=True)
    post = get_object_or_404(Post, pk=form.cleaned_data["post"], workspace=workspace)
    tz = zone_of(workspace)
    current = local(post.scheduled_at, tz).time() if post.scheduled_at else time(9, 0)
    at: time | None = form.cleaned_data.get("at")
    hour: int | None = form.cleaned_data.get("hour")
    if at is None:
        at = current.replace(hour=hour) if hour is not None else current
    when = to_utc(form.cleaned_data["day"], at, tz)
    try:
        workflow.move(post, user_of(request), when)
    except workflow.WorkflowError as exc:
        return _answer(request, slug, str(exc), error=True, day=form.cleaned_data["day"])
    shown = local(when, tz)
    return _answer(
        request,
        slug,
        _("Moved to %(when)s.") % {"when": shown.strftime("%Y-%m-%d %H:%M")},
        day=form.cleaned_data["day"],
    )


def _answer(
    request: HttpRequest, slug: str, text: str, error: bool = False, day: date | None = None
) -> HttpResponse:
    view = request.POST.get("view", "week")
    if is_htmx(request):
        context = _context(request, view if view in ("week", "month") else "week", day)
        context.update(notice=text, notice_error=error)
        return render(request, "publishing/_calendar.html", context)
    if error:
        messages.error(request, text)
    else:
        messages.success(request, text)
    target = reverse("publishing_calendar", args=[slug])
    suffix = f"?view={view}&day={day.isoformat()}" if day else ""
    return redirect(target + suffix)
