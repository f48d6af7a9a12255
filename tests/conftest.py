"""Shared fixtures: a workspace with named people, one per role, plus an outsider."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from majlis.core.models import Membership, Workspace
from majlis.core.roles import Role
from majlis.listening import clusters

PASSWORD = "correct horse battery staple"


@dataclass
class Team:
    workspace: Workspace
    owner: Any
    manager: Any
    agent: Any
    analyst: Any
    outsider: Any

    def person(self, name: str) -> Any:
        return getattr(self, name)


@pytest.fixture
def team(db: Any) -> Team:
    users = get_user_model().objects
    workspace = Workspace.objects.create(slug="atlas", name="Atlas Telecom", brand="Atlas Telecom")
    people = {}
    for role in ("owner", "manager", "agent", "analyst", "outsider"):
        people[role] = users.create_user(role, f"{role}@example.com", PASSWORD)
        if role != "outsider":
            Membership.objects.create(workspace=workspace, user=people[role], role=Role(role))
    # The outsider owns another workspace: being an owner elsewhere grants nothing here.
    elsewhere = Workspace.objects.create(slug="elsewhere", name="Elsewhere")
    Membership.objects.create(workspace=elsewhere, user=people["outsider"], role=Role.OWNER)
    return Team(workspace=workspace, **people)


@pytest.fixture
def login(client: Client, team: Team) -> Any:
    def as_person(name: str) -> Client:
        if name != "anonymous":
            client.force_login(team.person(name))
        return client

    return as_person


@pytest.fixture
def fresh_clusters() -> Any:
    """An empty near-duplicate index before and after the test (it lives in the process)."""
    clusters.reset()
    yield
    clusters.reset()
