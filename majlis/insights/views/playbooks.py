from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.insights import playbooks
from majlis.insights.forms import PlaybookForm
from majlis.insights.models import Severity


@workspace_view(Perm.VIEW)
def playbook_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    found = playbooks.playbooks_of(workspace, get_language())
    return render(request, "insights/playbooks.html", {"playbooks": list(found.values())})


@workspace_view(Perm.APPROVE)
def playbook_edit(request: HttpRequest, slug: str, severity: str) -> HttpResponse:
    if severity not in Severity.values:
        raise Http404
    workspace = request.workspace  # type: ignore[attr-defined]
    playbook = playbooks.playbook_for(workspace, severity, get_language())
    form = PlaybookForm(request.POST or None, instance=playbook)
    if request.method == "POST" and form.is_valid():
        # The form works on a copy: `update` compares with what is stored and audits the change.
        fresh = playbooks.playbook_for(workspace, severity)
        playbooks.update(fresh, request.user, form.cleaned_data)
        messages.success(request, _("Playbook saved."))
        return redirect("insights:playbooks", slug=slug)
    return render(request, "insights/playbook_form.html", {"form": form, "playbook": playbook})
