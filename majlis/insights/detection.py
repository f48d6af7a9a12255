"""Crisis detection on hourly counts: plain arithmetic, no Django, so it can be benchmarked alone.

The caller hands over a contiguous series of hourly buckets (oldest first) whose last bucket is
the hour in progress, observed over ``fraction`` of its length, plus the negative mentions of
each bucket. ``assess`` asks two questions about the last hours:

1. Volume. Is the count far above what this hour of the week usually brings? The expectation is
   the mean of the same window in each of the past weeks (and one hour either side, which
   smooths a sparse series), leaving out the busiest past week so that last month's crisis does
   not teach the detector that crises are normal. A floor keeps a quiet night from turning two
   mentions into an alert. The spread of those past windows gives the overdispersion, and the
   observed count is tested against a negative binomial upper tail (Poisson when the past
   varies no more than Poisson noise).
2. Tone. Is the share of negative mentions far above its own history? A binomial upper tail.

Several windows are tested (the last hour, the last three, the last twelve), so both a sudden
burst and a slow build are seen; their p-values are multiplied by the number of windows
(Bonferroni) before they are compared with the severity thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

HOURS_PER_WEEK = 168
HOURS_PER_DAY = 24

WATCH, HIGH, CRITICAL = "watch", "high", "critical"
SEVERITIES = (WATCH, HIGH, CRITICAL)
VOLUME, NEGATIVE = "volume", "negative"


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) + 1 if severity in SEVERITIES else 0


@dataclass(frozen=True)
class Level:
    severity: str
    p_value: float  # at most this (after the windows' correction)
    ratio: float  # and observed / expected at least this


@dataclass(frozen=True)
class Config:
    weeks: int = 6  # past weeks that make the seasonal expectation
    min_weeks: int = 2  # fewer than this: fall back to the same hour of past days
    min_days: int = 3  # fewer than this: still learning, no alert
    neighbours: int = 1  # hours either side of the same hour of the week
    windows: tuple[int, ...] = (1, 3, 12)  # hours tested
    floor_per_hour: float = 0.5  # the expectation never goes below this
    floor_share_of_mean: float = 0.25  # nor below this share of the mean hourly volume
    min_dispersion: float = 0.2  # mention counts are burstier than Poisson, always
    max_dispersion: float = 1.0
    min_excess: int = 4  # mentions above expectation before anything is raised
    levels: tuple[Level, ...] = (
        Level(CRITICAL, 1e-9, 4.0),
        Level(HIGH, 1e-6, 2.5),
        Level(WATCH, 1e-4, 1.5),
    )
    negative_floor: float = 0.05  # the usual negative share is taken as at least this
    min_negatives: int = 4
    min_share_rise: float = 0.25  # negative share must rise by this much (absolute)
    negative_levels: tuple[Level, ...] = (Level(HIGH, 1e-7, 0.0), Level(WATCH, 1e-4, 0.0))
    negative_support: float = 1e-3  # a volume alert whose tone also turned goes up one level


DEFAULT = Config()


@dataclass(frozen=True)
class Expectation:
    mean: float  # expected count in the window
    dispersion: float  # alpha: variance = mean + alpha * mean²
    samples: int  # past windows it was learnt from
    seasonal: bool  # True: from past weeks; False: from past days (a young history)


@dataclass(frozen=True)
class Finding:
    kind: str  # VOLUME or NEGATIVE
    severity: str
    buckets: int  # trailing buckets in the window, the partial one included
    hours: float  # the window's length in hours
    observed: int
    expected: float
    p_value: float
    negatives: int
    negative_share: float
    baseline_share: float
    negative_p_value: float

    @property
    def ratio(self) -> float:
        return self.observed / self.expected if self.expected else math.inf


# --- tails ---------------------------------------------------------------------------------


def _sum_from(
    log_first: float, ratio: Callable[[int], float], start: int, step: int, stop: int
) -> float:
    """Σ pmf(x) from x=start moving by step until terms vanish or x reaches stop."""
    total, x = 0.0, start
    term = math.exp(log_first)
    while term > 0.0:
        total += term
        if term < total * 1e-15 or x + step == stop:
            break
        term *= ratio(x)
        x += step
    return total


def poisson_sf(k: int, mu: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mu)."""
    if k <= 0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    if k > mu:
        log_k = k * math.log(mu) - mu - math.lgamma(k + 1)
        return min(1.0, _sum_from(log_k, lambda x: mu / (x + 1), k, 1, -1))
    log_below = (k - 1) * math.log(mu) - mu - math.lgamma(k)
    below = _sum_from(log_below, lambda x: x / mu, k - 1, -1, -1)
    return max(0.0, 1.0 - below)


