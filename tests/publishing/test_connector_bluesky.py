"""The Bluesky connector against an XRPC server on loopback that keeps one record per rkey."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from majlis.publishing.accounts import view_of
from majlis.publishing.connectors.base import MediaFile, Outgoing, PermanentError, TransientError
from majlis.publishing.connectors.bluesky import Bluesky, tid
from majlis.publishing.http import client
from majlis.publishing.models import NetworkAccount
from tests.publishing.conftest import PNG
from tests.publishing.fakes.bluesky import DID, HANDLE, OTHERS

MOMENT = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def publish(account, text="Bonjour de l'Atlas", key="key-1", **kwargs):
    outgoing = Outgoing(parts=(text,), created_at=MOMENT, **kwargs)
    with client() as http:
        return Bluesky(http).publish(outgoing, view_of(account), key)


def test_connecting_opens_a_session_and_keeps_it_encrypted(bluesky, bluesky_account):
    assert bluesky_account.handle == f"@{HANDLE}"
    assert bluesky_account.remote_id == DID
    assert bluesky_account.token_expires_at is not None
    assert "abcd-efgh" not in bluesky_account.secret
    assert bluesky_account.credentials()["app_password"] == "abcd-efgh-ijkl-mnop"


def test_a_post_is_created_with_a_tid_record_key_and_read_back(bluesky, bluesky_account):
    ref = publish(bluesky_account, "Nouvelle offre 🇲🇦 https://atlas.ma/fibre #AtlasFibre")
    rkey = ref.remote_id.rsplit("/", 1)[-1]
    assert tid.is_valid(rkey)
    assert ref.url == f"https://bsky.app/profile/{HANDLE}/post/{rkey}"
    [post] = bluesky.posts()
    assert [f["features"][0]["$type"] for f in post["facets"]] == [
        "app.bsky.richtext.facet#link",
        "app.bsky.richtext.facet#tag",
    ]
    assert bluesky.seen("GET", "/xrpc/com.atproto.repo.getRecord")


def test_mentions_carry_the_did_and_unknown_handles_are_dropped(bluesky, bluesky_account):
    publish(bluesky_account, "Merci @amina.bsky.social et @nobody.bsky.social")
    [post] = bluesky.posts()
    assert [f["features"] for f in post["facets"]] == [
        [{"$type": "app.bsky.richtext.facet#mention", "did": OTHERS["amina.bsky.social"]}]
    ]


def test_a_retry_with_the_same_key_cannot_make_a_second_post(bluesky, bluesky_account):
    first = publish(bluesky_account, key="same")
    second = publish(bluesky_account, key="same")
    assert first == second
    assert len(bluesky.posts()) == 1


def test_a_lost_answer_is_recovered_from_the_record_already_at_that_key(bluesky, bluesky_account):
    bluesky.drop_next("POST", "com.atproto.repo.createRecord")
    ref = publish(bluesky_account, key="lost")
    assert len(bluesky.posts()) == 1
    assert ref.remote_id.endswith(tid.for_key("lost", MOMENT))


def test_a_failed_create_with_nothing_at_the_key_is_still_a_failure(bluesky, bluesky_account):
    bluesky.fail_next(
        "POST",
        "com.atproto.repo.createRecord",
        502,
        {"error": "UpstreamFailure", "message": "Upstream Failure"},
    )
    with pytest.raises(TransientError, match="Upstream Failure"):
        publish(bluesky_account)
    assert bluesky.posts() == []


def test_an_expired_access_token_is_refreshed_and_the_new_one_saved(bluesky, bluesky_account):
    bluesky.expire_access_tokens()
    old = bluesky_account.credentials()["refresh_jwt"]
    publish(bluesky_account)
    assert len(bluesky.posts()) == 1
    assert bluesky.seen("POST", "/xrpc/com.atproto.server.refreshSession")
    saved = NetworkAccount.objects.get(pk=bluesky_account.pk).credentials()
    assert saved["refresh_jwt"] != old


def test_when_the_refresh_token_expired_too_the_app_password_opens_a_new_session(
    bluesky, bluesky_account
):
    bluesky.expire_access_tokens()
    bluesky.expire_refresh_tokens()
    publish(bluesky_account)
    assert len(bluesky.posts()) == 1
    assert len(bluesky.seen("POST", "/xrpc/com.atproto.server.createSession")) == 2


def test_images_are_uploaded_as_blobs_with_their_alt_text(bluesky, bluesky_account):
    image = MediaFile(
        "image/png", "Le logo d'Atlas Telecom", "https://example.org/i.png", lambda: PNG
    )
    publish(bluesky_account, media=(image,))
    [post] = bluesky.posts()
    assert post["embed"]["images"][0]["alt"] == "Le logo d'Atlas Telecom"
    assert post["embed"]["images"][0]["image"]["mimeType"] == "image/png"


def test_a_thread_replies_to_its_root(bluesky, bluesky_account):
    with client() as http:
        Bluesky(http).publish(
            Outgoing(parts=("Un 1/2", "Deux 2/2"), created_at=MOMENT), view_of(bluesky_account), "t"
        )
    second = next(p for p in bluesky.posts() if p["text"] == "Deux 2/2")
    assert second["reply"]["root"] == second["reply"]["parent"]


def test_the_servers_refusal_is_kept_word_for_word(bluesky, bluesky_account):
    with pytest.raises(PermanentError, match="must not be longer than 300 graphemes"):
        publish(bluesky_account, "a" * 301)


def test_a_rate_limit_is_transient_with_the_reset_time(bluesky, bluesky_account):
    bluesky.remaining = 0
    with pytest.raises(TransientError) as raised:
        publish(bluesky_account)
    assert raised.value.retry_after is not None
    assert raised.value.retry_after <= 300


def test_engagement_is_read_back(bluesky, bluesky_account):
    ref = publish(bluesky_account)
    bluesky.likes[ref.remote_id.rsplit("/", 1)[-1]] = 7
    with client() as http:
        seen = Bluesky(http).read_back(view_of(bluesky_account), ref.remote_id)
    assert seen.likes == 7


def test_tids_are_thirteen_sortable_characters():
    earlier = tid.for_key("k", datetime(2026, 1, 1, tzinfo=UTC))
    later = tid.for_key("k", datetime(2026, 1, 2, tzinfo=UTC))
    assert tid.is_valid(earlier)
    assert earlier < later
