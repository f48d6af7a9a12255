"""The detector on plain lists of hourly counts: seasonality, floor, severities, tone."""

from __future__ import annotations

import math
import random

import pytest

from majlis.insights import detection
from majlis.insights.detection import assess, binomial_sf, negbin_sf, poisson_sf
from tests.insights.counts import poisson

WEEK = 168
# A brand's ordinary day: quiet nights, busy middays and evenings.
DAY = [1, 0, 0, 0, 0, 1, 2, 4, 6, 8, 9, 9, 10, 9, 8, 8, 9, 10, 12, 13, 12, 9, 5, 2]


def ordinary_weeks(weeks: int, seed: int = 7, monday_rush: float = 1.0) -> list[int]:
    """Hourly counts starting on a Monday at midnight."""
    rng = random.Random(seed)
    counts = []
    for hour in range(weeks * WEEK):
        day, local = divmod(hour % WEEK, 24)
        rate = DAY[local] * (0.6 if day >= 5 else 1.0)
        if day == 0 and 8 <= local <= 11:
            rate *= monday_rush
        counts.append(poisson(rng, rate))
    return counts


def no_negatives(counts: list[int]) -> list[int]:
    return [0] * len(counts)


def test_the_tails_agree_with_hand_computed_values():
    assert poisson_sf(3, 1.0) == pytest.approx(1 - math.exp(-1) * 2.5)
    assert poisson_sf(0, 5.0) == 1.0
    assert negbin_sf(3, 1.0, 0.0) == pytest.approx(poisson_sf(3, 1.0))
    # Overdispersion makes a big count less surprising.
    assert negbin_sf(30, 10.0, 0.3) > poisson_sf(30, 10.0)
    assert binomial_sf(3, 3, 0.5) == pytest.approx(0.125)
    assert binomial_sf(1, 10, 0.1) == pytest.approx(1 - 0.9**10)


def test_six_ordinary_weeks_raise_no_alert_in_the_seventh():
    counts = ordinary_weeks(7)
    alerts = [
        hour
        for hour in range(6 * WEEK, 7 * WEEK)
        if assess(counts[: hour + 1], no_negatives(counts[: hour + 1]))
    ]
    assert alerts == []


def test_a_monday_morning_rush_that_comes_every_week_is_not_an_alert():
    counts = ordinary_weeks(7, monday_rush=3.0)
    monday_ten = 6 * WEEK + 10
    assert counts[monday_ten] > 15
    assert assess(counts[: monday_ten + 1], no_negatives(counts[: monday_ten + 1])) is None


def test_a_burst_is_caught_in_its_first_hour_while_still_small():
    counts = ordinary_weeks(7)
    hour = 6 * WEEK + 2 * 24 + 15  # Wednesday 15:00, usually about 8 mentions
    history = counts[:hour]
    half_hour = 25  # in half an hour, where about 4 are usual
    finding = assess([*history, half_hour], [*no_negatives(history), 0], fraction=0.5)
    assert finding is not None
    assert finding.kind == detection.VOLUME
    assert finding.observed == half_hour
    assert finding.expected == pytest.approx(4, rel=0.4)


def test_severity_grows_with_the_excess():
    counts = ordinary_weeks(7)
    history = counts[: 6 * WEEK + 2 * 24 + 15]
    severities = []
    for burst in (40, 55, 90):
        finding = assess([*history, burst], [*no_negatives(history), 0])
        severities.append(finding.severity if finding else None)
    assert severities == ["watch", "high", "critical"]


def test_a_burst_of_negative_mentions_is_one_level_more_severe():
    counts = ordinary_weeks(7)
    history = counts[: 6 * WEEK + 2 * 24 + 15]
    neutral = assess([*history, 40], [*no_negatives(history), 0])
    angry = assess([*history, 40], [*no_negatives(history), 36])
    assert neutral
    assert angry
    assert (neutral.severity, angry.severity) == ("watch", "high")


def test_the_floor_keeps_a_few_night_mentions_from_becoming_an_alert():
    counts = [0] * (7 * WEEK)
    counts[-1] = 3  # three mentions at an hour that never had any
    assert assess(counts, no_negatives(counts)) is None


def test_a_young_series_is_still_learning():
    counts = [2] * 40 + [60]
    assert detection.expectation(counts, 1, 1.0) is None
    assert assess(counts, no_negatives(counts)) is None


def test_a_series_of_a_few_days_learns_from_the_same_hour_of_past_days():
    counts = [*ordinary_weeks(1)[: 5 * 24 + 15], 60]
    expected = detection.expectation(counts, 1, 1.0)
    assert expected is not None
    assert not expected.seasonal
    assert assess(counts, no_negatives(counts)) is not None


def test_last_month_crisis_does_not_hide_the_next_one():
    counts = ordinary_weeks(7)
    wednesday = 2 * 24 + 15
    counts[4 * WEEK + wednesday] = 120  # a crisis at the same hour three weeks ago
    history = counts[: 6 * WEEK + wednesday]
    assert assess([*history, 40], [*no_negatives(history), 0]) is not None


def test_a_turn_to_negative_without_more_volume_is_its_own_alert():
    counts = ordinary_weeks(7)
    hour = 6 * WEEK + 2 * 24 + 15
    negatives = [round(c * 0.1) for c in counts[: hour + 1]]
    window = counts[hour - 2 : hour + 1]
    negatives[hour - 2 : hour + 1] = [round(c * 0.9) for c in window]
    finding = assess(counts[: hour + 1], negatives)
    assert finding is not None
    assert finding.kind == detection.NEGATIVE
    assert finding.negative_share > 0.8


def test_reading_only_the_hours_the_detector_looks_at_gives_the_same_answer():
    counts = ordinary_weeks(7)
    hour = 6 * WEEK + 2 * 24 + 15
    full = [*counts[:hour], 45]
    negatives = [c // 5 for c in full]
    for fraction in (0.25, 0.75):
        sparse, sparse_neg = [0] * len(full), [0] * len(full)
        for start, stop in detection.reads(len(full), fraction):
            sparse[start:stop], sparse_neg[start:stop] = full[start:stop], negatives[start:stop]
        totals = (sum(full), sum(negatives))
        assert assess(sparse, sparse_neg, fraction, totals=totals) == assess(
            full, negatives, fraction
        )