def negbin_sf(k: int, mu: float, alpha: float) -> float:
    """P(X ≥ k) for a negative binomial of mean mu and variance mu + alpha·mu²."""
    if alpha <= 1e-9:
        return poisson_sf(k, mu)
    if k <= 0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    r = 1.0 / alpha
    q = mu / (r + mu)

    def log_pmf(x: int) -> float:
        return (
            math.lgamma(x + r)
            - math.lgamma(r)
            - math.lgamma(x + 1)
            + r * math.log1p(-q)
            + x * math.log(q)
        )

    if k > mu:
        return min(1.0, _sum_from(log_pmf(k), lambda x: (x + r) / (x + 1) * q, k, 1, -1))
    below = _sum_from(log_pmf(k - 1), lambda x: x / ((x - 1 + r) * q), k - 1, -1, -1)
    return max(0.0, 1.0 - below)


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    odds = p / (1.0 - p)

    def log_pmf(x: int) -> float:
        choose = math.lgamma(n + 1) - math.lgamma(x + 1) - math.lgamma(n - x + 1)
        return choose + x * math.log(p) + (n - x) * math.log1p(-p)

    if k > n * p:
        return min(1.0, _sum_from(log_pmf(k), lambda x: (n - x) / (x + 1) * odds, k, 1, n + 1))
    below = _sum_from(log_pmf(k - 1), lambda x: x / ((n - x + 1) * odds), k - 1, -1, -1)
    return max(0.0, 1.0 - below)


# --- expectation -----------------------------------------------------------------------------


def _window_sum(counts: Sequence[int], end: int, buckets: int, fraction: float) -> float:
    """The count of `buckets` buckets ending before `end`, the last one taken at `fraction`."""
    return sum(counts[end - buckets : end - 1]) + fraction * counts[end - 1]


def lags(length: int, buckets: int, config: Config = DEFAULT) -> tuple[list[int], bool] | None:
    """How far back the comparable windows are (whole weeks, or whole days while the history
    is younger than `min_weeks`), and whether they are weekly; None while still learning."""
    reach = buckets + config.neighbours
    weeks = [
        w * HOURS_PER_WEEK
        for w in range(1, config.weeks + 1)
        if length - w * HOURS_PER_WEEK - reach >= 0
    ]
    if len(weeks) >= config.min_weeks:
        return weeks, True
    days = [d * HOURS_PER_DAY for d in range(1, 8) if length - d * HOURS_PER_DAY - reach >= 0]
    return (days, False) if len(days) >= config.min_days else None


def expectation(
    counts: Sequence[int], buckets: int, fraction: float, config: Config = DEFAULT
) -> Expectation | None:
    """What the last `buckets` buckets usually hold; None while the history is too short."""
    end = len(counts)
    found = lags(end, buckets, config)
    if found is None:
        return None
    past, seasonal = found
    shifts = range(-config.neighbours, config.neighbours + 1)
    groups = [
        [_window_sum(counts, end - lag + shift, buckets, fraction) for shift in shifts]
        for lag in past
    ]
    if len(groups) >= 4:
        groups.remove(max(groups, key=sum))
    samples = [value for group in groups for value in group]
    mean = sum(samples) / len(samples)
    variance = sum((value - mean) ** 2 for value in samples) / max(1, len(samples) - 1)
    dispersion = (variance - mean) / mean**2 if mean > 0 else 0.0
    dispersion = min(config.max_dispersion, max(config.min_dispersion, dispersion))
    return Expectation(mean, dispersion, len(samples), seasonal)


