from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening.forms import SourceForm
from majlis.listening.models import Source


@workspace_view(Perm.VIEW)
def source_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    form = SourceForm(request.POST or None)
    if request.method == "POST":
        if request.role not in ("owner", "manager"):  # type: ignore[attr-defined]
            return HttpResponse(status=403)
        if form.is_valid():
            source = form.save(commit=False)
            source.workspace = workspace
            source.next_fetch_at = timezone.now()
            try:
                with transaction.atomic():
                    source.save()
            except IntegrityError:
                form.add_error("url", _("This address is already a source of this workspace."))
            else:
                audit.record(workspace, request.user, "source.create", source.url)
                from majlis.listening.scheduling import fetch_now

                fetch_now(source)
                return redirect("sources", slug=slug)
    sources = workspace.sources.all()
    return render(request, "listening/sources.html", {"sources": sources, "form": form})


@require_POST
@workspace_view(Perm.APPROVE)
def source_toggle(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=source_id, workspace=request.workspace)  # type: ignore[attr-defined]
    source.active = not source.active
    source.next_fetch_at = timezone.now() if source.active else None
    source.save(update_fields=["active", "next_fetch_at"])
    action = "source.resume" if source.active else "source.pause"
    audit.record(source.workspace, request.user, action, source.url)
    return redirect("sources", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def source_fetch(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    from majlis.listening.scheduling import fetch_now

    source = get_object_or_404(Source, pk=source_id, workspace=request.workspace)  # type: ignore[attr-defined]
    fetch_now(source)
    return redirect("sources", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def source_delete(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=source_id, workspace=request.workspace)  # type: ignore[attr-defined]
    audit.record(source.workspace, request.user, "source.delete", source.url)
    source.delete()
    return redirect("sources", slug=slug)
