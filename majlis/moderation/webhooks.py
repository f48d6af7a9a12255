"""Tell a site when Majlis changes an item's status: a JSON POST from a background job.

The address is the site's, set by a manager; it goes through the core guard like any address
a user gives (majlis.core.outbound): http or https only, and no loopback, private or link-local
address unless the operator allows them (MAJLIS_ALLOW_PRIVATE_URLS). The request goes to the
vetted address itself, with the host name in the Host header and in TLS, so a second DNS answer
cannot redirect it. Redirects are not followed, and the answer's body is never read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import httpx
from django.utils import timezone

from majlis.core import jobs, outbound
from majlis.moderation.models import Item

KIND = "moderation.webhook"
TIMEOUT_SECONDS = 5.0
USER_AGENT = "Majlis-Moderation/1 (+webhook)"


def notify(item: Item, previous: str, cause: str) -> None:
    """Queue the site's notification, sent once the surrounding transaction commits."""
    if not item.site.webhook_url:
        return
    payload = {"item": item.pk, "status": item.status, "previous": previous, "cause": cause}
    jobs.submit(KIND, payload)


def body_for(item: Item, payload: dict[str, Any]) -> bytes:
    document = {
        "event": "item.status",
        "item": item.public_id,
        "status": item.status,
        "previous": payload.get("previous", ""),
        "cause": payload.get("cause", ""),
        "reports": item.report_count,
        "site": item.site.url,
        "at": timezone.now().isoformat(),
    }
    return json.dumps(document, separators=(",", ":")).encode()


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _failure(error: outbound.OutboundError) -> Exception:
    """Refusals fail the job for good; a name that does not resolve now may resolve later."""
    if isinstance(error, outbound.PrivateAddress):
        return jobs.PermanentError(f"{error.host} resolves to a private address; refused")
    if isinstance(error, outbound.Refused):
        return jobs.PermanentError(f"webhook address refused: {error.message}")
    if isinstance(error, outbound.UnknownHost) and error.detail:
        return ConnectionError(f"cannot resolve {error.host}: {error.detail}")
    return ConnectionError(error.message)


def post(url_text: str, body: bytes, headers: dict[str, str]) -> int:
    """POST `body` to the site; its answer's status code."""
    try:
        url = httpx.URL(url_text)
    except httpx.InvalidURL as exc:
        raise jobs.PermanentError(f"webhook address is not valid: {exc}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise jobs.PermanentError(f"webhook address must be http or https: {url}")
    with (
        outbound.client(timeout=TIMEOUT_SECONDS, failure=_failure) as client,
        client.stream("POST", url, content=body, headers=headers) as response,
    ):
        return response.status_code


@jobs.handler(KIND)
def send(payload: dict[str, Any]) -> dict[str, Any]:
    item = Item.objects.select_related("site").filter(pk=payload["item"]).first()
    if item is None:
        raise jobs.PermanentError("the item no longer exists")
    site = item.site
    if not site.webhook_url:
        return {"skipped": "no webhook address"}
    body = body_for(item, payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Majlis-Signature": signature(site.webhook_secret, body),
    }
    status = post(site.webhook_url, body, headers)
    if status == 429 or status >= 500:
        raise ConnectionError(f"the site answered {status}; will retry")
    if status >= 300:
        raise jobs.PermanentError(f"the site answered {status}")
    return {"status": status}
