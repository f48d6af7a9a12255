"""Meta's Graph API, shared by the Facebook Page and Instagram connectors.

Errors come as `{"error": {"message", "type", "code", "error_subcode", "is_transient"}}`.
Codes 1, 2, 4, 17, 32, 341, 613 and 80001 are temporary (rate limits and outages); 190 is an
expired or revoked token, which only reconnecting the account fixes.
"""

from __future__ import annotations

from typing import Any

import httpx
from django.utils.translation import gettext

from majlis.publishing.connectors.base import (
    Account,
    Connector,
    PermanentError,
    TransientError,
    json_of,
    retry_after,
)

DEFAULT_BASE_URL = "https://graph.facebook.com"
DEFAULT_VERSION = "v23.0"
TRANSIENT_CODES = {1, 2, 4, 17, 32, 341, 613, 80001}


class GraphConnector(Connector):
    default_base_url = DEFAULT_BASE_URL

    def graph(self, account: Account, method: str, path: str, **params: Any) -> dict[str, Any]:
        token = account.credentials.get("access_token", "")
        if not token:
            raise PermanentError(gettext("No access token: connect the account again."))
        url = self._url(account, path)
        if method == "GET":
            response = self.request(method, url, params={**params, "access_token": token})
        else:
            response = self.request(method, url, data={**params, "access_token": token})
        body = json_of(response)
        if response.is_success and "error" not in body:
            return body
        raise _error(response, body)

    @staticmethod
    def _url(account: Account, path: str) -> str:
        base = (account.base_url or DEFAULT_BASE_URL).rstrip("/")
        version = str(account.options.get("api_version") or DEFAULT_VERSION)
        return f"{base}/{version}/{path.lstrip('/')}"


def _error(response: httpx.Response, body: dict[str, Any]) -> Exception:
    raw = body.get("error")
    error: dict[str, Any] = raw if isinstance(raw, dict) else {}
    message = str(error.get("message") or f"HTTP {response.status_code}")
    code = error.get("code")
    if error.get("is_transient") or code in TRANSIENT_CODES or response.status_code >= 500:
        return TransientError(message, retry_after=retry_after(response))
    return PermanentError(message)
