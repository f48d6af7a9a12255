from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from majlis.moderation import reasons
from majlis.text.html_clean import clean_html

register = template.Library()


@register.filter
def reason_lines(value: Any) -> list[dict[str, Any]]:
    return reasons.lines(value)


@register.filter
def cleaned(value: str) -> SafeString:
    """An item's content through the allow-list once more at display time: stored HTML is
    cleaned already, and cleaning again costs microseconds and trusts no stored row."""
    return mark_safe(clean_html(value or ""))  # noqa: S308  (the output of the allow-list)


@register.filter
def percent(value: float) -> str:
    return f"{100 * float(value):.0f} %"
