"""The life of a post: draft → in review → approved → scheduled → published, or failed.

Agents draft and submit; managers and owners approve. Nobody approves their own post, unless
nobody else in the workspace could. Every step is a conditional UPDATE from the state the
member saw, so two people clicking at once cannot both win, and every step is in the audit
log. Changing the text of a post that was submitted or approved sends it back to draft.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.core import audit
from majlis.core.models import Membership
from majlis.core.roles import Perm, role_allows
from majlis.publishing import composing
from majlis.publishing.models import (
    EDITABLE_STATES,
    MOVABLE_STATES,
    Post,
    PostComment,
    PostState,
    VariantState,
)


class WorkflowError(Exception):
    """A step the member cannot take now; the message says why, in their language."""


def _move(post: Post, allowed: tuple[str, ...], **changes: Any) -> None:
    updated = Post.objects.filter(pk=post.pk, state__in=allowed).update(
        updated_at=timezone.now(), **changes
    )
    if updated != 1:
        raise WorkflowError(_("This post changed in the meantime. Reload the page."))
    for name, value in changes.items():
        setattr(post, name, value)


def submit(post: Post, user: Any) -> None:
    checks = composing.check_post(post)
    if not checks:
        raise WorkflowError(_("Choose at least one account to publish to."))
    for checked in checks:
        if not checked.ok:
            raise WorkflowError(
                _("%(account)s: %(problem)s")
                % {"account": checked.account.name, "problem": " ".join(checked.problems)}
            )
    with transaction.atomic():
        _move(post, (PostState.DRAFT,), state=PostState.IN_REVIEW)
        audit.record(post.workspace, user, "post.submit", post, post=post.pk)


def can_approve(post: Post, user: Any) -> bool:
    role = post.workspace.role_of(user)
    if not role_allows(role, Perm.APPROVE):
        return False
    if post.author_id != user.pk:
        return True
    return not _other_approvers(post, user)


def _other_approvers(post: Post, user: Any) -> bool:
    roles = [r for r in ("owner", "manager") if role_allows(r, Perm.APPROVE)]
    return (
        Membership.objects.filter(workspace=post.workspace, role__in=roles)
        .exclude(user=user)
        .exists()
    )


def approve(post: Post, user: Any, now: datetime | None = None) -> None:
    """Approve; a post with a time in the future is scheduled at once."""
    if not can_approve(post, user):
        raise WorkflowError(_("You cannot approve your own post: ask another manager."))
    now = now or timezone.now()
    with transaction.atomic():
        _move(
            post,
            (PostState.IN_REVIEW,),
            state=PostState.APPROVED,
            approved_by=user,
            approved_at=now,
        )
        audit.record(post.workspace, user, "post.approve", post, post=post.pk)
        if post.scheduled_at is not None and post.scheduled_at > now:
            _schedule(post, user, post.scheduled_at)


def send_back(post: Post, user: Any, reason: str) -> None:
    if not reason.strip():
        raise WorkflowError(_("Say what to change, in a comment."))
    with transaction.atomic():
        _move(
            post,
            (PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED),
            state=PostState.DRAFT,
            approved_by=None,
            approved_at=None,
        )
        PostComment.objects.create(post=post, author=user, text=reason)
        audit.record(post.workspace, user, "post.send_back", post, post=post.pk, reason=reason)


def schedule(post: Post, user: Any, when: datetime, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if when < now - timedelta(minutes=1):
        raise WorkflowError(_("Choose a time in the future."))
    with transaction.atomic():
        _schedule(post, user, when)


def _schedule(post: Post, user: Any, when: datetime) -> None:
    _move(
        post,
        (PostState.APPROVED, PostState.SCHEDULED),
        state=PostState.SCHEDULED,
        scheduled_at=when,
    )
    audit.record(
        post.workspace,
        user,
        "post.schedule",
        post,
        post=post.pk,
        at=when.isoformat(),
        approved_by=post.approved_by.get_username() if post.approved_by else "",
    )
    if when <= timezone.now() + timedelta(minutes=1):
        from majlis.publishing.delivery import publish_soon

        publish_soon()


def unschedule(post: Post, user: Any) -> None:
    with transaction.atomic():
        _move(post, (PostState.SCHEDULED,), state=PostState.APPROVED)
        audit.record(post.workspace, user, "post.unschedule", post, post=post.pk)


def move(post: Post, user: Any, when: datetime, now: datetime | None = None) -> None:
    """Give the post another time (the calendar's drag and drop); its state does not change."""
    now = now or timezone.now()
    if post.state == PostState.SCHEDULED and when < now:
        raise WorkflowError(_("Choose a time in the future."))
    before = post.scheduled_at
    with transaction.atomic():
        _move(post, tuple(MOVABLE_STATES), scheduled_at=when)
        audit.record(
            post.workspace,
            user,
            "post.reschedule",
            post,
            post=post.pk,
            before=before.isoformat() if before else "",
            after=when.isoformat(),
        )


def retry(post: Post, user: Any) -> None:
    """Publish the variants that failed again, now; those already published stay as they are."""
    with transaction.atomic():
        _move(post, (PostState.FAILED,), state=PostState.SCHEDULED, scheduled_at=timezone.now())
        post.variants.filter(state=VariantState.FAILED).update(
            state=VariantState.PENDING, error="", attempts=0
        )
        audit.record(post.workspace, user, "post.retry", post, post=post.pk)
    from majlis.publishing.delivery import publish_soon

    publish_soon()


def delete(post: Post, user: Any) -> None:
    """Delete a post that is not published nor being published, with its images."""
    if post.state not in EDITABLE_STATES:
        raise WorkflowError(_("A post that is being published or was published cannot change."))
    with transaction.atomic():
        audit.record(post.workspace, user, "post.delete", post, post=post.pk, text=post.text[:500])
        for media in post.media.all():
            media.file.delete(save=False)
        post.delete()


def comment(post: Post, user: Any, text: str) -> PostComment:
    if not text.strip():
        raise WorkflowError(_("Write a comment first."))
    with transaction.atomic():
        made = PostComment.objects.create(post=post, author=user, text=text.strip())
        audit.record(post.workspace, user, "post.comment", post, post=post.pk)
    return made


def content_changed(post: Post, user: Any) -> None:
    """The text, accounts or media changed: an approval no longer holds."""
    if post.state in (PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED):
        _move(
            post,
            (PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED),
            state=PostState.DRAFT,
            approved_by=None,
            approved_at=None,
        )
        audit.record(post.workspace, user, "post.back_to_draft", post, post=post.pk)
