from __future__ import annotations

import pytest

from majlis.queue import make_huey


def test_healthz_answers_ok_when_database_and_queue_answer(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_queue_does_not(client, db, monkeypatch, tmp_path):
    import majlis.tasks

    dead = make_huey("redis://127.0.0.1:1/0", tmp_path)  # nothing listens on port 1
    monkeypatch.setattr(majlis.tasks, "huey", dead)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "down": ["queue"]}


@pytest.mark.django_db
def test_openapi_document_describes_the_api(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "Majlis API"
    assert "/api/v1/workspaces/{slug}/mentions" in document["paths"]
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
