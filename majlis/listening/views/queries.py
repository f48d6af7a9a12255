from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening import backfill
from majlis.listening.forms import QueryForm
from majlis.listening.models import Item, Query
from majlis.listening.query_check import query_problem


@workspace_view(Perm.VIEW)
def query_list(request: HttpRequest, slug: str) -> HttpResponse:
    queries = list(request.workspace.queries.all())  # type: ignore[attr-defined]
    jobs = backfill.latest(queries)
    rows = [(query, jobs.get(query.pk)) for query in queries]
    return render(request, "listening/queries.html", {"rows": rows})


@workspace_view(Perm.APPROVE)
def query_edit(request: HttpRequest, slug: str, query_id: int | None = None) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    query = get_object_or_404(Query, pk=query_id, workspace=workspace) if query_id else None
    form = QueryForm(request.POST or None, instance=query)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.workspace = workspace
        saved.save()
        action = "query.update" if query else "query.create"
        audit.record(workspace, request.user, action, saved.name, text=saved.text)
        # New, rewritten or switched back on: what it matches in the last 30 days comes in.
        if saved.active and {"text", "active"} & set(form.changed_data):
            backfill.start(saved)
        return redirect("queries", slug=slug)
    job = backfill.latest([query]).get(query.pk) if query else None
    return render(request, "listening/query_form.html", {"form": form, "query": query, "job": job})


@require_POST
@workspace_view(Perm.APPROVE)
def query_delete(request: HttpRequest, slug: str, query_id: int) -> HttpResponse:
    query = get_object_or_404(Query, pk=query_id, workspace=request.workspace)  # type: ignore[attr-defined]
    audit.record(query.workspace, request.user, "query.delete", query.name, text=query.text)
    query.delete()
    return redirect("queries", slug=slug)


@workspace_view(Perm.VIEW)
def query_check(request: HttpRequest, slug: str) -> HttpResponse:
    """The editor's live check (htmx): fine, or the fault and where it is."""
    text = request.POST.get("text", "") if request.method == "POST" else request.GET.get("text", "")
    problem = query_problem(text) if text.strip() else None
    return render(
        request,
        "listening/query_check.html",
        {"problem": problem, "text": text, "empty": not text.strip()},
    )


@workspace_view(Perm.VIEW)
def query_test(request: HttpRequest, slug: str) -> HttpResponse:
    """Run a query, saved or not, over the last 30 days of what this workspace collected."""
    text = request.POST.get("text", "") if request.method == "POST" else request.GET.get("text", "")
    problem = query_problem(text)
    hits: list[Item] = []
    count = scanned = 0
    if problem is None:
        hits, count, scanned = backfill.try_query(request.workspace, text)  # type: ignore[attr-defined]
    context = {"problem": problem, "hits": hits, "count": count, "scanned": scanned}
    return render(request, "listening/query_test.html", context)
