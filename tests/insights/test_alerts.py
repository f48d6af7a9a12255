"""An alert explains itself, carries its action plan, and is assigned, acknowledged and closed by
the people whose role allows it, every step in the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.core.models import AuditEvent
from majlis.insights import alerts
from majlis.insights.models import Alert
from tests.insights import factories


@pytest.fixture
def outage(team):
    """An evening of complaints about the network in Casablanca, and the alert it raised."""
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom")
    now = timezone.now()
    factories.mentions(
        ws, [now - timedelta(days=d) for d in range(2, 20)], queries=[brand],
        text="Offre fibre", source="Le360", author="regular",
    )  # fmt: skip
    factories.mentions(
        ws, [now - timedelta(minutes=m) for m in range(2, 40, 2)], sentiment="negative",
        queries=[brand], text="Panne réseau Atlas à Casablanca, rien ne marche",
        title="Panne géante à Casablanca", source="X", author="casa_angry", cluster="c-outage",
    )  # fmt: skip
    return factories.alert(ws, "high", brand, observed=19, expected=1.5, now=now)


def test_the_alert_page_says_what_rose_and_what_drove_it(login, outage):
    page = login("analyst").get(f"/en/w/atlas/insights/alerts/{outage.pk}/").content.decode()
    assert "19 mentions over 1 h, against 1.5 expected (×12.7)." in page
    assert "Panne géante à Casablanca" in page  # the cluster that carried it
    assert "19 items" in page
    assert "<bdi>X</bdi></td><td>19</td>" in page  # the source, with its usual count beside
    assert '<bdi dir="auto">casablanca</bdi>' in page  # a rising term
    assert page.count('class="mention"') == 19  # the mentions of the window, with their links
    assert 'href="https://news.example.ma/' in page


def test_the_alert_page_shows_the_action_plan_of_its_severity(login, outage):
    page = login("agent").get(f"/en/w/atlas/insights/alerts/{outage.pk}/").content.decode()
    assert "Action plan: High" in page
    assert '<blockquote class="holding" lang="ar" dir="rtl">' in page
    assert "Atlas Telecom" in page.split('lang="fr" dir="ltr">')[1]  # the brand in the statement


def test_an_agent_acknowledges_assigns_and_closes_with_a_note(login, team, outage):
    client = login("agent")
    base = f"/en/w/atlas/insights/alerts/{outage.pk}"
    client.post(f"{base}/acknowledge/")
    client.post(f"{base}/assign/", {"assignee": team.manager.pk})
    page = client.post(
        f"{base}/close/", {"note": "Réseau rétabli à 22h, excuses publiées."}, follow=True
    )
    outage.refresh_from_db()
    assert (outage.state, outage.assignee, outage.closing_note) == (
        "closed",
        team.manager,
        "Réseau rétabli à 22h, excuses publiées.",
    )
    assert "Réseau rétabli à 22h" in page.content.decode()
    actions = list(
        AuditEvent.objects.filter(workspace=team.workspace).values_list("action", "actor_name")
    )
    assert actions[:3] == [
        ("alert.close", "agent"),
        ("alert.assign", "agent"),
        ("alert.acknowledge", "agent"),
    ]
    assert ("alert.raise", "system") in actions


def test_closing_needs_a_note(login, outage):
    page = login("agent").post(
        f"/en/w/atlas/insights/alerts/{outage.pk}/close/", {"note": " "}, follow=True
    )
    assert "A closing note is needed." in page.content.decode()
    outage.refresh_from_db()
    assert outage.state == "open"


def test_an_analyst_reads_alerts_but_cannot_act_on_them(login, outage):
    client = login("analyst")
    page = client.get(f"/en/w/atlas/insights/alerts/{outage.pk}/").content.decode()
    assert "Acknowledge" not in page
    assert client.post(f"/en/w/atlas/insights/alerts/{outage.pk}/acknowledge/").status_code == 403


def test_an_alert_is_only_assigned_to_a_member(team, outage):
    with pytest.raises(alerts.AlertError):
        alerts.assign(outage, team.agent, team.outsider)


def test_the_list_shows_open_alerts_and_keeps_closed_ones_apart(login, team, outage):
    client = login("analyst")
    assert "19 mentions over 1 h" in client.get("/en/w/atlas/insights/alerts/").content.decode()
    alerts.close(outage, team.agent, "fini")
    assert "No alert." in client.get("/en/w/atlas/insights/alerts/").content.decode()
    assert "19 mentions" in client.get("/en/w/atlas/insights/alerts/?state=closed").content.decode()


def test_a_rise_that_goes_on_updates_its_alert_instead_of_raising_another(team):
    ws = team.workspace
    first = factories.alert(ws, "watch", observed=12)
    now = timezone.now()
    same = alerts.raise_or_escalate(ws, None, factories.finding("watch", observed=15), now, now)
    assert same is None
    assert Alert.objects.count() == 1
    first.refresh_from_db()
    assert first.observed == 15  # the stronger evidence is kept


def test_a_worse_rise_escalates_the_open_alert_in_place(team):
    ws = team.workspace
    first = factories.alert(ws, "watch")
    now = timezone.now()
    escalated = alerts.raise_or_escalate(
        ws, None, factories.finding("critical", observed=90), now, now
    )
    assert escalated is not None
    assert escalated.pk == first.pk
    assert (escalated.severity, Alert.objects.count()) == ("critical", 1)
    assert AuditEvent.objects.filter(action="alert.escalate", details__was="watch").exists()


def test_after_closing_the_same_rise_waits_out_the_cool_down_unless_it_gets_worse(team):
    ws = team.workspace
    alerts.close(factories.alert(ws, "high"), team.agent, "Expliqué : un jeu concours.")
    now = timezone.now()
    assert alerts.raise_or_escalate(ws, None, factories.finding("high"), now, now) is None
    worse = alerts.raise_or_escalate(ws, None, factories.finding("critical"), now, now)
    assert worse is not None
    alerts.close(worse, team.agent, "fini")
    assert alerts.raise_or_escalate(ws, None, factories.finding("watch"), now, now) is None
    Alert.objects.filter(state="closed").update(closed_at=now - alerts.COOL_DOWN)
    assert alerts.raise_or_escalate(ws, None, factories.finding("watch"), now, now) is not None


def test_a_brand_query_and_the_whole_workspace_have_their_own_alerts(team):
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom")
    factories.alert(ws, "high")
    factories.alert(ws, "high", brand)
    assert Alert.objects.filter(workspace=ws).count() == 2


def test_a_turn_to_negative_joins_the_open_volume_alert_of_the_same_series(team):
    ws = team.workspace
    volume = factories.alert(ws, "high")
    later = timezone.now() + timedelta(hours=3)
    tone = factories.finding("high", kind="negative")
    assert alerts.raise_or_escalate(ws, None, tone, later, later) is None
    volume.refresh_from_db()
    assert (Alert.objects.count(), volume.window_end) == (1, later)
