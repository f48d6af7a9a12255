"""Alerts reach people by e-mail and chat webhooks, as background jobs, once per severity."""

from __future__ import annotations

import email
import email.policy

import pytest
from django.test import override_settings

from majlis.core.models import AuditEvent, Job
from majlis.insights import alerts, notify
from majlis.insights.models import Channel, Delivery
from tests.insights import factories


def read(envelope):
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    return message["Subject"].strip(), message.get_content().replace("\r\n", "\n")


def email_channel(team, **fields):
    channel = Channel.objects.create(
        workspace=team.workspace, kind="email", name="Équipe", **fields
    )
    channel.recipients.set([team.manager, team.agent])
    return channel


def test_a_manager_adds_an_email_channel_for_chosen_members(login, team):
    client = login("manager")
    response = client.post(
        "/en/w/atlas/insights/channels/",
        {
            "name": "Astreinte",
            "kind": "email",
            "recipients": [team.agent.pk],
            "min_severity": "high",
            "language": "fr",
        },
    )
    assert response.status_code == 302
    channel = Channel.objects.get(name="Astreinte")
    assert list(channel.recipients.all()) == [team.agent]
    assert AuditEvent.objects.filter(action="alert_channel.add", actor_name="manager").exists()


@pytest.mark.parametrize(
    "url", ["ftp://hooks.example.com/x", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_a_webhook_address_must_be_http_or_https(login, team, url):
    page = login("manager").post(
        "/en/w/atlas/insights/channels/",
        {"name": "Hook", "kind": "slack", "url": url, "min_severity": "watch", "language": "en"},
    )
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
    assert not Channel.objects.exists()


def test_agents_do_not_configure_channels(login, team):
    assert login("agent").get("/en/w/atlas/insights/channels/").status_code == 403


def test_an_alert_is_mailed_to_the_chosen_members_through_a_real_smtp_server(
    team, smtp_server, django_capture_on_commit_callbacks
):
    email_channel(team)
    brand = factories.query(team.workspace, "Atlas Telecom")
    with django_capture_on_commit_callbacks(execute=True):
        alert = factories.alert(team.workspace, "high", brand, observed=42, expected=3.0)
        notify.dispatch([alert])
    assert len(smtp_server.messages) == 1
    envelope = smtp_server.messages[0]
    assert sorted(envelope.rcpt_tos) == ["agent@example.com", "manager@example.com"]
    subject, body = read(envelope)  # in the channel's language, French unless chosen
    assert subject == "[Majlis] Alerte élevée : Atlas Telecom"
    assert "42 mentions sur 1 h, contre 3 attendues (×14)." in body
    assert "Plan d'action :\n1. Prendre l'alerte en charge" in body
    assert f"/fr/w/atlas/insights/alerts/{alert.pk}/" in body
    assert Delivery.objects.get().state == "sent"


def test_an_alert_is_told_once_per_severity(team, smtp_server, django_capture_on_commit_callbacks):
    email_channel(team)
    ws = team.workspace
    with django_capture_on_commit_callbacks(execute=True):
        alert = factories.alert(ws, "watch")
        notify.dispatch([alert])
        notify.dispatch([alert])  # the next check sees the same rise
    assert len(smtp_server.messages) == 1
    with django_capture_on_commit_callbacks(execute=True):
        worse = alerts.raise_or_escalate(
            ws, None, factories.finding("critical"), alert.window_start, alert.window_end
        )
        assert worse is not None
        notify.dispatch([worse])
    assert len(smtp_server.messages) == 2
    subject = read(smtp_server.messages[1])[0]
    assert subject == "[Majlis] Aggravation. Alerte critique : Atlas Telecom (toutes les mentions)"


def test_an_arabic_speaking_team_gets_its_alerts_in_arabic(
    team, smtp_server, django_capture_on_commit_callbacks
):
    email_channel(team, language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        notify.dispatch([factories.alert(team.workspace, "critical", observed=42)])
    subject, body = read(smtp_server.messages[0])
    assert subject == "[Majlis] تنبيه حرج: Atlas Telecom (كل الإشارات)"
    assert "42 إشارة خلال 1 س" in body
    assert "/ar/w/atlas/insights/alerts/" in body


def test_a_channel_only_hears_from_its_severity_up(
    team, smtp_server, django_capture_on_commit_callbacks
):
    email_channel(team, min_severity="critical")
    with django_capture_on_commit_callbacks(execute=True):
        notify.dispatch([factories.alert(team.workspace, "high")])
    assert smtp_server.messages == []


@pytest.mark.parametrize(
    ("kind", "check"),
    [
        ("slack", lambda body: body["text"].startswith("*High alert: Atlas Telecom*")),
        ("discord", lambda body: body["embeds"][0]["title"] == "High alert: Atlas Telecom"),
        (
            "teams",
            lambda body: (
                body["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
                and body["attachments"][0]["content"]["body"][0]["text"]
                == "High alert: Atlas Telecom"
            ),
        ),
        ("telegram", lambda body: body["chat_id"] == "-100123" and "42 mentions" in body["text"]),
        ("webhook", lambda body: body["severity"] == "high" and body["observed"] == 42),
    ],
)
def test_each_chat_gets_the_json_body_it_expects(
    team, webhook_server, django_capture_on_commit_callbacks, kind, check
):
    Channel.objects.create(
        workspace=team.workspace, kind=kind, name=kind, url=f"{webhook_server.url}/{kind}",
        chat_id="-100123", language="en",
    )  # fmt: skip
    brand = factories.query(team.workspace, "Atlas Telecom")
    with django_capture_on_commit_callbacks(execute=True):
        notify.dispatch([factories.alert(team.workspace, "high", brand, observed=42)])
    [(path, body)] = webhook_server.received
    assert path == f"/{kind}"
    assert check(body)


def test_a_loopback_webhook_is_refused_unless_the_operator_allows_private_addresses(
    team, webhook_server, django_capture_on_commit_callbacks
):
    Channel.objects.create(workspace=team.workspace, kind="slack", name="s", url=webhook_server.url)
    with (
        override_settings(ALLOW_PRIVATE_URLS=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify.dispatch([factories.alert(team.workspace, "high")])
    assert webhook_server.received == []
    delivery = Delivery.objects.get()
    assert delivery.state == "failed"
    assert delivery.error == (
        "127.0.0.1 resolves to a private address; Majlis only posts to public addresses unless "
        "an operator allows private ones."
    )
    assert Job.objects.get(kind="insights.notify").state == "failed"  # no pointless retries


def test_a_chat_that_is_down_is_tried_again_later(
    team, webhook_server, django_capture_on_commit_callbacks
):
    webhook_server.status = 503
    Channel.objects.create(workspace=team.workspace, kind="slack", name="s", url=webhook_server.url)
    with django_capture_on_commit_callbacks(execute=True):
        notify.dispatch([factories.alert(team.workspace, "high")])
    job = Job.objects.get(kind="insights.notify")
    assert (job.state, job.attempts) == ("queued", 1)
    assert job.run_after is not None
    assert Delivery.objects.get().state == "pending"
