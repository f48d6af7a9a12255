from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from majlis.core.models import Membership
from majlis.core.permissions import check
from majlis.core.roles import Perm
from majlis.typing import member

router = Router(tags=["workspaces"])


class MeOut(Schema):
    username: str
    email: str


class WorkspaceOut(Schema):
    slug: str
    name: str
    brand: str
    role: str


class MemberOut(Schema):
    username: str
    role: str
    joined_at: datetime


class AuditOut(Schema):
    at: datetime
    actor: str
    action: str
    target: str
    details: dict[str, object]


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> MeOut:
    return MeOut(username=request.user.get_username(), email=getattr(request.user, "email", ""))


@router.get("/workspaces", response=list[WorkspaceOut])
def workspaces(request: HttpRequest) -> list[WorkspaceOut]:
    memberships = Membership.objects.filter(user=member(request)).select_related("workspace")
    return [
        WorkspaceOut(
            slug=m.workspace.slug, name=m.workspace.name, brand=m.workspace.brand, role=m.role
        )
        for m in memberships
    ]


@router.get("/workspaces/{slug}/members", response=list[MemberOut])
def members(request: HttpRequest, slug: str) -> list[MemberOut]:
    workspace = check(request.user, slug, Perm.MANAGE_MEMBERS).workspace
    return [
        MemberOut(username=m.user.username, role=m.role, joined_at=m.joined_at)
        for m in workspace.memberships.select_related("user")
    ]


@router.get("/workspaces/{slug}/audit", response=list[AuditOut])
def audit(request: HttpRequest, slug: str, limit: int = 100) -> list[AuditOut]:
    workspace = check(request.user, slug, Perm.VIEW_AUDIT).workspace
    events = workspace.audit_events.all()[: max(1, min(limit, 1000))]
    return [
        AuditOut(at=e.at, actor=e.actor_name, action=e.action, target=e.target, details=e.details)
        for e in events
    ]
