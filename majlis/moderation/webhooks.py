"""Tell a site when Majlis changes an item's status: a JSON POST from a background job.

The address is the site's, set by a manager; it is still checked like any address Majlis
fetches: http or https only, and no loopback, private or link-local address unless the operator
allows them (MAJLIS_ALLOW_PRIVATE_URLS). The request goes to the vetted address itself, with the
host name in the Host header and in TLS, so a second DNS answer cannot redirect it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
from typing import Any

import httpx
from django.conf import settings
from django.utils import timezone

from majlis.core import jobs
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


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


def vetted_address(url: httpx.URL) -> str:
    if url.scheme not in ("http", "https") or not url.host:
        raise jobs.PermanentError(f"webhook address must be http or https: {url}")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(url.host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise ConnectionError(f"cannot resolve {url.host}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise ConnectionError(f"{url.host} has no address")
    if not settings.ALLOW_PRIVATE_URLS and not all(_public(a) for a in addresses):
        raise jobs.PermanentError(f"{url.host} resolves to a private address; refused")
    return addresses[0]


def post(url_text: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    url = httpx.URL(url_text)
    address = vetted_address(url)
    pinned = url.copy_with(host=address)
    headers = {**headers, "Host": url.netloc.decode("ascii")}
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        return client.post(
            pinned, content=body, headers=headers, extensions={"sni_hostname": url.host}
        )


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
    response = post(site.webhook_url, body, headers)
    if response.status_code == 429 or response.status_code >= 500:
        raise ConnectionError(f"the site answered {response.status_code}; will retry")
    if response.status_code >= 300:
        raise jobs.PermanentError(f"the site answered {response.status_code}")
    return {"status": response.status_code}
