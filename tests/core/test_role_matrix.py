"""Every workspace page and API endpoint answers each role as the role matrix says."""

from __future__ import annotations

import pytest

from majlis.core.models import ApiToken

ROLES = ["owner", "manager", "agent", "analyst", "outsider", "anonymous"]

# url (formatted with the workspace slug), then the status each role sees, in ROLES order.
# Outsiders get 404: they must not even learn that the workspace exists.
PAGES = [
    ("/fr/w/{slug}/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/mentions/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/members/", [200, 403, 403, 403, 404, 302]),
    ("/fr/w/{slug}/audit/", [200, 403, 403, 403, 404, 302]),
    ("/fr/w/{slug}/queries/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/{slug}/queries/new/", [200, 200, 403, 403, 404, 302]),
    ("/fr/w/{slug}/sources/", [200, 200, 200, 200, 404, 302]),
]

API = [
    ("/api/v1/workspaces/{slug}/mentions", [200, 200, 200, 200, 404, 401]),
    ("/api/v1/workspaces/{slug}/members", [200, 403, 403, 403, 404, 401]),
    ("/api/v1/workspaces/{slug}/audit", [200, 403, 403, 403, 404, 401]),
]


def _cases(table):
    return [
        (url, role, status)
        for url, statuses in table
        for role, status in zip(ROLES, statuses, strict=True)
    ]


@pytest.mark.parametrize(("url", "role", "status"), _cases(PAGES))
def test_page_answers_role_as_the_matrix_says(login, team, url, role, status):
    response = login(role).get(url.format(slug=team.workspace.slug))
    assert response.status_code == status


@pytest.mark.parametrize(("url", "role", "status"), _cases(API))
def test_api_answers_role_as_the_matrix_says(client, team, url, role, status):
    headers = {}
    if role != "anonymous":
        headers["Authorization"] = f"Bearer {ApiToken.issue(team.person(role))}"
    response = client.get(url.format(slug=team.workspace.slug), headers=headers)
    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [("owner", 302), ("manager", 403), ("agent", 403), ("analyst", 403), ("outsider", 404)],
)
def test_only_owners_can_invite(login, team, role, status):
    response = login(role).post(
        f"/fr/w/{team.workspace.slug}/members/", {"email": "new@example.com", "role": "agent"}
    )
    assert response.status_code == status
    assert team.workspace.invitations.exists() == (status == 302)


@pytest.mark.parametrize(
    ("role", "status"),
    [("owner", 302), ("manager", 302), ("agent", 403), ("analyst", 403), ("outsider", 404)],
)
def test_only_owners_and_managers_write_queries(login, team, role, status):
    response = login(role).post(
        f"/fr/w/{team.workspace.slug}/queries/new/",
        {"name": "Marque", "group": "brand", "text": '"atlas telecom"', "active": "on"},
    )
    assert response.status_code == status
    assert team.workspace.queries.exists() == (status == 302)


def test_an_unknown_api_token_is_refused(client, team):
    response = client.get("/api/v1/workspaces", headers={"Authorization": "Bearer mj_forged"})
    assert response.status_code == 401