def reads(length: int, fraction: float, config: Config = DEFAULT) -> list[tuple[int, int]]:
    """The index ranges [start, stop) of a `length`-bucket series that `assess` looks at.

    A caller may fetch only these buckets and pass the series' sums as `totals`: the other
    buckets then only matter through those sums.
    """
    ranges = []
    for hours in config.windows:
        buckets = _window_buckets(hours, fraction)
        ranges.append((max(0, length - buckets), length))
        found = lags(length, buckets, config)
        for lag in found[0] if found else []:
            start = length - lag - config.neighbours - buckets
            ranges.append((max(0, start), length - lag + config.neighbours))
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def floor_per_hour(total: int, hours: int, config: Config = DEFAULT) -> float:
    """The least the detector ever expects in an hour: a quiet night is not a silent one."""
    mean_rate = total / hours if hours else 0.0
    return max(config.floor_per_hour, config.floor_share_of_mean * mean_rate)


def baseline_share(
    counts: Sequence[int], negatives: Sequence[int], totals: tuple[int, int], config: Config
) -> float:
    """The usual negative share, outside the longest window tested, with a small prior."""
    skip = max(config.windows) + 1
    total = totals[0] - sum(counts[-skip:])
    negative = totals[1] - sum(negatives[-skip:])
    share = (negative + 1.0) / (total + 10.0)
    return min(0.95, max(config.negative_floor, share))


# --- the assessment --------------------------------------------------------------------------


def _window_buckets(hours: int, fraction: float) -> int:
    """A one-hour window early in an hour also takes the hour before, so it is never tiny."""
    return hours + 1 if fraction < 0.5 else hours


def _level(levels: Sequence[Level], p_value: float, ratio: float) -> str:
    for level in levels:
        if p_value <= level.p_value and ratio >= level.ratio:
            return level.severity
    return ""


def _escalate(severity: str) -> str:
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITIES.index(severity) + 1)]


def _assess_window(
    counts: Sequence[int],
    negatives: Sequence[int],
    hours: int,
    fraction: float,
    share0: float,
    least: float,
    config: Config,
) -> Finding | None:
    buckets = _window_buckets(hours, fraction)
    if len(counts) < buckets:
        return None
    expected = expectation(counts, buckets, fraction, config)
    if expected is None:
        return None
    span = buckets - 1 + fraction
    mu = max(expected.mean, least * span)
    observed = sum(counts[-buckets:])
    negative = sum(negatives[-buckets:])
    tests = len(config.windows)
    p_volume = min(1.0, tests * negbin_sf(observed, mu, expected.dispersion))
    p_tone = min(1.0, tests * binomial_sf(negative, observed, share0))
    share = negative / observed if observed else 0.0
    severity, kind, p_value = "", VOLUME, p_volume
    if observed - mu >= config.min_excess:
        severity = _level(config.levels, p_volume, observed / mu)
        if severity and negative >= config.min_negatives and p_tone <= config.negative_support:
            severity = _escalate(severity)
    if (
        not severity
        and negative >= config.min_negatives
        and share - share0 >= config.min_share_rise
    ):
        severity = _level(config.negative_levels, p_tone, 0.0)
        kind, p_value = NEGATIVE, p_tone
    if not severity:
        return None
    return Finding(
        kind, severity, buckets, span, observed, mu, p_value, negative, share, share0, p_tone
    )


def assess(
    counts: Sequence[int],
    negatives: Sequence[int],
    fraction: float = 1.0,
    config: Config = DEFAULT,
    totals: tuple[int, int] | None = None,
) -> Finding | None:
    """The most severe finding about the last hours of `counts`, or None when all is usual.

    `counts[-1]` is the hour in progress, seen over `fraction` (0..1) of it; `negatives`
    runs alongside `counts`. `totals` (all mentions, negative ones) spares summing a series
    of which only the ranges in `reads` were filled.
    """
    if len(counts) != len(negatives):
        raise ValueError("counts and negatives must have the same length")
    if not counts:
        return None
    totals = totals or (sum(counts), sum(negatives))
    share0 = baseline_share(counts, negatives, totals, config)
    least = floor_per_hour(totals[0], len(counts), config)
    findings = [
        finding
        for hours in config.windows
        if (finding := _assess_window(counts, negatives, hours, fraction, share0, least, config))
    ]
    if not findings:
        return None
    return max(
        findings,
        key=lambda f: (severity_rank(f.severity), f.kind == VOLUME, -f.p_value, -f.buckets),
    )
