"""The posts of a workspace by state, one post with its previews, clicks, comments and
history, and the workflow's buttons."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm, role_allows
from majlis.publishing import composing, workflow
from majlis.publishing.forms import CommentForm, RescheduleForm, ScheduleForm
from majlis.publishing.models import EDITABLE_STATES, Post, PostState
from majlis.publishing.timezones import local, to_utc, zone_of
from majlis.publishing.views.common import role_of, user_of, workspace_of

TABS = [
    ("review", (PostState.IN_REVIEW,)),
    ("drafts", (PostState.DRAFT,)),
    ("scheduled", (PostState.APPROVED, PostState.SCHEDULED, PostState.PUBLISHING)),
    ("published", (PostState.PUBLISHED,)),
    ("failed", (PostState.FAILED,)),
]


@workspace_view(Perm.VIEW)
def post_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = workspace_of(request)
    tab = request.GET.get("tab", "")
    states = dict(TABS).get(tab)
    posts = Post.objects.filter(workspace=workspace).select_related("author")
    counts = {name: posts.filter(state__in=group).count() for name, group in TABS}
    if states is None:
        tab = "review" if counts["review"] else "scheduled"
        states = dict(TABS)[tab]
    shown = (
        posts.filter(state__in=states)
        .prefetch_related("variants__account")
        .order_by("scheduled_at", "-created_at")[:200]
    )
    context = {"posts": shown, "tab": tab, "counts": counts, "tz": zone_of(workspace)}
    return render(request, "publishing/posts.html", context)


@workspace_view(Perm.VIEW)
def post_detail(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    workspace = workspace_of(request)
    post = get_object_or_404(
        Post.objects.select_related("author", "approved_by"), pk=post_id, workspace=workspace
    )
    tz = zone_of(workspace)
    role = role_of(request)
    moment = local(post.scheduled_at, tz) if post.scheduled_at else None
    short_links = list(post.short_links.order_by("network", "pk"))
    context = {
        "post": post,
        "tz": tz,
        "checks": composing.check_post(post),
        "variants": post.variants.select_related("account"),
        "short_links": short_links,
        "clicks": sum(link.clicks for link in short_links),
        "comments": post.comments.select_related("author"),
        "history": workspace.audit_events.filter(details__post=post.pk)[:50],
        "comment_form": CommentForm(),
        "schedule_form": ScheduleForm(
            initial={"day": moment.date(), "at": moment.time()} if moment else None
        ),
        "reschedule_form": RescheduleForm(
            initial={
                "post": post.pk,
                "day": moment.date() if moment else None,
                "at": moment.time() if moment else None,
            }
        ),
        "can_act": role_allows(role, Perm.ACT),
        "can_approve": post.state == PostState.IN_REVIEW
        and workflow.can_approve(post, user_of(request)),
        "is_approver": role_allows(role, Perm.APPROVE),
        "can_send_back": role_allows(role, Perm.APPROVE)
        and post.state in (PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED),
        "editable": post.state in EDITABLE_STATES and role_allows(role, Perm.ACT),
    }
    return render(request, "publishing/post.html", context)


def _act(
    request: HttpRequest, slug: str, post_id: int, step: Callable[[Post], None], done: str
) -> HttpResponse:
    post = get_object_or_404(Post, pk=post_id, workspace=workspace_of(request))
    try:
        step(post)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("publishing_post", slug=slug, post_id=post_id)


@require_POST
@workspace_view(Perm.ACT)
def submit(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    return _act(
        request,
        slug,
        post_id,
        lambda p: workflow.submit(p, user_of(request)),
        _("Sent for approval."),
    )


@require_POST
@workspace_view(Perm.APPROVE)
def approve(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    return _act(
        request, slug, post_id, lambda p: workflow.approve(p, user_of(request)), _("Approved.")
    )


@require_POST
@workspace_view(Perm.APPROVE)
def send_back(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    reason = request.POST.get("text", "")
    return _act(
        request,
        slug,
        post_id,
        lambda p: workflow.send_back(p, user_of(request), reason),
        _("Sent back to its author."),
    )


@require_POST
@workspace_view(Perm.ACT)
def schedule(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    tz = zone_of(workspace_of(request))
    if request.POST.get("now"):
        when = timezone.now()
    else:
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a day and a time."))
            return redirect("publishing_post", slug=slug, post_id=post_id)
        when = to_utc(form.cleaned_data["day"], form.cleaned_data["at"], tz)
    return _act(
        request,
        slug,
        post_id,
        lambda p: workflow.schedule(p, user_of(request), when),
        _("Scheduled."),
    )


@require_POST
@workspace_view(Perm.ACT)
def unschedule(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    return _act(
        request,
        slug,
        post_id,
        lambda p: workflow.unschedule(p, user_of(request)),
        _("Taken off the schedule."),
    )


@require_POST
@workspace_view(Perm.ACT)
def retry(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    return _act(
        request,
        slug,
        post_id,
        lambda p: workflow.retry(p, user_of(request)),
        _("Publishing again."),
    )


@require_POST
@workspace_view(Perm.ACT)
def delete(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post, pk=post_id, workspace=workspace_of(request))
    try:
        workflow.delete(post, user_of(request))
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("publishing_post", slug=slug, post_id=post_id)
    messages.success(request, _("Post deleted."))
    return redirect("publishing", slug=slug)


@require_POST
@workspace_view(Perm.ACT)
def comment(request: HttpRequest, slug: str, post_id: int) -> HttpResponse:
    text = request.POST.get("text", "")

    def add(post: Post) -> None:
        workflow.comment(post, user_of(request), text)

    return _act(request, slug, post_id, add, _("Comment added."))
