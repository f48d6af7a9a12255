"""Charts as inline SVG drawn on the server: no script, no outside library, nothing to load.

Time runs left to right in every language: the SVG carries ``direction="ltr"`` so an Arabic
page lays out around the chart without mirroring its axis. Names (sources, brands) are never
drawn inside the SVG; the templates put them beside it in ``<bdi>``, so each keeps its own
direction. Every mark has a ``<title>`` (a tooltip, and what a screen reader says), and each
chart is followed by its figures in a table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from majlis.insights.metrics import Bucket, Split

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 26
PARTS = ("negative", "neutral", "positive", "unknown")  # bottom to top


def nice_ceiling(value: float) -> float:
    """The round number just above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _label(bucket: Bucket, step: str) -> str:
    if step == "hour":
        return date_format(bucket.start, "j M H:i")
    return date_format(bucket.start, "j M")


def _bucket_title(bucket: Bucket, step: str) -> str:
    split = bucket.split
    count = ngettext("%(count)s mention", "%(count)s mentions", split.total) % {
        "count": split.total
    }
    detail = _("%(positive)s positive, %(neutral)s neutral, %(negative)s negative") % {
        "positive": split.positive,
        "neutral": split.neutral,
        "negative": split.negative,
    }
    return f"{_label(bucket, step)}: {count} ({detail})"


def _svg(label: str, body: list[str], height: int = HEIGHT) -> SafeString:
    return mark_safe(  # noqa: S308  (every piece of text in `body` went through escape())
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" direction="ltr" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def _axis(top_value: float, plot_height: float, percent: bool = False) -> list[str]:
    marks = []
    for fraction in (0.0, 0.5, 1.0):
        y = TOP + plot_height * (1 - fraction)
        value = number_format(top_value * fraction, decimal_pos=0)
        marks.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(value)}{'%' if percent else ''}</text>"
        )
    return marks


def _x_labels(buckets: Sequence[Bucket], step: str, slot: float) -> list[str]:
    """The first, middle and last dates under the axis."""
    if not buckets:
        return []
    last, middle = len(buckets) - 1, len(buckets) // 2
    places: dict[int, tuple[float, str]] = {0: (LEFT, "start"), last: (WIDTH - RIGHT, "end")}
    if 0 < middle < last:
        places[middle] = (LEFT + slot * (middle + 0.5), "middle")
    return [
        f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">'
        f"{escape(_label(buckets[index], step))}</text>"
        for index, (x, anchor) in sorted(places.items())
    ]


def volume_chart(buckets: Sequence[Bucket], step: str, label: str) -> SafeString:
    """Mentions per bucket, stacked by sentiment."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top_value = nice_ceiling(max((b.split.total for b in buckets), default=0))
    slot = plot_w / max(1, len(buckets))
    gap = slot * 0.15 if slot > 4 else 0.0
    body = _axis(top_value, plot_h)
    for index, bucket in enumerate(buckets):
        if not bucket.split.total:
            continue
        x, y = LEFT + index * slot + gap / 2, TOP + plot_h
        rects = []
        for part in PARTS:
            value = getattr(bucket.split, part)
            if not value:
                continue
            h = plot_h * value / top_value
            y -= h
            rects.append(
                f'<rect class="s-{part}" x="{x:.2f}" y="{y:.2f}" '
                f'width="{slot - gap:.2f}" height="{h:.2f}"/>'
            )
        body.append(f"<g><title>{escape(_bucket_title(bucket, step))}</title>{''.join(rects)}</g>")
    body += _x_labels(buckets, step, slot)
    return _svg(label, body)


def reputation_chart(buckets: Sequence[Bucket], step: str, label: str) -> SafeString:
    """The e-reputation index of each bucket (0–100), with the balance line at 50."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(buckets))
    body = _axis(100, plot_h)
    mid = TOP + plot_h / 2
    body.append(f'<line class="balance" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{mid}" y2="{mid}"/>')
    points, dots = [], []
    for index, bucket in enumerate(buckets):
        if not bucket.split.classified:
            continue
        index_value = bucket.reputation.value
        x = LEFT + slot * (index + 0.5)
        y = TOP + plot_h * (1 - index_value / 100)
        points.append(f"{x:.1f},{y:.1f}")
        tip = _("%(when)s: index %(value)s") % {
            "when": _label(bucket, step),
            "value": number_format(index_value, decimal_pos=0),
        }
        dots.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3">'
            f"<title>{escape(tip)}</title></circle>"
        )
    if len(points) > 1:
        body.append(f'<polyline class="line" points="{" ".join(points)}"/>')
    body += dots
    body += _x_labels(buckets, step, slot)
    return _svg(label, body)


@dataclass(frozen=True)
class Part:
    value: int
    css: str  # a class of insights.css: s-positive, sov-0 ...
    title: str


def split_bar(parts: Sequence[Part], label: str, total: int | None = None) -> SafeString:
    """One horizontal bar cut in proportion to `parts` (a share of `total` when given)."""
    height = 18
    whole = total if total else sum(p.value for p in parts)
    body, x = [], 0.0
    for part in parts:
        if not part.value or not whole:
            continue
        width = WIDTH * part.value / whole
        body.append(
            f'<rect class="{escape(part.css)}" x="{x:.2f}" y="0" width="{width:.2f}" '
            f'height="{height}"><title>{escape(part.title)}</title></rect>'
        )
        x += width
    if not body:
        body.append(f'<rect class="empty" x="0" y="0" width="{WIDTH}" height="{height}"/>')
    return _svg(label, body, height)


def sentiment_parts(split: Split) -> list[Part]:
    names = {
        "positive": _("Positive"),
        "neutral": _("Neutral"),
        "negative": _("Negative"),
        "unknown": _("Not classified yet"),
    }
    order = ("positive", "neutral", "negative", "unknown")  # reading order, not stacking order
    return [Part(getattr(split, p), f"s-{p}", f"{names[p]}: {getattr(split, p)}") for p in order]
