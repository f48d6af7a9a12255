from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from majlis.core.models import Membership
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.typing import member


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the first workspace; a person with none is told so."""
    first = Membership.objects.filter(user=member(request)).select_related("workspace").first()
    if first is not None:
        return redirect("dashboard", slug=first.workspace.slug)
    return render(request, "core/no_workspace.html")


@login_required
def switch(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("workspace", "")
    if Membership.objects.filter(user=member(request), workspace__slug=slug).exists():
        return redirect("dashboard", slug=slug)
    return redirect("home")


@workspace_view(Perm.VIEW)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    from majlis.listening.summary import workspace_summary

    summary = workspace_summary(request.workspace)  # type: ignore[attr-defined]
    return render(request, "core/dashboard.html", {"summary": summary})
