"""Draft → in review → approved → scheduled, by role; comments; everything in the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.core.models import AuditEvent, Membership
from majlis.publishing.models import NetworkAccount, Post, PostState


@pytest.fixture
def hook(team):
    return NetworkAccount.objects.create(
        workspace=team.workspace,
        network="webhook",
        name="Site web",
        base_url="https://example.org/hook",
    )


def compose(client, team, hook, action="submit", **extra):
    data = {"text": "Bonjour à tous مرحبا", "accounts": [hook.pk], "action": action, **extra}
    client.post(f"/en/w/{team.workspace.slug}/publishing/new/", data)
    return Post.objects.latest("pk")


def page(client, team, post):
    return client.get(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/").content.decode()


def act(client, team, post, step, **data):
    return client.post(
        f"/en/w/{team.workspace.slug}/publishing/{post.pk}/{step}/", data, follow=True
    )


def test_an_agent_drafts_and_submits_then_a_manager_approves(team, login, hook):
    post = compose(login("agent"), team, hook)
    assert post.state == PostState.IN_REVIEW
    assert "Approve" in page(login("manager"), team, post)
    act(login("manager"), team, post, "approve")
    post.refresh_from_db()
    assert (post.state, post.approved_by) == (PostState.APPROVED, team.manager)


def test_an_agent_cannot_approve_even_their_own_post(team, login, hook):
    post = compose(login("agent"), team, hook)
    assert act(login("agent"), team, post, "approve").status_code == 403
    post.refresh_from_db()
    assert post.state == PostState.IN_REVIEW


def test_a_manager_does_not_approve_their_own_post_while_someone_else_can(team, login, hook):
    post = compose(login("manager"), team, hook)
    manager = login("manager")
    assert "Another manager approves this post: you wrote it." in page(manager, team, post)
    response = act(manager, team, post, "approve")
    assert "You cannot approve your own post: ask another manager." in response.content.decode()
    act(login("owner"), team, post, "approve")
    post.refresh_from_db()
    assert post.approved_by == team.owner


def test_the_only_approver_of_a_workspace_may_approve_their_own_post(team, login, hook):
    Membership.objects.filter(workspace=team.workspace, role="manager").delete()
    post = compose(login("owner"), team, hook)
    act(login("owner"), team, post, "approve")
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


def test_a_post_with_a_time_is_scheduled_as_it_is_approved(team, login, hook):
    tomorrow = (timezone.now() + timedelta(days=1)).date()
    post = compose(login("agent"), team, hook, day=tomorrow.isoformat(), at="09:15")
    act(login("manager"), team, post, "approve")
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED
    actions = list(
        AuditEvent.objects.filter(details__post=post.pk)
        .order_by("pk")
        .values_list("action", "actor_name")
    )
    assert actions == [
        ("post.create", "agent"),
        ("post.submit", "agent"),
        ("post.approve", "manager"),
        ("post.schedule", "manager"),
    ]


def test_an_approved_post_is_scheduled_or_published_now_by_an_agent(team, login, hook):
    post = compose(login("agent"), team, hook)
    act(login("manager"), team, post, "approve")
    tomorrow = (timezone.now() + timedelta(days=1)).date()
    act(login("agent"), team, post, "schedule", day=tomorrow.isoformat(), at="18:00")
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED
    act(login("agent"), team, post, "unschedule")
    post.refresh_from_db()
    assert post.state == PostState.APPROVED


def test_a_time_in_the_past_is_refused(team, login, hook):
    post = compose(login("agent"), team, hook)
    act(login("manager"), team, post, "approve")
    yesterday = (timezone.now() - timedelta(days=1)).date()
    response = act(login("agent"), team, post, "schedule", day=yesterday.isoformat(), at="18:00")
    assert "Choose a time in the future." in response.content.decode()


def test_changing_an_approved_post_takes_the_approval_away(team, login, hook):
    post = compose(login("agent"), team, hook)
    act(login("manager"), team, post, "approve")
    login("agent").post(
        f"/en/w/{team.workspace.slug}/publishing/{post.pk}/edit/",
        {"text": "Un autre texte", "accounts": [hook.pk], "action": "save"},
    )
    post.refresh_from_db()
    assert (post.state, post.approved_by) == (PostState.DRAFT, None)
    assert AuditEvent.objects.filter(action="post.back_to_draft", details__post=post.pk).exists()


def test_a_manager_sends_a_draft_back_with_a_comment_the_agent_reads(team, login, hook):
    post = compose(login("agent"), team, hook)
    act(login("manager"), team, post, "send-back", text="Ajoutez le prix, s'il vous plaît")
    post.refresh_from_db()
    assert post.state == PostState.DRAFT
    assert "Ajoutez le prix, s&#x27;il vous plaît" in page(login("agent"), team, post)


def test_the_team_comments_on_a_draft(team, login, hook):
    post = compose(login("agent"), team, hook, action="save")
    act(login("manager"), team, post, "comment", text="تمام، شكراً")
    shown = page(login("agent"), team, post)
    assert "تمام، شكراً" in shown
    assert AuditEvent.objects.filter(action="post.comment", actor_name="manager").exists()


def test_a_post_that_does_not_fit_cannot_be_sent_for_approval(team, login, mastodon_account):
    client = login("agent")
    client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {"text": "x" * 501, "accounts": [mastodon_account.pk], "action": "submit"},
    )
    post = Post.objects.get()
    assert post.state == PostState.DRAFT
    edit = client.get(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/edit/").content.decode()
    assert "1 character over the limit." in edit


def test_two_approvals_at_once_make_one(team, hook):
    from majlis.publishing import workflow

    post = Post.objects.create(
        workspace=team.workspace, author=team.agent, text="Bonjour", state=PostState.IN_REVIEW
    )
    stale = Post.objects.get(pk=post.pk)
    workflow.approve(post, team.manager)
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(stale, team.owner)
    assert AuditEvent.objects.filter(action="post.approve").count() == 1


def test_a_draft_is_deleted_with_its_trace_in_the_audit_log(team, login, hook):
    post = compose(login("agent"), team, hook, action="save")
    response = login("agent").post(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/delete/")
    assert response["Location"] == f"/en/w/{team.workspace.slug}/publishing/"
    assert not Post.objects.exists()
    assert AuditEvent.objects.get(action="post.delete").details["text"] == "Bonjour à tous مرحبا"


def test_a_published_post_cannot_be_deleted(team, login, hook):
    post = compose(login("agent"), team, hook)
    Post.objects.filter(pk=post.pk).update(state=PostState.PUBLISHED)
    login("manager").post(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/delete/")
    assert Post.objects.filter(pk=post.pk).exists()
