"""Publishing a due post: claimed once, sent with an idempotency key, retried with backoff when
the network has a passing problem, failed loudly (page and e-mail) when it refuses."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from majlis.core.models import AuditEvent, Job, JobState
from majlis.publishing.delivery import publish_due
from majlis.publishing.models import Post, PostState, VariantState
from tests.publishing.conftest import scheduled_post


def test_a_due_post_is_published_on_every_account_with_its_address(
    team, mastodon, bluesky, mastodon_account, bluesky_account, django_capture_on_commit_callbacks
):
    post = scheduled_post(team, [mastodon_account, bluesky_account])
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == 1
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    urls = sorted(post.variants.values_list("url", flat=True))
    assert urls[0].startswith(f"{mastodon.url}/@atlas/")
    assert urls[1].startswith("https://bsky.app/profile/atlas.bsky.social/post/")
    assert len(mastodon.statuses) == 1
    assert len(bluesky.posts()) == 1


def test_a_post_is_claimed_once_however_often_the_scheduler_looks(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    scheduled_post(team, [mastodon_account])
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == 1
        assert publish_due() == 0
    assert len(mastodon.statuses) == 1


def test_a_post_is_not_published_before_its_time(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    post = scheduled_post(team, [mastodon_account], when=timezone.now() + timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_due() == 0
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED
    assert mastodon.statuses == {}


def test_the_audit_log_signs_the_publication_with_the_approver(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    scheduled_post(team, [mastodon_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    published = AuditEvent.objects.get(action="post.published")
    assert published.details["approved_by"] == "manager"
    assert published.details["url"].startswith(mastodon.url)


def test_a_passing_problem_is_retried_later_with_the_same_key(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    mastodon.fail_next("POST", "/api/v1/statuses", 503, {"error": "Service Unavailable"})
    post = scheduled_post(team, [mastodon_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    variant = post.variants.get()
    assert variant.state == VariantState.SENDING
    job = Job.objects.get(kind="publishing.publish_variant")
    assert job.state == JobState.QUEUED
    assert job.run_after > timezone.now() + timedelta(seconds=10)

    from majlis.core.jobs import execute

    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert execute(job.pk) == "done"
    variant.refresh_from_db()
    assert variant.state == VariantState.PUBLISHED
    keys = {r.headers["idempotency-key"] for r in mastodon.seen("POST", "/api/v1/statuses")}
    assert keys == {variant.idempotency_key}
    assert len(mastodon.statuses) == 1


def test_a_refusal_fails_the_post_with_the_networks_words_on_the_page_and_by_mail(
    team, login, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    mastodon.max_characters = 10
    post = scheduled_post(team, [mastodon_account], text="Un texte trop long pour ce serveur")
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    post.refresh_from_db()
    assert post.state == PostState.FAILED
    page = login("agent").get(f"/fr/w/{team.workspace.slug}/publishing/{post.pk}/").content.decode()
    assert "Validation failed: Text character limit of 10 exceeded" in page
    [message] = mail.outbox
    assert message.to == ["agent@example.com"]
    assert "Validation failed: Text character limit of 10 exceeded" in message.body
    assert Job.objects.get(kind="publishing.publish_variant").state == JobState.FAILED


def test_a_post_whose_address_cannot_be_read_back_is_not_called_published(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks
):
    mastodon.fail_next("GET", "/api/v1/statuses/", 500, {"error": "Internal Server Error"})
    post = scheduled_post(team, [mastodon_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHING
    assert post.variants.get().url == ""


def test_one_account_failing_does_not_undo_the_other(
    team, mastodon, bluesky, mastodon_account, bluesky_account, django_capture_on_commit_callbacks
):
    bluesky.fail_next(
        "POST",
        "com.atproto.repo.createRecord",
        400,
        {"error": "InvalidRequest", "message": "Invalid app.bsky.feed.post record"},
    )
    post = scheduled_post(team, [mastodon_account, bluesky_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    post.refresh_from_db()
    assert post.state == PostState.FAILED
    states = dict(post.variants.values_list("account__network", "state"))
    assert states == {"mastodon": VariantState.PUBLISHED, "bluesky": VariantState.FAILED}


def test_trying_again_publishes_only_what_failed(
    team,
    login,
    mastodon,
    bluesky,
    mastodon_account,
    bluesky_account,
    django_capture_on_commit_callbacks,
):
    bluesky.fail_next(
        "POST",
        "com.atproto.repo.createRecord",
        400,
        {"error": "InvalidRequest", "message": "Invalid app.bsky.feed.post record"},
    )
    post = scheduled_post(team, [mastodon_account, bluesky_account])
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    with django_capture_on_commit_callbacks(execute=True):
        login("agent").post(f"/fr/w/{team.workspace.slug}/publishing/{post.pk}/retry/")
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    assert len(mastodon.statuses) == 1
    assert len(bluesky.posts()) == 1
    assert Post.objects.count() == 1
