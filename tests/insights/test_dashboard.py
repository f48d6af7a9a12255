"""The insights page: volume, sentiment, e-reputation index, share of voice, sources, authors and
rising terms, drawn as inline SVG that keeps its axis in Arabic."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.insights import metrics
from majlis.listening.models import QueryGroup
from tests.insights import factories


@pytest.fixture
def atlas(team):
    """A month of talk about Atlas Telecom and its two competitors."""
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom")
    sahara = factories.query(ws, "Sahara Mobile", QueryGroup.COMPETITOR)
    medina = factories.query(ws, "Medina Net", QueryGroup.COMPETITOR)
    now = timezone.now()
    days = [now - timedelta(days=d, hours=2) for d in range(1, 7)]
    factories.mentions(
        ws, days, sentiment="positive", queries=[brand], author="nomad_leila",
        source="X", text="Atlas fibre rapide, panne réglée à Casablanca",
    )  # fmt: skip
    factories.mentions(
        ws, days[:2], sentiment="negative", queries=[brand], author="casa_angry",
        source="Hespress", text="Panne du réseau Atlas à Casablanca",
    )  # fmt: skip
    factories.mentions(ws, days[:3], sentiment="neutral", queries=[sahara], source="Le360")
    factories.mentions(ws, days[:1], sentiment="negative", queries=[medina], source="Le360")
    factories.mentions(
        ws, [now - timedelta(days=40 + d) for d in range(5)], sentiment="positive",
        queries=[brand], text="Offre fibre Atlas",
    )  # fmt: skip
    return ws


def test_an_analyst_sees_the_figures_of_the_last_thirty_days(login, atlas):
    page = login("analyst").get("/en/w/atlas/insights/").content.decode()
    assert "E-reputation and share of voice" in page
    assert '<span class="value">12</span>' in page  # 8 brand + 3 + 1 competitor mentions
    assert "140 % against the previous period" in page  # 12 now, 5 before
    index = metrics.reputation(metrics.Split(positive=6, neutral=3, negative=3))
    assert f"{index.value:.0f}<small>/100</small>" in page
    assert "low confidence: few mentions" in page


def test_share_of_voice_sets_the_brand_against_each_competitor(login, atlas):
    page = login("analyst").get("/en/w/atlas/insights/").content.decode()
    rows = re.findall(
        r'class="swatch sov-\d"></span><bdi>([^<]+)</bdi>.*?</td><td>(\d+)</td><td>([^<]+)</td>',
        page,
    )
    assert rows == [
        ("Atlas Telecom", "8", "67 %"),
        ("Sahara Mobile", "3", "25 %"),
        ("Medina Net", "1", "8 %"),
    ]


def test_sources_authors_and_rising_terms_are_listed(login, atlas):
    page = login("analyst").get("/en/w/atlas/insights/").content.decode()
    sources = re.findall(r'<span class="bar-label"><bdi>([^<]+)</bdi>', page)
    assert sources == ["X", "Le360", "Hespress"]
    authors = re.findall(r"<tr><td><bdi>([^<]+)</bdi></td><td>(\d+)</td><td>(\d+)</td>", page)
    assert authors[:2] == [("nomad_leila", "6", "6"), ("casa_angry", "2", "2")]
    assert re.search(r'<bdi dir="auto">panne</bdi> <span class="num">8</span>', page)
    assert re.search(r'<bdi dir="auto">réglée</bdi>', page)  # shown with its accents
    assert re.search(r'<bdi dir="auto">casablanca</bdi>', page)


def test_charts_are_inline_svg_that_keep_time_left_to_right_in_arabic(login, atlas):
    response = login("analyst").get("/ar/w/atlas/insights/")
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    charts = re.findall(r"<svg [^>]*>", page)
    assert len(charts) >= 4
    assert all('direction="ltr"' in svg and 'role="img"' in svg for svg in charts)
    assert "<script" not in page.split("<main>")[1]


@pytest.mark.parametrize(("period", "buckets"), [("7", 7 * 24), ("90", 91), ("365", 53)])
def test_each_period_has_its_own_time_step(login, atlas, period, buckets):
    page = login("analyst").get(f"/en/w/atlas/insights/?period={period}").content.decode()
    assert f'href="?period={period}" aria-current="page"' in page
    data = metrics.insights(atlas, int(period), timezone.now())
    assert len(data.series) in (buckets, buckets + 1)


def test_the_page_costs_the_same_few_queries_whatever_the_volume(
    login, atlas, django_assert_max_num_queries
):
    client = login("analyst")
    with django_assert_max_num_queries(16):
        assert client.get("/en/w/atlas/insights/?period=365").status_code == 200


def test_an_unknown_period_falls_back_to_thirty_days(login, atlas):
    page = login("analyst").get("/en/w/atlas/insights/?period=12").content.decode()
    assert 'href="?period=30" aria-current="page"' in page


def test_outsiders_do_not_learn_the_workspace_exists(login, atlas):
    assert login("outsider").get("/en/w/atlas/insights/").status_code == 404


def test_a_visitor_is_asked_to_log_in(client, atlas):
    response = client.get("/en/w/atlas/insights/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_index_is_net_sentiment_pulled_to_the_middle_when_mentions_are_few():
    assert metrics.reputation(metrics.Split()).value == 50
    assert metrics.reputation(metrics.Split(positive=3)).value == pytest.approx(61.5, abs=0.1)
    many = metrics.reputation(metrics.Split(positive=900, negative=100))
    assert many.value == pytest.approx(89.6, abs=0.1)
    assert many.confidence == "high"


def test_a_regular_author_about_the_brand_outranks_a_one_day_crowd(team):
    ws = team.workspace
    brand = factories.query(ws, "Atlas Telecom")
    now = timezone.now()
    factories.mentions(
        ws, [now - timedelta(days=d) for d in range(1, 6)], queries=[brand], author="regular"
    )
    factories.mentions(ws, [now - timedelta(hours=h) for h in range(1, 9)], author="burst_bot")
    ranked = metrics.top_authors(ws, metrics.period(ws, 30, now))
    assert [a.name for a in ranked] == ["regular", "burst_bot"]
    assert (ranked[0].mentions, ranked[0].days, ranked[0].brand) == (5, 5, 5)
