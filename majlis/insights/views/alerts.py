from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.insights import alerts
from majlis.insights.forms import AssignForm, CloseForm
from majlis.insights.metrics import mentions_of
from majlis.insights.models import Alert, AlertState
from majlis.insights.models.alert import LIVE_STATES
from majlis.insights.playbooks import playbook_for

STATES = {
    "live": LIVE_STATES,
    "closed": (AlertState.CLOSED,),
    "all": (AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.CLOSED),
}


def _alert(request: HttpRequest, alert_id: int) -> Alert:
    return get_object_or_404(
        Alert.objects.select_related("query", "assignee", "workspace"),
        pk=alert_id,
        workspace=request.workspace,  # type: ignore[attr-defined]
    )


@workspace_view(Perm.VIEW)
def alert_list(request: HttpRequest, slug: str) -> HttpResponse:
    state = request.GET.get("state", "live")
    state = state if state in STATES else "live"
    found = Alert.objects.filter(
        workspace=request.workspace,  # type: ignore[attr-defined]
        state__in=STATES[state],
    ).select_related("query", "assignee", "workspace")
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    return render(request, "insights/alert_list.html", {"page": page, "state": state})


@workspace_view(Perm.VIEW)
def alert_detail(request: HttpRequest, slug: str, alert_id: int) -> HttpResponse:
    alert = _alert(request, alert_id)
    mentions = mentions_of(alert.workspace).filter(
        published_at__gte=alert.window_start, published_at__lt=alert.window_end
    )
    if alert.query_id:
        mentions = mentions.filter(queries=alert.query_id)
    page = Paginator(
        mentions.order_by("-published_at", "-id")
        .select_related("item__source")
        .prefetch_related("queries"),
        20,
    )
    context = {
        "alert": alert,
        "playbook": playbook_for(alert.workspace, alert.severity, get_language()),
        "assign_form": AssignForm(alert.workspace, initial={"assignee": alert.assignee_id}),
        "close_form": CloseForm(),
        "page": page.get_page(request.GET.get("page")),
    }
    return render(request, "insights/alert_detail.html", context)


def _done(
    request: HttpRequest, slug: str, alert: Alert, error: alerts.AlertError | None
) -> HttpResponse:
    if error is not None:
        messages.error(request, str(error))
    return redirect("insights:alert", slug=slug, alert_id=alert.pk)


@require_POST
@workspace_view(Perm.ACT)
def alert_assign(request: HttpRequest, slug: str, alert_id: int) -> HttpResponse:
    alert = _alert(request, alert_id)
    form = AssignForm(alert.workspace, request.POST)
    if not form.is_valid():
        return _done(
            request, slug, alert, alerts.AlertError(_("Choose a member of the workspace."))
        )
    try:
        alerts.assign(alert, request.user, form.cleaned_data["assignee"])
    except alerts.AlertError as error:
        return _done(request, slug, alert, error)
    messages.success(request, _("The alert is assigned."))
    return _done(request, slug, alert, None)


@require_POST
@workspace_view(Perm.ACT)
def alert_acknowledge(request: HttpRequest, slug: str, alert_id: int) -> HttpResponse:
    alert = _alert(request, alert_id)
    try:
        alerts.acknowledge(alert, request.user)
    except alerts.AlertError as error:
        return _done(request, slug, alert, error)
    messages.success(request, _("Alert acknowledged: it is yours to follow."))
    return _done(request, slug, alert, None)


@require_POST
@workspace_view(Perm.ACT)
def alert_close(request: HttpRequest, slug: str, alert_id: int) -> HttpResponse:
    alert = _alert(request, alert_id)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _done(request, slug, alert, alerts.AlertError(_("A closing note is needed.")))
    try:
        alerts.close(alert, request.user, form.cleaned_data["note"])
    except alerts.AlertError as error:
        return _done(request, slug, alert, error)
    messages.success(request, _("Alert closed."))
    return _done(request, slug, alert, None)
