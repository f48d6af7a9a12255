"""A person corrects a mention's sentiment in one click; the workspace's later mentions learn
from it, and other workspaces are not affected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from majlis.core.models import Workspace
from majlis.listening import clusters
from majlis.listening.ingest import Incoming, ingest
from majlis.listening.models import Mention, Query
from majlis.listening.sentiment import forget_workspace_model

# Darija sarcasm the shipped model reads as positive: "bravo, three days without network".
SARCASM = "bravo atlas telecom, 3 jours bla rezo, chapeau l service client"


@pytest.fixture(autouse=True)
def fresh():
    clusters.reset()
    yield
    clusters.reset()


def _mention(workspace, n):
    ingest(
        [
            Incoming(
                url=f"https://x.example/{workspace.slug}/{n}",
                text=f"{SARCASM} #{n}",
                published_at=datetime(2026, 11, 14, 20, n, tzinfo=UTC),
            )
        ],
        only_workspace=workspace,
    )
    return Mention.objects.get(
        workspace=workspace, item__url=f"https://x.example/{workspace.slug}/{n}"
    )


def test_a_correction_changes_the_workspace_s_next_readings_only(login, team):
    other = Workspace.objects.create(slug="other", name="Other")
    for workspace in (team.workspace, other):
        Query.objects.create(workspace=workspace, name="Marque", text='"atlas telecom"')
        forget_workspace_model(workspace.pk)
    first = _mention(team.workspace, 1)
    before = first.sentiment
    corrected = "negative" if before != "negative" else "positive"

    response = login("agent").post(
        f"/fr/w/{team.workspace.slug}/mentions/{first.pk}/",
        {"action": "sentiment", "sentiment": corrected},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.sentiment, first.sentiment_corrected) == (corrected, True)

    assert _mention(team.workspace, 2).sentiment == corrected
    assert _mention(other, 3).sentiment == before


def test_analysts_cannot_correct(login, team):
    Query.objects.create(workspace=team.workspace, name="Marque", text='"atlas telecom"')
    mention = _mention(team.workspace, 1)
    response = login("analyst").post(
        f"/fr/w/{team.workspace.slug}/mentions/{mention.pk}/",
        {"action": "sentiment", "sentiment": "negative"},
    )
    assert response.status_code == 403
