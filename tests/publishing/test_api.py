"""The publishing API: the same posts, workflow and role matrix as the pages."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from ninja.testing import TestClient

from majlis.publishing.api import router
from majlis.publishing.models import NetworkAccount, Post


@pytest.fixture
def api():
    return TestClient(router)


@pytest.fixture
def hook(team):
    return NetworkAccount.objects.create(
        workspace=team.workspace,
        network="webhook",
        name="Site",
        base_url="https://example.org/hook",
    )


def test_an_agent_creates_and_submits_a_post_and_a_manager_approves_it(api, team, hook):
    slug = team.workspace.slug
    made = api.post(
        f"/workspaces/{slug}/posts",
        json={"text": "Bonjour مرحبا", "accounts": [hook.pk]},
        user=team.agent,
    )
    assert made.status_code == 201
    post_id = made.json()["id"]
    assert (
        api.post(f"/workspaces/{slug}/posts/{post_id}/submit", user=team.agent).json()["state"]
        == "in_review"
    )
    approved = api.post(f"/workspaces/{slug}/posts/{post_id}/approve", user=team.manager).json()
    assert (approved["state"], approved["approved_by"]) == ("approved", "manager")
    listed = api.get(f"/workspaces/{slug}/posts?state=approved", user=team.analyst).json()
    assert [p["id"] for p in listed] == [post_id]
    assert listed[0]["variants"] == [
        {"account": hook.pk, "network": "webhook", "state": "pending", "url": "", "error": ""}
    ]


def test_a_workflow_refusal_is_a_conflict_with_the_reason(api, team, hook):
    post = Post.objects.create(
        workspace=team.workspace, author=team.manager, text="Bonjour", state="in_review"
    )
    post.variants.create(account=hook)
    url = f"/workspaces/{team.workspace.slug}/posts/{post.pk}/approve"
    with translation.override("en"):
        response = api.post(url, user=team.manager)
    assert response.status_code == 409
    assert response.json() == {"detail": "You cannot approve your own post: ask another manager."}


def test_an_agent_cannot_approve_through_the_api(api, team, hook):
    post = Post.objects.create(
        workspace=team.workspace, author=team.manager, text="Bonjour", state="in_review"
    )
    with pytest.raises(PermissionDenied):
        api.post(f"/workspaces/{team.workspace.slug}/posts/{post.pk}/approve", user=team.agent)


def test_the_accounts_are_listed_without_their_secrets(api, team, mastodon_account):
    [account] = api.get(f"/workspaces/{team.workspace.slug}/accounts", user=team.analyst).json()
    assert account["handle"] == "@atlas"
    assert "secret" not in account
