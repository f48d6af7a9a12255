"""The insights API: the dashboard's figures and the alert actions, with the UI's roles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja.testing import TestClient

from majlis.insights.api import router
from majlis.listening.models import QueryGroup
from tests.insights import factories


@pytest.fixture
def api():
    return TestClient(router)


def test_the_figures_come_as_json(api, team):
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom")
    rival = factories.query(ws, "Sahara Mobile", QueryGroup.COMPETITOR)
    now = timezone.now()
    factories.mentions(
        ws, [now - timedelta(days=1)] * 3, sentiment="positive", queries=[brand], author="leila"
    )
    factories.mentions(
        ws, [now - timedelta(days=2)], sentiment="negative", queries=[rival], source="Le360"
    )
    body = api.get("/workspaces/atlas/insights?days=7", user=team.analyst).json()
    assert (body["days"], body["step"], body["sentiment"]["total"]) == (7, "hour", 4)
    assert [(v["name"], v["mentions"], v["share"]) for v in body["share_of_voice"]] == [
        ("Atlas Telecom", 3, 0.75),
        ("Sahara Mobile", 1, 0.25),
    ]
    assert body["top_authors"][0]["name"] == "leila"
    assert len(body["series"]) in (168, 169)


def test_an_agent_acknowledges_and_closes_an_alert(api, team):
    alert = factories.alert(team.workspace, "high")
    path = f"/workspaces/atlas/alerts/{alert.pk}"
    assert api.post(f"{path}/acknowledge", user=team.agent).json()["state"] == "acknowledged"
    assert (
        api.post(f"{path}/assign", json={"username": "manager"}, user=team.agent).json()["assignee"]
        == "manager"
    )
    closed = api.post(f"{path}/close", json={"note": "Rétabli."}, user=team.agent).json()
    assert (closed["state"], closed["closing_note"]) == ("closed", "Rétabli.")
    assert api.post(f"{path}/close", json={"note": "encore"}, user=team.agent).status_code == 409


def test_alerts_are_listed_for_readers_and_hidden_from_outsiders(api, team):
    alert = factories.alert(team.workspace, "watch")
    listed = api.get("/workspaces/atlas/alerts", user=team.analyst).json()
    assert [a["id"] for a in listed] == [alert.pk]
    assert listed[0]["explanation"]["negative_share"] == pytest.approx(0.71)
    assert api.get("/workspaces/atlas/alerts", user=team.outsider).status_code == 404


def test_an_analyst_cannot_close_an_alert(api, team):
    alert = factories.alert(team.workspace, "watch")
    # The mounted API answers PermissionDenied with 403 (majlis.api's exception handler).
    with pytest.raises(PermissionDenied):
        api.post(
            f"/workspaces/atlas/alerts/{alert.pk}/close", json={"note": "x"}, user=team.analyst
        )
