from __future__ import annotations

import pytest

from majlis.cli import main


def test_api_token_prints_a_token_that_opens_the_api(team, client, capsys):
    assert main(["api-token", "analyst"]) == 0
    token = capsys.readouterr().out.strip()
    response = client.get("/api/v1/workspaces", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert [w["slug"] for w in response.json()] == ["atlas"]


@pytest.mark.django_db
def test_api_token_for_an_unknown_user_exits_2(capsys):
    assert main(["api-token", "nobody"]) == 2
    assert "no active user 'nobody'" in capsys.readouterr().err
