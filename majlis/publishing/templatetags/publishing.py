from __future__ import annotations

from datetime import datetime
from typing import Any

import regex
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from majlis.publishing import links

register = template.Library()

_ENTITY = regex.compile(
    r"(?P<url>https?://[^\s<>\"]+)|(?<![\w@])(?P<mention>@[\w.-]+(?:@[\w.-]+\w)?)|(?<![\w#&])(?P<tag>[#＃][\p{L}\p{M}\p{N}_]+)"
)


@register.filter
def post_html(text: str) -> SafeString:
    """The text of a post as the networks show it: links, mentions and tags stand out.

    Every piece is escaped; only our own spans and line breaks are markup.
    """
    pieces: list[str] = []
    position = 0
    for match in _ENTITY.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        kind = match.lastgroup or "url"
        pieces.append(
            f'<span class="entity {kind}" dir="ltr">{escape(match.group())}</span>'
            if kind == "url"
            else f'<span class="entity {kind}">{escape(match.group())}</span>'
        )
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces).replace("\n", "<br>"))  # noqa: S308


@register.filter
def in_zone(moment: datetime | None, tz: Any) -> datetime | None:
    return moment.astimezone(tz) if moment else None


@register.filter
def web_address(url: str) -> bool:
    return links.is_web_address(url)


@register.filter
def short_url(code: str) -> str:
    return links.short_url(code)
