"""Chat webhooks: the JSON body each service expects, and one guarded POST.

Webhook addresses are given by users, so they go through the listening app's guarded client
(majlis.listening.fetch): http or https only, no private, loopback or link-local address unless
the operator allows them (MAJLIS_ALLOW_PRIVATE_URLS), every redirect re-checked, connections
pinned to the vetted addresses, a time limit and a size limit on the answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from majlis.listening.fetch import FetchError, Reason, fetch

TIMEOUT = 10.0
MAX_ANSWER = 64_000
COLOURS = {"watch": 0xD4A017, "high": 0xE8590C, "critical": 0xB42318}
DISCORD_LIMIT, TELEGRAM_LIMIT, SLACK_LIMIT = 2000, 4096, 3000
_NEVER = frozenset(
    {
        Reason.BAD_URL,
        Reason.UNSUPPORTED_SCHEME,
        Reason.BLOCKED_ADDRESS,
        Reason.TOO_MANY_REDIRECTS,
        Reason.REDIRECT_LOOP,
    }
)


class WebhookRefused(Exception):
    """The address may never be posted to, or the service refused the message: retrying will
    not help."""


class WebhookFailed(Exception):
    """The service did not take the message this time."""


@dataclass(frozen=True)
class Message:
    title: str
    text: str  # plain text, several lines
    link: str
    severity: str
    data: dict[str, Any] = field(default_factory=dict)  # for the generic JSON webhook


def post(url: str, body: dict[str, Any]) -> int:
    try:
        response = fetch(
            url,
            method="POST",
            headers={"Content-Type": "application/json"},
            body=json.dumps(body, ensure_ascii=False).encode(),
            accept="application/json, text/plain, */*",
            allow_private=settings.ALLOW_PRIVATE_URLS,
            timeout=TIMEOUT,
            max_bytes=MAX_ANSWER,
            raise_for_status=False,
        )
    except FetchError as error:
        if error.reason in _NEVER:
            raise WebhookRefused(error.message) from error
        raise WebhookFailed(error.message) from error
    if response.status == 408 or response.status >= 500:
        raise WebhookFailed(f"HTTP {response.status}")
    if response.status >= 300:
        raise WebhookRefused(f"HTTP {response.status}")
    return response.status


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slack(message: Message) -> dict[str, Any]:
    text = f"*{message.title}*\n{message.text}\n<{message.link}>"
    return {"text": _cut(text, SLACK_LIMIT)}


def discord(message: Message) -> dict[str, Any]:
    return {
        "content": _cut(message.title, DISCORD_LIMIT),
        "embeds": [
            {
                "title": _cut(message.title, 256),
                "description": _cut(message.text, 4096),
                "url": message.link,
                "color": COLOURS.get(message.severity, 0),
            }
        ],
        "allowed_mentions": {"parse": []},
    }


def teams(message: Message) -> dict[str, Any]:
    """An Adaptive Card, as Teams workflows ("Post to a channel when a webhook request is
    received") expect it."""
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "text": message.title, "weight": "Bolder", "wrap": True},
            {"type": "TextBlock", "text": message.text, "wrap": True},
        ],
        "actions": [{"type": "Action.OpenUrl", "title": "Majlis", "url": message.link}],
    }
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


def telegram(message: Message, chat_id: str) -> dict[str, Any]:
    """For the Bot API's sendMessage (https://api.telegram.org/bot<token>/sendMessage)."""
    text = f"{message.title}\n\n{message.text}\n{message.link}"
    return {
        "chat_id": chat_id,
        "text": _cut(text, TELEGRAM_LIMIT),
        "disable_web_page_preview": True,
    }


def generic(message: Message) -> dict[str, Any]:
    return {
        "title": message.title,
        "text": message.text,
        "link": message.link,
        "severity": message.severity,
        **message.data,
    }
