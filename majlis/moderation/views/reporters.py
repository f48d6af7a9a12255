from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.moderation.models import Reporter


@workspace_view(Perm.VIEW)
def reporter_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Readers whose reports moderators rejected: who abuses the report button, site by site."""
    reporters = (
        Reporter.objects.filter(site__workspace=request.workspace, rejected__gt=0)  # type: ignore[attr-defined]
        .select_related("site")
        .order_by("site__host", "-rejected", "external_id")
    )
    page = Paginator(reporters, 100).get_page(request.GET.get("page"))
    return render(request, "moderation/reporters.html", {"page": page})
