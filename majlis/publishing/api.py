"""The publishing part of the JSON API: posts and their workflow, and the accounts.

Registered by `majlis/api/__init__.py` (`api.add_router("/", publishing.api.router)`); same
role matrix as the pages, workflow refusals as 409 with the reason.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from majlis.core.models import Workspace
from majlis.core.permissions import check
from majlis.core.roles import Perm
from majlis.publishing import drafts, workflow
from majlis.publishing.models import NetworkAccount, Post, Variant

router = Router(tags=["publishing"])


class VariantOut(Schema):
    account: int
    network: str
    state: str
    url: str
    error: str


class PostOut(Schema):
    id: int
    text: str
    state: str
    scheduled_at: datetime | None
    published_at: datetime | None
    author: str
    approved_by: str
    variants: list[VariantOut]


class PostIn(Schema):
    text: str
    accounts: list[int]
    scheduled_at: datetime | None = None
    lang: str = ""


class AccountOut(Schema):
    id: int
    network: str
    name: str
    handle: str
    char_limit: int | None
    token_expires_at: datetime | None


def _out(post: Post) -> PostOut:
    return PostOut(
        id=post.pk,
        text=post.text,
        state=post.state,
        scheduled_at=post.scheduled_at,
        published_at=post.published_at,
        author=post.author.get_username() if post.author else "",
        approved_by=post.approved_by.get_username() if post.approved_by else "",
        variants=[_variant(v) for v in post.variants.all()],
    )


def _variant(variant: Variant) -> VariantOut:
    return VariantOut(
        account=variant.account_id,
        network=variant.account.network,
        state=variant.state,
        url=variant.url,
        error=variant.error,
    )


def _workspace(request: HttpRequest, slug: str, perm: Perm) -> Workspace:
    return check(request.user, slug, perm).workspace


def _post(workspace: Workspace, post_id: int) -> Post:
    return get_object_or_404(Post, pk=post_id, workspace=workspace)


@router.get("/workspaces/{slug}/posts", response=list[PostOut])
def posts(request: HttpRequest, slug: str, state: str = "", limit: int = 50) -> list[PostOut]:
    workspace = _workspace(request, slug, Perm.VIEW)
    found = Post.objects.filter(workspace=workspace).select_related("author", "approved_by")
    if state:
        found = found.filter(state=state)
    found = found.prefetch_related("variants__account")[: max(1, min(limit, 500))]
    return [_out(p) for p in found]


@router.post("/workspaces/{slug}/posts", response={201: PostOut})
def create_post(request: HttpRequest, slug: str, body: PostIn) -> Status[PostOut]:
    workspace = _workspace(request, slug, Perm.ACT)
    chosen = list(
        NetworkAccount.objects.filter(workspace=workspace, active=True, pk__in=body.accounts)
    )
    draft = drafts.Draft(
        text=body.text,
        lang=body.lang,
        accounts=chosen,
        variants={},
        scheduled_at=body.scheduled_at,
        utm_campaign="",
        shorten_links=False,
        alt_texts={},
        removed_media=set(),
    )
    post = drafts.save(workspace, None, draft, request.user)
    return Status(201, _out(post))


@router.get("/workspaces/{slug}/posts/{post_id}", response=PostOut)
def post_detail(request: HttpRequest, slug: str, post_id: int) -> PostOut:
    return _out(_post(_workspace(request, slug, Perm.VIEW), post_id))


@router.post("/workspaces/{slug}/posts/{post_id}/submit", response=PostOut)
def submit(request: HttpRequest, slug: str, post_id: int) -> PostOut:
    post = _post(_workspace(request, slug, Perm.ACT), post_id)
    _step(lambda: workflow.submit(post, request.user))
    return _out(post)


@router.post("/workspaces/{slug}/posts/{post_id}/approve", response=PostOut)
def approve(request: HttpRequest, slug: str, post_id: int) -> PostOut:
    post = _post(_workspace(request, slug, Perm.APPROVE), post_id)
    _step(lambda: workflow.approve(post, request.user))
    return _out(post)


@router.get("/workspaces/{slug}/accounts", response=list[AccountOut])
def accounts(request: HttpRequest, slug: str) -> list[AccountOut]:
    workspace = _workspace(request, slug, Perm.VIEW)
    return [
        AccountOut(
            id=a.pk,
            network=a.network,
            name=a.name,
            handle=a.handle,
            char_limit=a.char_limit,
            token_expires_at=a.token_expires_at,
        )
        for a in NetworkAccount.objects.filter(workspace=workspace, active=True)
    ]


def _step(run: object) -> None:
    try:
        run()  # type: ignore[operator]
    except workflow.WorkflowError as exc:
        raise HttpError(409, str(exc)) from exc
