from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from majlis.core.permissions import check
from majlis.core.roles import Perm
from majlis.listening.models import Mention

router = Router(tags=["listening"])


class MentionOut(Schema):
    id: int
    url: str
    title: str
    text: str
    author: str
    lang: str
    published_at: datetime
    sentiment: str
    queries: list[str]


@router.get("/workspaces/{slug}/mentions", response=list[MentionOut])
def mentions(request: HttpRequest, slug: str, limit: int = 50) -> list[MentionOut]:
    workspace = check(request.user, slug, Perm.VIEW).workspace
    rows = (
        Mention.objects.filter(workspace=workspace)
        .select_related("item")
        .prefetch_related("queries")[: max(1, min(limit, 500))]
    )
    return [
        MentionOut(
            id=m.pk,
            url=m.item.url,
            title=m.item.title,
            text=m.item.text,
            author=m.item.author,
            lang=m.item.lang,
            published_at=m.published_at,
            sentiment=m.sentiment,
            queries=sorted(q.name for q in m.queries.all()),
        )
        for m in rows
    ]
