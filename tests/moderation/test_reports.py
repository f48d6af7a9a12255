"""Readers flag items; weighed by their record, enough reports hide an item and the site is told."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from majlis.core.models import AuditEvent, Job
from majlis.core.ratelimit import Limit
from majlis.moderation import reports
from majlis.moderation.models import Item, ItemStatus, ModerationSettings, Reporter
from tests.moderation.conftest import akismet, comment
from tests.moderation.receiver import webhook_receiver

INSULT = "Vous êtes tous des incapables, ce service est une arnaque et vos agents des voleurs."


@pytest.fixture
def item(client, blog) -> Item:
    response = akismet(client, "comment-check", comment(blog.key, comment_content=INSULT))
    found = Item.objects.get(public_id=response["X-Majlis-Item"])
    found.status = ItemStatus.APPROVED
    found.save()
    return found


def _report(client, item, reader, ip="196.200.1.1", **fields):
    return client.post(
        "/moderation/v1/report",
        {"item": item.public_id, "reporter": reader, **fields},
        REMOTE_ADDR=ip,
    )


def test_a_report_is_counted_and_the_item_waits_for_a_look(client, item):
    response = _report(client, item, "reader-1")
    assert response.status_code == 200
    assert response.json() == {"item": item.public_id, "status": "pending", "counted": 1.0}
    assert response["Access-Control-Allow-Origin"] == "*"
    item.refresh_from_db()
    assert (item.report_count, item.report_weight, item.status) == (1, 1.0, ItemStatus.PENDING)


def test_a_reader_reports_an_item_once(client, item):
    _report(client, item, "reader-1")
    again = _report(client, item, "reader-1")
    assert again.status_code == 409
    assert again.json()["detail"]
    item.refresh_from_db()
    assert item.report_count == 1


# Transactional: the webhook job runs when the report commits, as in production (the test queue
# runs jobs at once, and a job closes stale connections, which a test transaction would be).
@pytest.mark.django_db(transaction=True)
def test_three_reports_hide_the_item_and_the_site_learns_it(client, item, blog, settings):
    settings.ALLOW_PRIVATE_URLS = True
    with webhook_receiver() as site_hook:
        blog.site.webhook_url = site_hook.url
        blog.site.save()
        for reader in ("reader-1", "reader-2", "reader-3"):
            response = _report(client, item, reader, ip=f"196.200.1.{len(reader)}")
        assert response.json()["status"] == "hidden"
        assert [p["status"] for p in site_hook.payloads()] == ["hidden"]
        sent = site_hook.received[0]
    payload = site_hook.payloads()[0]
    assert payload["item"] == item.public_id
    assert payload["cause"] == "reports"
    assert payload["reports"] == 3
    secret = blog.site.webhook_secret.encode()
    assert sent["headers"]["X-Majlis-Signature"] == (
        "sha256=" + hmac.new(secret, sent["body"], hashlib.sha256).hexdigest()
    )
    assert client.get(f"/moderation/v1/items/{item.public_id}").json() == {
        "item": item.public_id,
        "status": "hidden",
    }
    event = AuditEvent.objects.get(action="moderation.community_hide")
    assert event.actor_name == "system"


def test_the_threshold_is_the_workspaces_choice(client, item, team):
    ModerationSettings.objects.update_or_create(
        workspace=team.workspace, defaults={"hide_threshold": 1.5}
    )
    _report(client, item, "reader-1")
    assert _report(client, item, "reader-2").json()["status"] == "hidden"


def test_trusted_readers_weigh_more_and_crying_wolf_weighs_less(client, item, blog):
    Reporter.objects.create(site=blog.site, external_id="trusted", confirmed=4)
    Reporter.objects.create(site=blog.site, external_id="wolf", rejected=3)
    assert _report(client, item, "trusted").json()["counted"] == 2.0
    assert _report(client, item, "wolf").json()["counted"] == 0.125
    item.refresh_from_db()
    assert item.report_weight == pytest.approx(2.125)
    assert item.status == ItemStatus.PENDING


def test_restoring_rejects_the_reports_and_confirming_upholds_them(client, login, item, blog, team):
    ModerationSettings.objects.update_or_create(
        workspace=team.workspace, defaults={"hide_threshold": 1.0}
    )
    _report(client, item, "reader-1")
    login("agent").post(
        "/en/w/atlas/moderation/act/", {"action": "restore", "items": [item.pk], "status": "hidden"}
    )
    assert Reporter.objects.get(external_id="reader-1").rejected == 1
    assert Reporter.objects.get(external_id="reader-1").weight == 0.5

    other = Item.objects.create(
        site=blog.site, workspace=team.workspace, public_id="second-item", status="approved",
        created_at=item.created_at,
    )  # fmt: skip
    _report(client, other, "reader-2")
    login("agent").post(
        "/en/w/atlas/moderation/act/",
        {"action": "confirm", "items": [other.pk], "status": "hidden"},
    )
    assert Reporter.objects.get(external_id="reader-2").confirmed == 1
    assert Reporter.objects.get(external_id="reader-2").weight == 1.5
    other.refresh_from_db()
    assert other.status == ItemStatus.HIDDEN


def test_abusive_reporters_are_listed_per_site(client, login, item):
    _report(client, item, "serial-flagger")
    login("agent").post(
        "/en/w/atlas/moderation/act/",
        {"action": "approve", "items": [item.pk], "status": "pending"},
    )
    page = login("analyst").get("/en/w/atlas/moderation/reporters/").content.decode()
    assert "serial-flagger" in page
    assert "blog.atlas.ma" in page


def test_a_reader_reporting_too_much_is_told_to_wait(client, item, blog, team):
    for n in range(reports.PER_REPORTER.hits):
        target = Item.objects.create(
            site=blog.site, workspace=team.workspace, public_id=f"bulk-{n}", status="approved",
            created_at=item.created_at,
        )  # fmt: skip
        assert _report(client, target, "eager", ip=f"10.1.{n}.1").status_code == 200
    refused = _report(client, item, "eager", ip="10.9.9.9")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600


def test_one_address_reporting_too_much_is_told_to_wait(client, item, monkeypatch):
    monkeypatch.setattr(reports, "PER_IP", Limit(hits=3, seconds=3600))
    for n in range(3):
        _report(client, item, f"sock-puppet-{n}", ip="203.0.113.7")
    refused = _report(client, item, "sock-puppet-9", ip="203.0.113.7")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


def test_a_site_may_report_for_its_reader_with_its_key(client, item, blog):
    response = _report(
        client, item, "reader-1", ip="198.51.100.1", api_key=blog.key, user_ip="41.92.1.1"
    )
    assert response.status_code == 200
    assert item.reports.get().ip == "41.92.1.1"


def test_reports_need_an_item_and_a_reader(client, item):
    assert client.post("/moderation/v1/report", {"item": item.public_id}).status_code == 400
    assert _report(client, Item(public_id="does-not-exist"), "r").status_code == 404


def test_reports_may_come_as_json(client, item):
    response = client.post(
        "/moderation/v1/report",
        {"item": item.public_id, "reporter": "reader-json"},
        content_type="application/json",
    )
    assert response.status_code == 200


def test_an_unknown_item_has_no_status(client, db):
    assert client.get("/moderation/v1/items/nope").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_webhook_to_a_private_address_is_refused_unless_allowed(
    client, item, blog, team, settings
):
    settings.ALLOW_PRIVATE_URLS = False
    ModerationSettings.objects.update_or_create(
        workspace=team.workspace, defaults={"hide_threshold": 1.0}
    )
    with webhook_receiver() as site_hook:
        blog.site.webhook_url = site_hook.url
        blog.site.save()
        _report(client, item, "reader-1")
        assert site_hook.received == []
    job = Job.objects.get(kind="moderation.webhook")
    assert job.state == "failed"
    assert job.error == "127.0.0.1 resolves to a private address; refused"
