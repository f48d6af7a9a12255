from __future__ import annotations

from django import template
from django.utils.formats import number_format

from majlis.insights import notify
from majlis.insights.models import Alert

register = template.Library()


@register.filter
def percent(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    # number_format cuts decimals off; round first so that 2/3 reads 67 %, not 66 %.
    return f"{number_format(round(100 * value, digits), decimal_pos=digits)} %"


@register.filter
def signed_percent(value: float | None) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{number_format(round(abs(100 * value)), decimal_pos=0)} %"


@register.filter
def number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else number_format(round(value, digits), decimal_pos=digits)


@register.simple_tag
def alert_headline(alert: Alert) -> str:
    return notify.headline(alert)


@register.simple_tag
def alert_title(alert: Alert) -> str:
    return notify.title(alert)
