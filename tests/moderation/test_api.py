"""The queue through the JSON API, with the same role matrix as the pages."""

from __future__ import annotations

import pytest
from ninja.testing import TestClient

from majlis.core.models import ApiToken
from majlis.moderation.api import router
from majlis.moderation.models import Item, ItemStatus
from tests.moderation.conftest import akismet, comment
from tests.moderation.test_protocol import CASINO


@pytest.fixture
def api():
    return TestClient(router)


def _auth(person) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(person)}"}


def test_an_analyst_reads_spam_with_its_reasons(client, api, blog, team):
    akismet(client, "comment-check", comment(blog.key, comment_content=CASINO))
    response = api.get("/workspaces/atlas/moderation/items?status=spam", user=team.analyst)
    assert response.status_code == 200
    [item] = response.json()
    assert item["site"] == "blog.atlas.ma"
    assert "kw_gambling" in [r["code"] for r in item["reasons"]]


def test_an_agent_restores_through_the_api(client, api, blog, team):
    akismet(client, "comment-check", comment(blog.key, comment_content=CASINO))
    item = Item.objects.get()
    response = api.post(
        "/workspaces/atlas/moderation/decisions",
        json={"action": "restore", "items": [item.public_id]},
        user=team.agent,
    )
    assert response.json() == {"changed": 1}
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED


def test_an_unknown_action_is_refused(api, blog, team):
    response = api.post(
        "/workspaces/atlas/moderation/decisions",
        json={"action": "delete", "items": []},
        user=team.agent,
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("role", "read", "decide"),
    [("agent", 200, 200), ("analyst", 200, 403), ("outsider", 404, 404)],
)
def test_the_api_answers_each_role_as_the_pages_do(client, team, role, read, decide):
    headers = _auth(team.person(role))
    listed = client.get("/api/v1/workspaces/atlas/moderation/items", headers=headers)
    decided = client.post(
        "/api/v1/workspaces/atlas/moderation/decisions",
        {"action": "approve", "items": []},
        content_type="application/json",
        headers=headers,
    )
    assert (listed.status_code, decided.status_code) == (read, decide)
