"""Writing a query: checked as one types, the fault shown where it is, saved in the audit log."""

from __future__ import annotations

import pytest

from majlis.core.models import AuditEvent


def test_a_valid_query_is_saved_and_audited(login, team):
    client = login("manager")
    response = client.post(
        f"/fr/w/{team.workspace.slug}/queries/new/",
        {"name": "Marque", "group": "brand", "text": '"atlas telecom" OR أطلس', "active": "on"},
    )
    assert response.status_code == 302
    query = team.workspace.queries.get()
    assert query.text == '"atlas telecom" OR أطلس'
    assert AuditEvent.objects.filter(action="query.create", target="Marque").exists()


@pytest.mark.parametrize(
    ("text", "position"),
    [('"air canada', 1), ("maroc AND", 7), ("NOT maroc", 1), ("(maroc OR rdc", 1)],
)
def test_a_malformed_query_is_refused_with_the_position(login, team, text, position):
    response = login("manager").post(
        f"/en/w/{team.workspace.slug}/queries/new/",
        {"name": "Broken", "group": "brand", "text": text},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"at character {position}." in page
    assert not team.workspace.queries.exists()


def test_the_live_check_points_at_the_fault(login, team):
    response = login("analyst").post(
        f"/en/w/{team.workspace.slug}/queries/check/", {"text": "maroc OR"}
    )
    page = response.content.decode()
    assert "OR needs a term on each side" in page
    assert "<code>maroc OR\n      ^</code>" in page  # the caret sits under the OR


def test_the_live_check_speaks_french_by_default(login, team):
    response = login("analyst").post(f"/fr/w/{team.workspace.slug}/queries/check/", {"text": "a"})
    assert "valide" in response.content.decode()


def test_a_hostile_query_text_is_shown_escaped(login, team):
    response = login("manager").post(
        f"/en/w/{team.workspace.slug}/queries/check/", {"text": '"<script>alert(1)</script>'}
    )
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page
