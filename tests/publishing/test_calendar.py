"""The calendar, in the workspace's time zone.

Africa/Casablanca is UTC+1, except during Ramadan, when Morocco goes back to UTC+0. In 2026
(tzdata): from 15 February at 03:00, clocks go back to 02:00 (UTC+0), and on 22 March at
02:00 they go forward to 03:00 (UTC+1). A post is scheduled at a local time; the calendar
shows it at that time, whichever side of the change it is written or published on.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from majlis.publishing import workflow
from majlis.publishing.delivery import publish_due
from majlis.publishing.models import NetworkAccount, Post, PostState, VariantState
from majlis.publishing.timezones import to_utc

CASABLANCA = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def hook(team):
    return NetworkAccount.objects.create(
        workspace=team.workspace,
        network="feed",
        name="Actualités",
        base_url="http://127.0.0.1:8000/feeds/t",
        remote_id="t",
    )


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def compose_for(client, team, hook, day, at):
    client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {
            "text": f"Rendez-vous le {day} à {at}",
            "accounts": [hook.pk],
            "day": day,
            "at": at,
            "action": "save",
        },
    )
    return Post.objects.latest("pk")


def cell(page, day, hour):
    match = re.search(rf'data-day="{day}" data-hour="{hour}">(.*?)</td>', page, re.S)
    assert match, f"no cell for {day} {hour}h"
    return match.group(1)


def test_the_zoneinfo_data_has_moroccos_ramadan_change_of_2026():
    assert datetime(2026, 2, 14, 12, tzinfo=CASABLANCA).utcoffset().total_seconds() == 3600
    assert datetime(2026, 2, 16, 12, tzinfo=CASABLANCA).utcoffset().total_seconds() == 0
    assert datetime(2026, 3, 23, 12, tzinfo=CASABLANCA).utcoffset().total_seconds() == 3600


def test_ten_oclock_is_ten_oclock_on_both_sides_of_the_change(team, login, hook):
    client = login("agent")
    before = compose_for(client, team, hook, "2026-02-14", "10:00")
    after = compose_for(client, team, hook, "2026-02-15", "10:00")
    assert before.scheduled_at == utc(2026, 2, 14, 9, 0)
    assert after.scheduled_at == utc(2026, 2, 15, 10, 0)
    week = client.get(
        f"/en/w/{team.workspace.slug}/calendar/?view=week&day=2026-02-14"
    ).content.decode()
    assert f'data-post="{before.pk}"' in cell(week, "2026-02-14", 10)
    assert f'data-post="{after.pk}"' in cell(week, "2026-02-15", 10)


def test_a_post_scheduled_before_the_change_for_after_it_is_published_at_the_intended_local_time(
    team, hook
):
    post = Post.objects.create(
        workspace=team.workspace,
        author=team.agent,
        text="Ramadan Moubarak رمضان مبارك",
        state=PostState.APPROVED,
        approved_by=team.manager,
    )
    post.variants.create(account=hook)
    written_on = utc(2026, 2, 14, 20, 0)  # Saturday evening, still UTC+1
    intended = to_utc(date(2026, 2, 15), datetime.strptime("10:00", "%H:%M").time(), CASABLANCA)
    workflow.schedule(post, team.agent, intended, now=written_on)

    assert (
        publish_due(now=utc(2026, 2, 15, 9, 30)) == 0
    )  # 09:30 UTC would be 10:30 the day before's offset
    assert publish_due(now=utc(2026, 2, 15, 10, 0)) == 1
    post.refresh_from_db()
    assert (
        post.scheduled_at.astimezone(CASABLANCA).strftime("%Y-%m-%d %H:%M %z")
        == "2026-02-15 10:00 +0000"
    )


def test_a_time_skipped_when_clocks_go_forward_lands_just_after_the_change(team, login, hook):
    post = compose_for(login("agent"), team, hook, "2026-03-22", "02:30")
    assert post.scheduled_at == utc(2026, 3, 22, 2, 30)
    assert post.scheduled_at.astimezone(CASABLANCA).strftime("%H:%M") == "03:30"


def test_dragging_a_post_to_another_day_keeps_its_local_time_across_the_change(team, login, hook):
    client = login("agent")
    post = compose_for(client, team, hook, "2026-02-14", "10:00")
    month = client.post(
        f"/en/w/{team.workspace.slug}/calendar/move/",
        {"post": post.pk, "day": "2026-02-16", "view": "month"},
        headers={"HX-Request": "true"},
    ).content.decode()
    post.refresh_from_db()
    assert post.scheduled_at == utc(2026, 2, 16, 10, 0)
    assert "Moved to 2026-02-16 10:00." in month
    assert re.search(rf'data-day="2026-02-16">.*?data-post="{post.pk}"', month, re.S)


def test_dropping_a_post_on_an_hour_of_the_week_view_moves_it_to_that_hour(team, login, hook):
    client = login("agent")
    post = compose_for(client, team, hook, "2026-02-16", "10:20")
    client.post(
        f"/en/w/{team.workspace.slug}/calendar/move/",
        {"post": post.pk, "day": "2026-02-17", "hour": "18", "view": "week"},
        headers={"HX-Request": "true"},
    )
    post.refresh_from_db()
    assert post.scheduled_at.astimezone(CASABLANCA).strftime("%Y-%m-%d %H:%M") == "2026-02-17 18:20"


def test_without_javascript_a_form_moves_the_post(team, login, hook):
    client = login("agent")
    post = compose_for(client, team, hook, "2026-02-16", "10:00")
    response = client.post(
        f"/en/w/{team.workspace.slug}/calendar/move/",
        {"post": post.pk, "day": "2026-02-18", "at": "21:45"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.scheduled_at.astimezone(CASABLANCA).strftime("%Y-%m-%d %H:%M") == "2026-02-18 21:45"


def test_an_analyst_sees_the_calendar_but_cannot_move_posts(team, login, hook):
    post = compose_for(login("agent"), team, hook, "2026-02-16", "10:00")
    analyst = login("analyst")
    week = analyst.get(f"/en/w/{team.workspace.slug}/calendar/?day=2026-02-16").content.decode()
    assert f'data-post="{post.pk}"' in week
    assert 'draggable="true"' not in week
    assert (
        analyst.post(
            f"/en/w/{team.workspace.slug}/calendar/move/", {"post": post.pk, "day": "2026-02-18"}
        ).status_code
        == 403
    )


def test_a_published_post_stays_where_it_was_published(team, login, hook):
    post = compose_for(login("agent"), team, hook, "2026-02-16", "10:00")
    Post.objects.filter(pk=post.pk).update(
        state=PostState.PUBLISHED, published_at=utc(2026, 2, 16, 10, 2)
    )
    response = login("agent").post(
        f"/en/w/{team.workspace.slug}/calendar/move/",
        {"post": post.pk, "day": "2026-02-20"},
        follow=True,
    )
    assert "This post changed in the meantime." in response.content.decode()
    post.refresh_from_db()
    assert post.scheduled_at == utc(2026, 2, 16, 10, 0)


def test_best_times_come_from_past_engagement_per_hour_of_the_week(team, login, hook):
    today = datetime.now(CASABLANCA).date()
    tuesday = today - timedelta(days=(today.weekday() - 1) % 7 or 7)
    wednesday = tuesday + timedelta(days=1)
    engaged = [
        (datetime.combine(tuesday, time(18, 5), CASABLANCA), 40),
        (datetime.combine(tuesday - timedelta(days=7), time(18, 40), CASABLANCA), 20),
        (datetime.combine(wednesday - timedelta(days=7), time(9, 0), CASABLANCA), 3),
    ]
    for when, likes in engaged:
        post = Post.objects.create(
            workspace=team.workspace,
            author=team.agent,
            text="Bonjour",
            state=PostState.PUBLISHED,
            scheduled_at=when,
            published_at=when,
        )
        post.variants.create(
            account=hook,
            state=VariantState.PUBLISHED,
            published_at=when,
            likes=likes,
            metrics_read_at=when,
        )
    week = (
        login("analyst").get(f"/en/w/{team.workspace.slug}/calendar/?day={today}").content.decode()
    )
    assert "<strong>Tuesday 18:00</strong> (30.0 interactions on average, 2 posts)" in week
    assert week.index("Tuesday 18:00") < week.index("Wednesday 09:00")
    this_tuesday = today - timedelta(days=today.weekday() - 1)
    assert f'class="slot hot" data-day="{this_tuesday}" data-hour="18"' in week
