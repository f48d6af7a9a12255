"""A LinkedIn organization page, through the versioned Posts API.

- `POST /rest/posts` with `author` (the organization's URN), the text as `commentary` in
  "little text" (escaped with `rules.escape_little_text`, hashtags kept as hashtags),
  `visibility: PUBLIC` and `lifecycleState: PUBLISHED`. Every call carries
  `LinkedIn-Version: YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`. The new post's URN comes
  back in the `x-restli-id` header of the 201.
- It is read back with `GET /rest/posts/{urn}`; counts from `GET /rest/socialActions/{urn}`.
- Access tokens live 60 days. Where LinkedIn granted refresh tokens to the app, Majlis
  refreshes with the `refresh_token` grant; otherwise the health page says when to reconnect.

No idempotency key: before sending again after an uncertain attempt, Majlis looks for the
post among the organization's latest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majlis.publishing.connectors.base import (
    Account,
    Connector,
    CredentialField,
    Health,
    Outgoing,
    PermanentError,
    PublishedRef,
    ReadBack,
    fail,
    json_of,
    store_refreshed_token,
)
from majlis.publishing.rules import escape_little_text

DEFAULT_VERSION = "202610"
TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken"  # noqa: S105 (an address)


class LinkedIn(Connector):
    network = "linkedin"
    default_base_url = "https://api.linkedin.com"
    can_refresh = True
    fields = (
        CredentialField("remote_id", _("Organization URN"), help_text=_("urn:li:organization:123")),
        CredentialField("access_token", _("Access token"), secret=True),
        CredentialField("refresh_token", _("Refresh token"), secret=True, required=False),
        CredentialField("client_id", _("Client id"), required=False),
        CredentialField("client_secret", _("Client secret"), secret=True, required=False),
    )

    def connect(self, account: Account) -> Health:
        organization_id = account.remote_id.rsplit(":", 1)[-1]
        found = self._call(account, "GET", f"/rest/organizations/{organization_id}")
        expires = account.credentials.get("expires_at")
        return Health(
            handle=str(found.get("localizedName") or account.remote_id),
            remote_id=account.remote_id,
            expires_at=datetime.fromisoformat(expires) if expires else None,
        )

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        body = {
            "author": account.remote_id,
            "commentary": escape_little_text(post.text, hashtags=True),
            "visibility": "PUBLIC",
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        response = self._send(account, "POST", "/rest/posts", json=body)
        urn = response.headers.get("x-restli-id", "")
        if not urn:
            raise PermanentError(gettext("LinkedIn did not give the new post's id."))
        seen = self.read_back(account, urn)
        return PublishedRef(url=seen.url, remote_id=urn)

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        self._call(account, "GET", f"/rest/posts/{quote(remote_id, safe='')}")
        actions = self._call(account, "GET", f"/rest/socialActions/{quote(remote_id, safe='')}")
        return ReadBack(
            url=f"https://www.linkedin.com/feed/update/{remote_id}/",
            likes=int((actions.get("likesSummary") or {}).get("totalLikes") or 0),
            replies=int((actions.get("commentsSummary") or {}).get("aggregatedTotalComments") or 0),
        )

    def find_existing(self, post: Outgoing, account: Account) -> PublishedRef | None:
        latest = self._call(
            account,
            "GET",
            "/rest/posts",
            params={"author": account.remote_id, "q": "author", "count": "10"},
        )
        wanted = escape_little_text(post.text, hashtags=True).strip()
        for item in latest.get("elements") or []:
            if str(item.get("commentary") or "").strip() == wanted:
                urn = str(item["id"])
                return PublishedRef(
                    url=f"https://www.linkedin.com/feed/update/{urn}/", remote_id=urn
                )
        return None

    def refresh_token(self, account: Account) -> datetime | None:
        credentials = account.credentials
        if not credentials.get("refresh_token"):
            raise PermanentError(
                gettext("LinkedIn gave no refresh token: connect the account again.")
            )
        response = self.request(
            "POST",
            str(account.options.get("token_url") or TOKEN_URL),
            data={
                "grant_type": "refresh_token",
                "refresh_token": credentials["refresh_token"],
                "client_id": credentials.get("client_id", ""),
                "client_secret": credentials.get("client_secret", ""),
            },
        )
        return store_refreshed_token(account, response, credentials, lifetime=0)

    def _call(self, account: Account, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return json_of(self._send(account, method, path, **kwargs))

    def _send(self, account: Account, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One call; an expired token is refreshed once when LinkedIn allows it."""
        response = self.request_refreshing(
            account,
            lambda: self.request(
                method, self._url(account, path), headers=self._headers(account), **kwargs
            ),
        )
        if not response.is_success:
            fail(response, str(json_of(response).get("message") or ""))
        return response

    @staticmethod
    def _headers(account: Account) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {account.credentials.get('access_token', '')}",
            "LinkedIn-Version": str(account.options.get("api_version") or DEFAULT_VERSION),
            "X-Restli-Protocol-Version": "2.0.0",
        }

    @staticmethod
    def _url(account: Account, path: str) -> str:
        return (account.base_url or LinkedIn.default_base_url).rstrip("/") + path


connector = LinkedIn
