"""The moderation queue: tabs, reasons, bulk decisions, per-site figures, the audit log, Arabic."""

from __future__ import annotations

import re

import pytest

from majlis.core.models import AuditEvent
from majlis.moderation import usage
from majlis.moderation.models import Item, ItemStatus
from tests.moderation.conftest import akismet, comment
from tests.moderation.test_protocol import CASINO

ROLES = ["owner", "manager", "agent", "analyst", "outsider", "anonymous"]
PAGES = [
    ("/fr/w/atlas/moderation/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/atlas/moderation/reporters/", [200, 200, 200, 200, 404, 302]),
    ("/fr/w/atlas/moderation/sites/", [200, 200, 403, 403, 404, 302]),
]


@pytest.mark.parametrize(
    ("url", "role", "status"),
    [(url, role, s) for url, statuses in PAGES for role, s in zip(ROLES, statuses, strict=True)],
)
def test_moderation_pages_answer_each_role_as_the_matrix_says(login, team, url, role, status):
    assert login(role).get(url).status_code == status


def _check(client, key, **fields) -> Item:
    response = akismet(client, "comment-check", comment(key, **fields))
    return Item.objects.get(public_id=response["X-Majlis-Item"])


def test_spam_waits_under_its_tab_with_the_reasons_of_the_decision(client, login, blog):
    _check(client, blog.key, comment_content=CASINO, comment_author="Bonus Casino")
    page = login("analyst").get("/en/w/atlas/moderation/?status=spam").content.decode()
    assert "Bonus Casino" in page
    assert "The comment advertises casinos or betting." in page
    assert "A link hides its destination behind a URL shortener." in page
    assert re.search(r'aria-current="page">Spam <span class="count">1</span>', page)


def test_the_tabs_count_each_status(client, login, blog):
    _check(client, blog.key, comment_content=CASINO)
    _check(client, blog.key)
    page = login("agent").get("/en/w/atlas/moderation/").content.decode()
    counts = dict(re.findall(r'>(\w+) <span class="count">(\d+)</span>', page))
    assert counts["Spam"] == "1"
    assert int(counts["Pending"]) + int(counts["Approved"]) == 1


def test_an_analyst_reads_the_queue_but_is_offered_no_decision(client, login, blog):
    _check(client, blog.key, comment_content=CASINO)
    page = login("analyst").get("/en/w/atlas/moderation/?status=spam").content.decode()
    assert 'name="action"' not in page
    assert 'type="checkbox"' not in page


def test_an_agent_restores_a_false_positive_and_the_audit_log_says_so(client, login, blog):
    item = _check(client, blog.key, comment_content=CASINO)
    response = login("agent").post(
        "/en/w/atlas/moderation/act/",
        {"action": "restore", "items": [item.pk], "status": "spam"},
        follow=True,
    )
    assert "1 item changed." in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED
    assert item.decided_by is not None
    assert item.decided_by.username == "agent"
    event = AuditEvent.objects.get(action="moderation.restore")
    assert event.actor_name == "agent"
    assert item.public_id in event.target
    assert event.details["previous"] == "spam"


@pytest.mark.parametrize("action", ["approve", "spam", "hide"])
def test_bulk_actions_move_every_selected_item(client, login, blog, action):
    items = [
        _check(client, blog.key, comment_content=f"Commentaire numéro {n} sur la 5G.")
        for n in range(3)
    ]
    Item.objects.update(status=ItemStatus.PENDING)
    login("agent").post(
        "/en/w/atlas/moderation/act/",
        {"action": action, "items": [i.pk for i in items], "status": "pending"},
    )
    expected = {"approve": "approved", "spam": "spam", "hide": "hidden"}[action]
    assert set(Item.objects.values_list("status", flat=True)) == {expected}
    assert AuditEvent.objects.filter(action=f"moderation.{action}").count() == 3


def test_an_analyst_cannot_decide(client, login, blog):
    item = _check(client, blog.key, comment_content=CASINO)
    response = login("analyst").post(
        "/en/w/atlas/moderation/act/", {"action": "restore", "items": [item.pk]}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == ItemStatus.SPAM


def test_items_of_another_workspace_are_out_of_reach(client, login, blog, team):
    from majlis.core.models import Workspace
    from majlis.moderation import sites

    other = Workspace.objects.get(slug="elsewhere")
    _site, key = sites.new_key(other, "https://other.example.com")
    foreign = _check(client, key, blog="https://other.example.com", comment_content=CASINO)
    login("agent").post(
        "/en/w/atlas/moderation/act/",
        {"action": "restore", "items": [foreign.pk], "status": "spam"},
    )
    foreign.refresh_from_db()
    assert foreign.status == ItemStatus.SPAM


def test_choosing_no_item_says_so(client, login, blog):
    response = login("agent").post(
        "/en/w/atlas/moderation/act/", {"action": "approve", "status": "pending"}, follow=True
    )
    assert "Choose an action and at least one item." in response.content.decode()


def test_the_queue_shows_this_months_figures_per_site(client, login, blog):
    _check(client, blog.key, comment_content=CASINO)
    _check(client, blog.key)
    page = login("agent").get("/en/w/atlas/moderation/").content.decode()
    row = re.search(r"<bdi>blog\.atlas\.ma</bdi></a></td>\s*((?:<td[^>]*>\d+</td>)+)", page)
    assert row
    figures = re.findall(r'<td data-label="([^"]+)">(\d+)</td>', row.group(1))
    assert figures[:3] == [("Checks", "2"), ("Spam caught", "1"), ("Let through", "1")]


def test_the_queue_works_right_to_left_in_arabic(client, login, blog):
    _check(client, blog.key, comment_content="الخدمة ديال الانترنت ضعيفة بزاف فهاد الأيام")
    Item.objects.update(status=ItemStatus.PENDING)
    page = login("agent").get("/ar/w/atlas/moderation/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert (
        '<div class="content" dir="auto">الخدمة ديال الانترنت ضعيفة بزاف فهاد الأيام</div>' in page
    )


def test_the_stylesheet_of_the_queue_uses_logical_sides(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    found = finders.find("moderation/moderation.css")
    assert isinstance(found, str)
    css = Path(found).read_text(encoding="utf-8")
    assert not re.search(r"(margin|padding|border)-(left|right)\b|text-align:\s*(left|right)", css)


def test_the_queue_page_makes_few_queries_whatever_the_number_of_items(
    client, login, blog, django_assert_max_num_queries
):
    for n in range(30):
        _check(client, blog.key, comment_content=f"Question {n} sur la facture du mois.")
    Item.objects.update(status=ItemStatus.PENDING)
    usage.flush()  # the checks' counters, written once a second in production
    agent = login("agent")
    with django_assert_max_num_queries(12):
        assert agent.get("/en/w/atlas/moderation/").status_code == 200


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_reasons_are_given_in_the_readers_language(client, login, blog, lang):
    _check(client, blog.key, comment_content=CASINO)
    page = login("agent").get(f"/{lang}/w/atlas/moderation/?status=spam").content.decode()
    assert f'<html lang="{lang}"' in page
    assert "The comment advertises casinos or betting." not in page
    assert re.search(
        r"<li class=\"for-spam\"><span class=\"weight\" dir=\"ltr\">\+[\d.]+</span> \w", page
    )
