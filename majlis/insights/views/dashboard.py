from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.insights import charts, metrics
from majlis.insights.models import Alert
from majlis.insights.models.alert import LIVE_STATES

SOV_COLOURS = 6


def period_days(value: str | None) -> int:
    try:
        days = int(value or metrics.DEFAULT_PERIOD)
    except ValueError:
        return metrics.DEFAULT_PERIOD
    return days if days in metrics.PERIODS else metrics.DEFAULT_PERIOD


def _voice_bar(data: metrics.Insights) -> object:
    parts = [
        charts.Part(v.split.total, f"sov-{i % SOV_COLOURS}", f"{v.name}: {v.split.total}")
        for i, v in enumerate(data.voices)
    ]
    return charts.split_bar(parts, _("Share of voice"))


@workspace_view(Perm.VIEW)
def insights_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    data = metrics.insights(workspace, period_days(request.GET.get("period")), timezone.now())
    step = data.period.step
    voices = [
        (
            voice,
            f"sov-{i % SOV_COLOURS}",
            charts.split_bar(charts.sentiment_parts(voice.split), voice.name),
        )
        for i, voice in enumerate(data.voices)
    ]
    context = {
        "data": data,
        "periods": metrics.PERIODS,
        "volume_chart": charts.volume_chart(data.series, step, _("Mentions over time")),
        "reputation_chart": charts.reputation_chart(
            data.series, step, _("E-reputation index over time")
        ),
        "sentiment_bar": charts.split_bar(charts.sentiment_parts(data.split), _("Sentiment")),
        "voice_bar": _voice_bar(data),
        "voices": voices,
        "source_max": max((s.mentions for s in data.sources), default=0),
        "live_alerts": Alert.objects.filter(
            workspace=workspace, state__in=LIVE_STATES
        ).select_related("query", "workspace")[:5],
    }
    return render(request, "insights/dashboard.html", context)
