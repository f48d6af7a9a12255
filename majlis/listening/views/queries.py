from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from itertools import islice

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening.forms import QueryForm
from majlis.listening.models import Item, Query
from majlis.listening.query_check import query_problem
from majlis.text.matcher import CompiledMatcher, Document

TEST_WINDOW = timedelta(days=30)
TEST_LIMIT = 20_000


@workspace_view(Perm.VIEW)
def query_list(request: HttpRequest, slug: str) -> HttpResponse:
    queries = request.workspace.queries.all()  # type: ignore[attr-defined]
    return render(request, "listening/queries.html", {"queries": queries})


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
        return redirect("queries", slug=slug)
    return render(request, "listening/query_form.html", {"form": form, "query": query})


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


# Items matched at once: the matcher is fastest over batches, memory stays bounded.
_CHUNK = 1000


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


@workspace_view(Perm.VIEW)
def query_test(request: HttpRequest, slug: str) -> HttpResponse:
    """Run a query, saved or not, over the last 30 days of this workspace's stored items."""
    text = request.POST.get("text", "") if request.method == "POST" else request.GET.get("text", "")
    problem = query_problem(text)
    hits: list[Item] = []
    scanned = 0
    if problem is None:
        matcher = CompiledMatcher.build([("q", text)])
        since = timezone.now() - TEST_WINDOW
        items = (
            Item.objects.filter(mentions__workspace=request.workspace, published_at__gte=since)  # type: ignore[attr-defined]
            .distinct()
            .order_by("-published_at")[:TEST_LIMIT]
        )
        for chunk in _chunks(items.iterator(chunk_size=_CHUNK), _CHUNK):
            scanned += len(chunk)
            docs = [Document(str(i.pk), i.text, i.title, i.url, i.author, i.lang) for i in chunk]
            found = matcher.match_many(docs)
            hits += [item for item, matches in zip(chunk, found, strict=True) if matches]
    context = {"problem": problem, "hits": hits[:50], "count": len(hits), "scanned": scanned}
    return render(request, "listening/query_test.html", context)
