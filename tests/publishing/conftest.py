"""Fixtures for publishing: fake networks on loopback, and the brand's accounts on them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from majlis.publishing import accounts
from majlis.publishing.models import NetworkAccount
from tests.publishing.fakes import bluesky as fake_bluesky
from tests.publishing.fakes import mastodon as fake_mastodon
from tests.publishing.fakes.bluesky import FakeBluesky
from tests.publishing.fakes.mastodon import FakeMastodon

# A tiny but real PNG (1×1 pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000185d2d0300000000049454e44ae426082"
)


@pytest.fixture(autouse=True)
def _loopback_allowed(settings: pytest.FixtureRequest) -> None:
    # The fake networks listen on 127.0.0.1, which Majlis refuses unless told otherwise.
    settings.ALLOW_PRIVATE_URLS = True  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _media_in_tmp(
    settings: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # Jobs run inline here (memory queue). The queue's hooks close "old" connections, which on
    # PostgreSQL closes the connection holding the test's transaction. A worker needs that; a
    # test does not.
    monkeypatch.setattr("majlis.tasks.close_old_connections", lambda: None)


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    server = FakeMastodon().start()
    yield server
    server.stop()


@pytest.fixture
def bluesky() -> Iterator[FakeBluesky]:
    server = FakeBluesky().start()
    yield server
    server.stop()


@pytest.fixture
def mastodon_account(team, mastodon: FakeMastodon) -> NetworkAccount:
    return accounts.connect(
        team.workspace,
        "mastodon",
        "Atlas sur Mastodon",
        {"base_url": mastodon.url, "access_token": fake_mastodon.TOKEN},
        team.owner,
    )


@pytest.fixture
def bluesky_account(team, bluesky: FakeBluesky) -> NetworkAccount:
    return accounts.connect(
        team.workspace,
        "bluesky",
        "Atlas sur Bluesky",
        {
            "base_url": bluesky.url,
            "identifier": fake_bluesky.HANDLE,
            "app_password": fake_bluesky.APP_PASSWORD,
        },
        team.owner,
    )


def scheduled_post(team, accounts_, text="Nouvelle offre Fibre 🇲🇦 عرض جديد", when=None, **fields):
    """A post as the workflow leaves it: written by the agent, approved by the manager."""
    from django.utils import timezone

    from majlis.publishing.models import Post, PostState

    post = Post.objects.create(
        workspace=team.workspace,
        author=team.agent,
        text=text,
        state=PostState.SCHEDULED,
        scheduled_at=when or timezone.now(),
        approved_by=team.manager,
        approved_at=timezone.now(),
        **fields,
    )
    for account in accounts_:
        post.variants.create(account=account)
    return post
