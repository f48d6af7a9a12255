"""The moderation queue in the JSON API: read items with their reasons, decide on them."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from majlis.core.permissions import check
from majlis.core.roles import Perm
from majlis.moderation import decisions
from majlis.moderation.models import Item, ItemStatus

router = Router(tags=["moderation"])


class ReasonOut(Schema):
    code: str
    weight: float


class ItemOut(Schema):
    id: str
    site: str
    status: str
    is_spam: bool
    score: float
    reasons: list[ReasonOut]
    author: str
    author_email: str
    content_html: str
    reports: int
    received_at: datetime


class DecisionIn(Schema):
    action: str
    items: list[str]


class DecisionOut(Schema):
    changed: int


def _out(item: Item) -> ItemOut:
    return ItemOut(
        id=item.public_id,
        site=item.site.host,
        status=item.status,
        is_spam=item.is_spam,
        score=item.score,
        reasons=[ReasonOut(code=str(code), weight=float(weight)) for code, weight in item.reasons],
        author=item.author,
        author_email=item.author_email,
        content_html=item.content_html,
        reports=item.report_count,
        received_at=item.created_at,
    )


@router.get("/workspaces/{slug}/moderation/items", response=list[ItemOut])
def items(
    request: HttpRequest, slug: str, status: str = ItemStatus.PENDING, limit: int = 50
) -> list[ItemOut]:
    workspace = check(request.user, slug, Perm.VIEW).workspace
    found = Item.objects.filter(workspace=workspace, status=status).select_related("site")
    return [_out(item) for item in found.order_by("-created_at", "-id")[: max(1, min(limit, 500))]]


@router.post("/workspaces/{slug}/moderation/decisions", response=DecisionOut)
def decide(request: HttpRequest, slug: str, body: DecisionIn) -> DecisionOut:
    workspace = check(request.user, slug, Perm.ACT).workspace
    if body.action not in decisions.ACTIONS:
        raise HttpError(400, f"action must be one of {', '.join(sorted(decisions.ACTIONS))}")
    ids = list(
        Item.objects.filter(workspace=workspace, public_id__in=body.items[:500]).values_list(
            "pk", flat=True
        )
    )
    return DecisionOut(changed=decisions.apply(workspace, request.user, ids, body.action))
