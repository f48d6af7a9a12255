"""Connecting accounts: credentials checked with the network and encrypted at rest; a health
page that warns before a token expires and renews it where the network allows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.core.models import AuditEvent, Job
from majlis.publishing import accounts, secrets
from majlis.publishing.models import NetworkAccount
from tests.publishing.fakes import mastodon as fake_mastodon


def test_connecting_mastodon_checks_the_token_and_keeps_it_encrypted(team, login, mastodon):
    response = login("owner").post(
        f"/en/w/{team.workspace.slug}/accounts/connect/mastodon/",
        {"name": "Atlas · Mastodon", "base_url": mastodon.url, "access_token": fake_mastodon.TOKEN},
    )
    assert response.status_code == 302
    account = NetworkAccount.objects.get()
    assert fake_mastodon.TOKEN not in account.secret
    assert account.credentials() == {"access_token": fake_mastodon.TOKEN}
    assert AuditEvent.objects.filter(action="account.connect", actor_name="owner").exists()


def test_a_refused_token_is_said_in_the_networks_words_and_nothing_is_kept(team, login, mastodon):
    response = login("owner").post(
        f"/en/w/{team.workspace.slug}/accounts/connect/mastodon/",
        {"name": "Atlas", "base_url": mastodon.url, "access_token": "wrong"},
    )
    assert "The network refused: The access token is invalid" in response.content.decode()
    assert not NetworkAccount.objects.exists()


def test_an_address_that_is_not_http_is_refused(team, login):
    response = login("owner").post(
        f"/en/w/{team.workspace.slug}/accounts/connect/mastodon/",
        {"name": "Atlas", "base_url": "file:///etc/passwd", "access_token": "t"},
    )
    assert "Give an address that starts with http:// or https://." in response.content.decode()


def test_private_addresses_are_refused_unless_the_operator_allows_them(
    team, login, mastodon, settings
):
    settings.ALLOW_PRIVATE_URLS = False
    response = login("owner").post(
        f"/en/w/{team.workspace.slug}/accounts/connect/mastodon/",
        {"name": "Atlas", "base_url": mastodon.url, "access_token": fake_mastodon.TOKEN},
    )
    assert "127.0.0.1 is a private address; Majlis does not call it" in response.content.decode()
    assert mastodon.requests == []


def test_the_health_page_warns_a_week_before_a_token_expires(team, login, bluesky_account):
    NetworkAccount.objects.filter(pk=bluesky_account.pk).update(
        token_expires_at=timezone.now() + timedelta(days=5, hours=1)
    )
    page = login("analyst").get(f"/en/w/{team.workspace.slug}/accounts/").content.decode()
    assert "Token expires in 5\xa0days" in page


def test_a_network_that_cannot_renew_says_to_reconnect(team, login):
    NetworkAccount.objects.create(
        workspace=team.workspace,
        network="facebook",
        name="Page",
        token_expires_at=timezone.now() + timedelta(days=2),
    )
    page = login("owner").get(f"/en/w/{team.workspace.slug}/accounts/").content.decode()
    assert "connect the account again before then" in page
    assert "Renew the token" not in page


def test_renewing_a_bluesky_token_from_the_health_page(team, login, bluesky, bluesky_account):
    before = bluesky_account.credentials()["refresh_jwt"]
    login("owner").post(f"/en/w/{team.workspace.slug}/accounts/{bluesky_account.pk}/refresh/")
    bluesky_account.refresh_from_db()
    assert bluesky_account.credentials()["refresh_jwt"] != before
    assert AuditEvent.objects.filter(action="account.refresh").exists()


def test_tokens_about_to_expire_are_renewed_in_the_background(
    team, bluesky, bluesky_account, django_capture_on_commit_callbacks
):
    soon = timezone.now() + timedelta(days=1)
    NetworkAccount.objects.filter(pk=bluesky_account.pk).update(
        token_expires_at=soon, last_checked_at=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert accounts.refresh_expiring() == 1
    bluesky_account.refresh_from_db()
    assert bluesky_account.token_expires_at > timezone.now() + timedelta(days=30)
    assert Job.objects.get(kind="publishing.refresh_account").state == "done"


def test_removing_an_account_with_published_posts_erases_its_secrets_but_keeps_the_history(
    team, login, mastodon_account
):
    from tests.publishing.conftest import scheduled_post

    scheduled_post(team, [mastodon_account])
    login("owner").post(f"/en/w/{team.workspace.slug}/accounts/{mastodon_account.pk}/remove/")
    mastodon_account.refresh_from_db()
    assert (mastodon_account.active, mastodon_account.credentials()) == (False, {})


def test_credentials_round_trip_and_are_unreadable_with_another_key(settings):
    token = secrets.encrypt({"access_token": "secret-value"})
    assert "secret-value" not in token
    assert secrets.decrypt(token) == {"access_token": "secret-value"}
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "another-key-entirely-0123456789-abcdefghijklmnop"
    with pytest.raises(secrets.UnreadableSecret):
        secrets.decrypt(token)
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert secrets.decrypt(token) == {"access_token": "secret-value"}
