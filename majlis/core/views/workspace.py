from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from majlis.core import workspaces
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
    form = workspaces.NewWorkspaceForm() if request.user.is_superuser else None
    return render(request, "core/no_workspace.html", {"form": form})


@login_required
def new_workspace(request: HttpRequest) -> HttpResponse:
    """Administrators only: the creator becomes the new workspace's owner."""
    if not request.user.is_superuser:
        raise Http404
    form = workspaces.NewWorkspaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = workspaces.create(data["slug"], data["name"], request.user, request.user)
        except workspaces.SlugTaken:
            form.add_error("slug", workspaces.SLUG_TAKEN)
        else:
            messages.success(request, _("Workspace %(name)s created; you are its owner.") % data)
            return redirect("dashboard", slug=created.slug)
    return render(request, "core/new_workspace.html", {"form": form})


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
