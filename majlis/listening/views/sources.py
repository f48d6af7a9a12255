from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening.credentials import CREDENTIAL_NAMES, login_of, provider_of
from majlis.listening.forms import CredentialsForm, SourceForm
from majlis.listening.health import items_per_day
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
    return _page(request, form)


def _page(
    request: HttpRequest, form: SourceForm, refused: CredentialsForm | None = None
) -> HttpResponse:
    sources = list(request.workspace.sources.all())  # type: ignore[attr-defined]
    per_day = items_per_day(sources)
    rows = [{**_row(source, refused), "per_day": per_day[source.pk]} for source in sources]
    return render(request, "listening/sources.html", {"rows": rows, "form": form})


def _row(source: Source, refused: CredentialsForm | None) -> dict[str, Any]:
    """A source with its login (never its password) and hosting provider and, for the kinds
    that sign in, the form that replaces them: the refused one, with its errors, if it was this
    source's."""
    credentials_form = None
    if source.kind in CREDENTIAL_NAMES:
        if refused is not None and refused.source.pk == source.pk:
            credentials_form = refused
        else:
            credentials_form = CredentialsForm(source, auto_id=f"id_{source.pk}_%s")
    return {
        "source": source,
        "login": login_of(source),
        "provider": provider_of(source),
        "credentials_form": credentials_form,
    }


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


@require_POST
@workspace_view(Perm.APPROVE)
def source_credentials(request: HttpRequest, slug: str, source_id: int) -> HttpResponse:
    source = get_object_or_404(
        Source,
        pk=source_id,
        workspace=request.workspace,  # type: ignore[attr-defined]
        kind__in=list(CREDENTIAL_NAMES),
    )
    form = CredentialsForm(source, request.POST, auto_id=f"id_{source.pk}_%s")
    if not form.is_valid():
        return _page(request, SourceForm(), refused=form)
    source.credentials = form.sealed()
    source.save(update_fields=["credentials"])
    audit.record(source.workspace, request.user, "source.credentials", source.url)
    from majlis.listening.scheduling import fetch_now

    fetch_now(source)
    return redirect("sources", slug=slug)
