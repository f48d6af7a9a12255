from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm


@workspace_view(Perm.VIEW_AUDIT)
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    events = request.workspace.audit_events.all()  # type: ignore[attr-defined]
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit.html", {"page": page})
