"""Replay: five weeks of a brand's mentions with its weekly rhythm, then the outage of Saturday
14 November 2026 in the evening. The scheduler runs through the last week at half past every
hour (in production it runs every quarter of an hour).

GIVEN four ordinary weeks (quiet nights, busy evenings, a Monday-morning rush, calmer weekends),
      stored directly as items and mentions,
AND the outage's posts and articles, run through the real listening path (`ingest_rows`:
      language, near-duplicate clusters, query matching, sentiment)
WHEN the detector checks the fifth week hour by hour
THEN nothing is raised on the ordinary days, and the outage is raised within its first hour,
with its story, its source and its words.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from majlis.core.bootstrap import DEMO_DIR, ensure_demo
from majlis.insights import watch
from majlis.insights.models import Alert
from majlis.listening.ingest import ingest_rows
from tests.insights import factories
from tests.insights.counts import poisson

CASABLANCA = ZoneInfo("Africa/Casablanca")
FIRST_DAY = datetime(2026, 10, 12, tzinfo=CASABLANCA)  # a Monday
REPLAY_FROM = datetime(2026, 11, 9, tzinfo=CASABLANCA)  # the fifth Monday
REPLAY_TO = datetime(2026, 11, 16, tzinfo=CASABLANCA)
OUTAGE = datetime(2026, 11, 14, 19, 0, tzinfo=CASABLANCA)  # Saturday evening
BRAND_QUERY = '"atlas telecom" OR "أطلس تيليكوم" OR atlastelecom'
NEWS_TITLE = "Panne géante du réseau Atlas Telecom à Casablanca"
DAY = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 1, 2, 4, 6, 7, 7, 8, 7, 6, 6, 7, 8, 10, 11, 10, 8, 5, 2]


def ordinary_times(rng: random.Random) -> tuple[list[datetime], list[datetime]]:
    """(neutral or positive, negative) publication times, hour by hour."""
    calm: list[datetime] = []
    angry: list[datetime] = []
    hour = FIRST_DAY
    while hour < REPLAY_TO:
        rate = DAY[hour.hour] * (0.7 if hour.weekday() >= 5 else 1.0)
        if hour.weekday() == 0 and 8 <= hour.hour <= 11:
            rate *= 1.8  # everybody's Monday-morning bill and network questions
        for _ in range(poisson(rng, rate)):
            moment = hour + timedelta(seconds=rng.randrange(3600))
            (angry if rng.random() < 0.15 else calm).append(moment)
        hour += timedelta(hours=1)
    return calm, angry


def outage_rows(rng: random.Random) -> list[dict[str, str]]:
    """What people post during the outage, in French, Darija and Arabic, and one news story
    that four sites carry with small changes."""
    openings = [
        "Panne totale chez Atlas Telecom",
        "Atlas Telecom encore en panne",
        "Réseau Atlas Telecom coupé",
        "@atlastelecom le réseau ne marche plus",
        "Atlas Telecom rezo mat7 kamel",
        "انقطاع شبكة أطلس تيليكوم",
    ]
    problems = [
        "plus de 4G",
        "fibre coupée",
        "impossible d'appeler",
        "aucun réseau",
        "internet mort",
    ]
    places = ["Casablanca", "Maârif", "Aïn Sebaâ", "Sidi Maârouf", "Hay Hassani", "Bourgogne"]
    times = ["depuis 19h", "depuis une heure", "ce soir", "depuis 30 minutes"]
    texts = sorted(
        {f"{o}, {p} à {c} {t}" for o in openings for p in problems for c in places for t in times}
    )
    rows = []
    for n, text in enumerate(rng.sample(texts, 150)):
        moment = OUTAGE + timedelta(seconds=rng.randrange(3 * 3600))
        rows.append({
            "url": f"https://x.example/casa_user{n}/status/{n}", "text": text, "source": "X",
            "author": f"casa_user{n % 60}", "published_at": moment.isoformat(),
        })  # fmt: skip
    story = (
        "Une panne du réseau Atlas Telecom prive depuis 19h des milliers d'abonnés de "
        "Casablanca de 4G et de fibre. L'opérateur n'a pas encore communiqué sur la cause."
    )
    for n, site in enumerate(["Casa Actu", "Le Matin Eco", "Maghreb Dépêches", "Rabat Matin"]):
        rows.append({
            "url": f"https://news{n}.example.ma/panne-atlas", "title": NEWS_TITLE,
            "text": story.replace("depuis 19h", ["depuis 19h", "depuis 19 heures", "depuis samedi 19h", "depuis ce soir"][n]),
            "source": site, "published_at": (OUTAGE + timedelta(minutes=20 + 5 * n)).isoformat(),
        })  # fmt: skip
    return rows


@pytest.fixture
def five_weeks(team):
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom", text=BRAND_QUERY)
    rng = random.Random(14)
    calm, angry = ordinary_times(rng)
    factories.mentions(
        ws, calm, queries=[brand], text="Offre fibre et forfaits Atlas", source="Le360"
    )
    factories.mentions(
        ws, angry, sentiment="negative", queries=[brand], text="Service client Atlas lent",
        source="Facebook",
    )  # fmt: skip
    statuses = ingest_rows(ws, outage_rows(rng), "import")
    assert statuses.count("created") == 154
    return ws


def test_the_outage_is_raised_within_its_first_hour_and_ordinary_days_stay_quiet(
    five_weeks, django_capture_on_commit_callbacks
):
    moment = REPLAY_FROM + timedelta(minutes=30)
    while moment < REPLAY_TO:
        with django_capture_on_commit_callbacks(execute=True):
            watch.schedule_checks(now=moment)
        moment += timedelta(hours=1)

    before = Alert.objects.filter(created_at__lt=OUTAGE)
    assert list(before) == []
    first = Alert.objects.order_by("created_at").first()
    assert first is not None
    assert OUTAGE < first.created_at <= OUTAGE + timedelta(hours=1)
    assert first.kind == "volume"
    worst = Alert.objects.order_by("-observed").first()
    assert worst is not None
    assert worst.severity == "critical"
    explanation = first.explanation
    assert explanation["sources"][0]["name"] == "X"
    assert explanation["clusters"][0]["title"] == NEWS_TITLE
    assert explanation["clusters"][0]["count"] == 2  # the two articles out by 19:30
    assert "panne" in [t["term"] for t in explanation["terms"]]
    assert explanation["negative_share"] > 0.5  # the listening path's sentiment saw the anger
    # One alert per watched series (the workspace and its brand query), escalated in place.
    assert Alert.objects.count() == 2


def test_the_demo_outage_wave_is_the_one_alert_of_the_demo_week(db):
    """The demo corpus (majlis/core/demo/data) has an outage wave on the evening of 14 November
    2026 from 19:37: a quiet brand, about four mentions a day, then 27 in four hours. The demo
    is loaded "on" the day of its newest mention, so its dates stay as written."""
    lines = (DEMO_DIR / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    newest = max(datetime.fromisoformat(json.loads(line)["published_at"]) for line in lines)
    with mock.patch("django.utils.timezone.now", return_value=newest):
        workspace, _created = ensure_demo()  # which replays its last eight days
    # One alert per watched series (the workspace, and its brand query), all from the wave.
    alerts = list(Alert.objects.filter(workspace=workspace))
    assert alerts
    wave = datetime(2026, 11, 14, 19, 37, tzinfo=CASABLANCA)
    for alert in alerts:
        assert wave < alert.created_at <= wave + timedelta(hours=1)
        assert (alert.kind, alert.severity) == ("volume", "critical")
    assert {"panne", "reseau"} <= {t["term"] for t in alerts[0].explanation["terms"]}
