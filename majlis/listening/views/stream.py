from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening.models import Mention


@workspace_view(Perm.VIEW)
def mention_stream(request: HttpRequest, slug: str) -> HttpResponse:
    mentions = Mention.objects.filter(workspace=request.workspace)  # type: ignore[attr-defined]
    lang = request.GET.get("lang", "")
    if lang:
        mentions = mentions.filter(item__lang=lang)
    page = Paginator(mentions.select_related("item"), 25).get_page(request.GET.get("page"))
    return render(request, "listening/stream.html", {"page": page, "lang": lang})
