"""Crisis detection: precision, recall and latency on generated series, against a naive rule.

Each series is seven weeks of history plus two evaluated weeks of quarter-hourly mentions:
a daily rhythm (quiet nights, a midday and an evening peak), a weekly one (a busy Monday
morning, quiet weekends), day-to-day and hour-to-hour overdispersion (gamma-distributed
multipliers), a slow trend, and a usual negative share. Half of the series get one injected
crisis in the evaluated weeks: a sudden burst or a six-hour ramp of mostly negative mentions.

The detector runs as the scheduler runs it, every 15 minutes on the hour in progress, with its
default settings and with a more sensitive setting (watch from p = 1e-3, dispersion at least
0.15) to show the dial. The naive rule runs at the end of each hour: "the last hour holds at
least 3x the mean hourly count of the past four weeks (and at least 3 mentions)".

An alert is an event: alerting checks less than 12 hours apart are one event (one open alert).
An event that starts between the crisis's start and three hours after its end is a true
positive; any other is a false one. Recall counts crises caught; latency is from the start of
the crisis to its first alert, in hours.

    .venv/bin/python bench/bench_crisis.py [SERIES] [SEED]
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from majlis.insights.detection import CRITICAL, DEFAULT, HIGH, WATCH, Config, Level, assess

HISTORY_WEEKS = 7
EVAL_DAYS = 14
QUARTERS = 4
COOL_DOWN_HOURS = 12
GRACE_HOURS = 3

# Relative volume by local hour, and by weekday (Monday first).
DAY_SHAPE = [
    0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.9, 1.1, 1.2, 1.25,
    1.3, 1.2, 1.1, 1.1, 1.15, 1.2, 1.35, 1.5, 1.6, 1.4, 0.9, 0.5,
]  # fmt: skip
WEEK_SHAPE = [1.15, 1.0, 1.0, 1.0, 0.9, 0.75, 0.65]
MONDAY_MORNING = {8: 1.6, 9: 1.8, 10: 1.6, 11: 1.3}


@dataclass
class Series:
    quarters: list[int]
    negatives: list[int]
    crisis: tuple[int, int] | None  # first and last crisis hour
    shape: str  # "burst", "ramp" or "" (no crisis)
    extra: list[int]  # the crisis's own mentions, per quarter
    hours: int = field(init=False)

    def __post_init__(self) -> None:
        self.hours = len(self.quarters) // QUARTERS


def _poisson(rng: random.Random, lam: float) -> int:
    if lam > 50:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    threshold, k, p = math.exp(-lam), 0, rng.random()
    while p > threshold:
        k += 1
        p *= rng.random()
    return k


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def generate(rng: random.Random, with_crisis: bool) -> Series:
    hours = HISTORY_WEEKS * 168 + EVAL_DAYS * 24
    base = math.exp(rng.uniform(math.log(0.3), math.log(40)))
    trend = rng.uniform(-0.3, 0.3)
    share = rng.uniform(0.08, 0.35)
    day_factor = [rng.gammavariate(16, 1 / 16) for _ in range(hours // 24 + 1)]
    rates = []
    for hour in range(hours):
        weekday, local = (hour // 24) % 7, hour % 24
        rhythm = DAY_SHAPE[local] * WEEK_SHAPE[weekday]
        if weekday == 0:
            rhythm *= MONDAY_MORNING.get(local, 1.0)
        level = base * (1 + trend * (hour / hours - 0.5))
        rates.append(level * rhythm * day_factor[hour // 24] * rng.gammavariate(8, 1 / 8))
    extra = [0.0] * hours
    crisis: tuple[int, int] | None = None
    shape = ""
    if with_crisis:
        start = rng.randrange(hours - EVAL_DAYS * 24 + 6, hours - 12)
        peak = max(4.0, rng.uniform(1.5, 6) * base * DAY_SHAPE[start % 24])
        if rng.random() < 0.5:
            shape, profile = "burst", [1.0] * rng.randint(2, 6)
        else:
            shape, profile = "ramp", [0.2, 0.35, 0.5, 0.65, 0.8, 1.0, 1.0, 1.0]
        length = min(len(profile), hours - start)
        for offset in range(length):
            extra[start + offset] = peak * profile[offset]
        crisis = (start, start + length - 1)
    quarters: list[int] = []
    negatives: list[int] = []
    bursts: list[int] = []
    for hour in range(hours):
        for _quarter in range(QUARTERS):
            usual = _poisson(rng, rates[hour] / QUARTERS)
            burst = _poisson(rng, extra[hour] / QUARTERS)
            quarters.append(usual + burst)
            bursts.append(burst)
            negatives.append(_binomial(rng, usual, share) + _binomial(rng, burst, 0.8))
    return Series(quarters, negatives, crisis, shape, bursts)


def hourly(values: list[int], upto_quarter: int) -> tuple[list[int], float]:
    """Hourly buckets up to a quarter: the last bucket is the hour in progress."""
    full = upto_quarter // QUARTERS
    out = [sum(values[h * QUARTERS : (h + 1) * QUARTERS]) for h in range(full)]
    partial = upto_quarter % QUARTERS
    out.append(sum(values[full * QUARTERS : upto_quarter]))
    return out, partial / QUARTERS


SENSITIVE = Config(
    min_dispersion=0.15,
    levels=(Level(CRITICAL, 1e-9, 4.0), Level(HIGH, 1e-6, 2.5), Level(WATCH, 1e-3, 1.5)),
)


def detector_alerts(series: Series, config: Config = DEFAULT) -> list[float]:
    """Hours (quarter resolution) at which the detector raises something."""
    first = (series.hours - EVAL_DAYS * 24) * QUARTERS
    counts_all, _ = hourly(series.quarters, len(series.quarters))
    negs_all, _ = hourly(series.negatives, len(series.negatives))
    alerts = []
    for quarter in range(first, len(series.quarters)):
        full, partial = divmod(quarter, QUARTERS)
        counts = counts_all[:full]
        negatives = negs_all[:full]
        counts.append(sum(series.quarters[full * QUARTERS : quarter]))
        negatives.append(sum(series.negatives[full * QUARTERS : quarter]))
        if assess(counts, negatives, partial / QUARTERS, config):
            alerts.append(quarter / QUARTERS)
    return alerts


def naive_alerts(series: Series) -> list[float]:
    counts, _ = hourly(series.quarters, len(series.quarters))
    counts = counts[:-1]
    alerts = []
    for hour in range(series.hours - EVAL_DAYS * 24, series.hours):
        mean = sum(counts[hour - 4 * 168 : hour]) / (4 * 168)
        if counts[hour] >= max(3 * mean, 3):
            alerts.append(hour + 1.0)  # known when the hour ends
    return alerts


@dataclass
class Score:
    true_events: int = 0
    false_events: int = 0
    caught: int = 0
    crises: int = 0
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"burst": [], "ramp": []})
    crisis_mentions_before: list[int] = field(default_factory=list)
    quiet_series_alerted: int = 0
    quiet_series: int = 0

    def add(self, series: Series, alerts: list[float]) -> None:
        events = _events(alerts)
        if series.crisis is None:
            self.quiet_series += 1
            self.quiet_series_alerted += bool(events)
            self.false_events += len(events)
            return
        self.crises += 1
        start, end = series.crisis
        inside = [t for t in alerts if start < t <= end + 1 + GRACE_HOURS]
        if inside:
            self.caught += 1
            self.latencies[series.shape].append(inside[0] - start)
            seen = int(inside[0] * QUARTERS)
            self.crisis_mentions_before.append(sum(series.extra[start * QUARTERS : seen]))
        for event in events:
            if start < event <= end + 1 + GRACE_HOURS:
                self.true_events += 1
            else:
                self.false_events += 1

    def lines(self, name: str, weeks: float) -> list[str]:
        events = self.true_events + self.false_events
        precision = self.true_events / events if events else 1.0
        recall = self.caught / self.crises if self.crises else 0.0
        every = self.latencies["burst"] + self.latencies["ramp"]
        in_first_hour = sum(lat <= 1.0 for lat in every) / max(1, self.crises)
        lines = [
            f"{name:<9} precision {precision:6.1%}  recall {recall:6.1%}  "
            f"false alerts per series-week {self.false_events / weeks:4.2f}  "
            f"crises caught within 1 h {in_first_hour:6.1%}  "
            f"crisis mentions before the alert (median) "
            f"{_median(self.crisis_mentions_before):4.0f}"
        ]
        for shape, values in self.latencies.items():
            lines.append(
                f"{'':<9} latency of {shape + 's':<6} (h): median {_median(values):4.2f}  "
                f"p90 {_quantile(values, 0.9):4.2f}  ({len(values)} caught)"
            )
        return lines


def _median(values: list[float] | list[int]) -> float:
    return statistics.median(values) if values else math.nan


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _events(alerts: list[float]) -> list[float]:
    starts: list[float] = []
    last = -math.inf
    for t in alerts:
        if t - last >= COOL_DOWN_HOURS:
            starts.append(t)
        last = t
    return starts


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    rng = random.Random(seed)
    rules: dict[str, Callable[[Series], list[float]]] = {
        "detector": detector_alerts,
        "sensitive": lambda series: detector_alerts(series, SENSITIVE),
        "naive 3x": naive_alerts,
    }
    scores = {name: Score() for name in rules}
    spent = dict.fromkeys(rules, 0.0)
    for index in range(count):
        series = generate(rng, with_crisis=index % 2 == 0)
        for name, rule in rules.items():
            started = time.perf_counter()
            alerts = rule(series)
            spent[name] += time.perf_counter() - started
            scores[name].add(series, alerts)
    weeks = count * EVAL_DAYS / 7
    print(
        f"{count} series (seed {seed}), {count // 2 + count % 2} with a crisis, "
        f"{EVAL_DAYS} evaluated days each"
    )
    for name, score in scores.items():
        print("\n".join(score.lines(name, weeks)))
    quiet = scores["detector"]
    checks = count * EVAL_DAYS * 24 * QUARTERS
    print(
        f"detector: {quiet.quiet_series_alerted} of {quiet.quiet_series} quiet series alerted "
        f"at least once in {EVAL_DAYS} days; {checks / spent['detector']:,.0f} checks/s"
    )


if __name__ == "__main__":
    main()
