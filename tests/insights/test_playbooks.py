"""Each severity has an action plan the workspace can edit; sensible defaults come first."""

from __future__ import annotations

from majlis.core.models import AuditEvent
from majlis.insights.models import Playbook
from tests.insights import factories


def test_the_playbooks_start_with_defaults_and_three_holding_statements(login, team):
    page = login("analyst").get("/en/w/atlas/insights/playbooks/").content.decode()
    assert Playbook.objects.filter(workspace=team.workspace).count() == 3
    assert page.count('<blockquote class="holding"') == 9
    assert "Convene the crisis team" in page
    assert "نحن على علم بالصعوبات" in page
    assert "Nous avons connaissance des difficultés" in page


def test_default_steps_are_written_in_the_language_of_whoever_opens_them_first(login, team):
    page = login("analyst").get("/ar/w/atlas/insights/playbooks/").content.decode()
    assert "عقد خلية الأزمة" in page
    login("analyst").get("/fr/w/atlas/insights/playbooks/")
    critical = Playbook.objects.get(workspace=team.workspace, severity="critical")
    assert critical.step_list[0].startswith("عقد خلية الأزمة")


def test_a_manager_rewrites_a_plan_and_the_alert_page_shows_it(login, team):
    client = login("manager")
    form = client.get("/en/w/atlas/insights/playbooks/high/").context["form"]
    data = {**form.initial, "steps": "Appeler Samira au 06 00 00 00 00\nPublier le communiqué"}
    response = client.post("/en/w/atlas/insights/playbooks/high/", data)
    assert response.status_code == 302
    alert = factories.alert(team.workspace, "high")
    page = client.get(f"/en/w/atlas/insights/alerts/{alert.pk}/").content.decode()
    assert "<li>Appeler Samira au 06 00 00 00 00</li>" in page
    event = AuditEvent.objects.get(action="playbook.edit")
    assert (event.actor_name, event.target, event.details) == (
        "manager",
        "high",
        {"fields": ["steps"]},
    )


def test_agents_follow_playbooks_but_do_not_edit_them(login, team):
    client = login("agent")
    assert client.get("/en/w/atlas/insights/playbooks/").status_code == 200
    assert client.get("/en/w/atlas/insights/playbooks/high/").status_code == 403


def test_an_unknown_severity_has_no_playbook(login, team):
    assert login("manager").get("/en/w/atlas/insights/playbooks/panic/").status_code == 404
