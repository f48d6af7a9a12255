"""Every publishing page answers each role as the role matrix says."""

from __future__ import annotations

import pytest

from majlis.publishing.models import NetworkAccount, Post

ROLES = ["owner", "manager", "agent", "analyst", "outsider", "anonymous"]
PAGES = [
    ("/fr/w/{slug}/publishing/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/publishing/new/", [200, 200, 200, 403, 404, 302]),
    ("/fr/w/{slug}/publishing/{post}/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/publishing/{post}/edit/", [200, 200, 200, 403, 404, 302]),
    ("/fr/w/{slug}/calendar/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/calendar/?view=month", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/accounts/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/accounts/connect/mastodon/", [200, 200, 403, 403, 404, 302]),
]
ACTIONS = [
    ("/fr/w/{slug}/publishing/{post}/approve/", [302, 302, 403, 403, 404, 302]),
    ("/fr/w/{slug}/publishing/{post}/comment/", [302, 302, 302, 403, 404, 302]),
    ("/fr/w/{slug}/accounts/{account}/remove/", [302, 302, 403, 403, 404, 302]),
]


def _cases(table):
    return [
        (url, role, status)
        for url, statuses in table
        for role, status in zip(ROLES, statuses, strict=True)
    ]


@pytest.fixture
def urls(team):
    account = NetworkAccount.objects.create(
        workspace=team.workspace,
        network="webhook",
        name="Site",
        base_url="https://example.org/hook",
    )
    post = Post.objects.create(
        workspace=team.workspace, author=team.agent, text="Bonjour", state="in_review"
    )
    post.variants.create(account=account)
    return {"slug": team.workspace.slug, "post": post.pk, "account": account.pk}


@pytest.mark.parametrize(("url", "role", "status"), _cases(PAGES))
def test_page_answers_role_as_the_matrix_says(login, urls, url, role, status):
    assert login(role).get(url.format(**urls)).status_code == status


@pytest.mark.parametrize(("url", "role", "status"), _cases(ACTIONS))
def test_action_answers_role_as_the_matrix_says(login, urls, url, role, status):
    assert login(role).post(url.format(**urls), {"text": "Vu"}).status_code == status
