"""Chat webhooks: the JSON body each service expects, and one guarded POST.

Webhook addresses are given by users, so they go through the core guard (majlis.core.outbound):
http or https only, no private, loopback or link-local address unless the operator allows them
(MAJLIS_ALLOW_PRIVATE_URLS), every redirect re-checked, connections pinned to the vetted
addresses, a time limit and a size limit. Only the status of the answer is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from majlis.core import outbound

TIMEOUT = 10.0
MAX_ANSWER = 64_000  # for the bodies of redirects, which httpx reads before following them
MAX_REDIRECTS = 5
USER_AGENT = "Majlis-Insights/1 (+webhook)"
COLOURS = {"watch": 0xD4A017, "high": 0xE8590C, "critical": 0xB42318}
DISCORD_LIMIT, TELEGRAM_LIMIT, SLACK_LIMIT = 2000, 4096, 3000


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
    target = _target(url)
    try:
        status = _send(target, json.dumps(body, ensure_ascii=False).encode())
    except httpx.TooManyRedirects as exc:
        raise WebhookRefused(
            f"The address redirected more than {MAX_REDIRECTS} times; Majlis stopped there."
        ) from exc
    except httpx.TimeoutException as exc:
        raise WebhookFailed(f"{target.host} did not answer within {TIMEOUT:g} seconds.") from exc
    except httpx.HTTPError as exc:
        raise WebhookFailed(
            f"Could not post to {target.host}: {exc or type(exc).__name__}."
        ) from exc
    if status == 408 or status >= 500:
        raise WebhookFailed(f"HTTP {status}")
    if status >= 300:
        raise WebhookRefused(f"HTTP {status}")
    return status


def _target(url: str) -> httpx.URL:
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise WebhookRefused(f"{url[:200]} is not a valid address ({exc}).") from exc
    if target.userinfo:
        raise WebhookRefused(
            "This address contains a user name or password; Majlis refuses credentials in it."
        )
    return target


def _send(url: httpx.URL, content: bytes) -> int:
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json, text/plain, */*",
        "User-Agent": USER_AGENT,
    }
    with (
        outbound.client(
            timeout=TIMEOUT,
            max_bytes=MAX_ANSWER,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            failure=_failure,
        ) as client,
        client.stream("POST", url, content=content, headers=headers) as response,
    ):
        return response.status_code


def _failure(error: outbound.OutboundError) -> Exception:
    if isinstance(error, outbound.PrivateAddress):
        return WebhookRefused(
            f"{error.message}; Majlis only posts to public addresses unless an operator allows "
            "private ones."
        )
    if isinstance(error, outbound.Refused):
        return WebhookRefused(f"Majlis does not post to this address: {error.message}.")
    return WebhookFailed(f"{error.message}.")


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
