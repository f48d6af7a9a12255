"""Engagement is read back from the networks after publishing."""

from __future__ import annotations

from majlis.publishing.delivery import publish_due
from majlis.publishing.engagement import read_engagement_due
from tests.publishing.conftest import scheduled_post


def test_likes_are_read_back_and_shown_on_the_post(
    team, login, bluesky, bluesky_account, django_capture_on_commit_callbacks
):
    post = scheduled_post(team, [bluesky_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    variant = post.variants.get()
    bluesky.likes[variant.remote_id.rsplit("/", 1)[-1]] = 12
    with django_capture_on_commit_callbacks(execute=True):
        assert read_engagement_due() == 1
    assert read_engagement_due() == 0  # read again in an hour, not at every tick
    page = (
        login("analyst").get(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/").content.decode()
    )
    assert "12 likes · 0 shares · 0 replies" in page
