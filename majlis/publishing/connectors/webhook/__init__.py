"""A generic webhook: the post as JSON, POSTed to an address the brand controls.

The request carries an `Idempotency-Key` header (the same on every retry of one post) and,
when a signing secret is set, `X-Majlis-Signature: sha256=<HMAC of the body>`. A receiver that
keeps the keys it has seen makes the delivery exactly-once. Its answer may give the post's
`url` and `id` as JSON; both are optional.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.utils.translation import gettext_lazy as _

from majlis.publishing.connectors.base import (
    Account,
    Connector,
    CredentialField,
    Health,
    Outgoing,
    PublishedRef,
    fail,
    json_of,
)


class Webhook(Connector):
    network = "webhook"
    idempotent = True
    fields = (
        CredentialField("base_url", _("Address to POST to")),
        CredentialField(
            "signing_secret",
            _("Signing secret"),
            secret=True,
            required=False,
            help_text=_("Optional: the receiver checks X-Majlis-Signature with it."),
        ),
    )

    def connect(self, account: Account) -> Health:
        return Health(handle=account.base_url)

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        payload = {
            "id": key,
            "text": post.text,
            "parts": list(post.parts),
            "lang": post.lang,
            "media": [
                {"url": media.url, "alt": media.alt, "content_type": media.content_type}
                for media in post.media
            ],
        }
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        response = self.request(
            "POST", account.base_url, content=body, headers=self._headers(account, key, body)
        )
        answer = json_of(response)
        if not response.is_success:
            fail(response, str(answer.get("error") or answer.get("message") or ""))
        return PublishedRef(
            url=str(answer.get("url") or ""), remote_id=str(answer.get("id") or key)
        )

    @staticmethod
    def _headers(account: Account, key: str, body: bytes) -> dict[str, Any]:
        headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": key}
        secret = str(account.credentials.get("signing_secret") or "")
        if secret:
            digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            headers["X-Majlis-Signature"] = f"sha256={digest}"
        return headers


connector = Webhook
