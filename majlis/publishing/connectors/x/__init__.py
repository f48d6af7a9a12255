"""X, through API v2 with an OAuth 2.0 user-context token.

- `POST /2/tweets` with `text` (and `media.media_ids`, or `reply.in_reply_to_tweet_id` for
  the next post of a thread); the 201 gives `data.id`.
- Images go up with `POST /2/media/upload` (`media_category=tweet_image`), their alt text with
  `POST /2/media/metadata`.
- Read back with `GET /2/tweets/{id}?tweet.fields=public_metrics`.
- Access tokens live two hours; with the `offline.access` scope a refresh token renews them
  (`POST /2/oauth2/token`, `grant_type=refresh_token`), which Majlis does before they lapse
  and whenever X answers 401.
- Rate limits come in `x-rate-limit-reset` (epoch seconds).

No idempotency key. X refuses a second post with the same text ("duplicate content"); when an
attempt may have gone through, Majlis first looks for the post among the account's latest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import regex
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majlis.publishing.connectors.base import (
    Account,
    Connector,
    CredentialField,
    Health,
    MediaFile,
    Outgoing,
    PermanentError,
    PublishedRef,
    ReadBack,
    fail,
    json_of,
    store_refreshed_token,
)

_URL = regex.compile(r"https?://\S+")


class X(Connector):
    network = "x"
    default_base_url = "https://api.x.com"
    can_refresh = True
    threads = True
    fields = (
        CredentialField("access_token", _("Access token"), secret=True),
        CredentialField(
            "refresh_token",
            _("Refresh token"),
            secret=True,
            required=False,
            help_text=_("Given with the offline.access scope; lets Majlis renew the token."),
        ),
        CredentialField("client_id", _("Client id"), required=False),
        CredentialField("client_secret", _("Client secret"), secret=True, required=False),
    )

    def connect(self, account: Account) -> Health:
        me = self._call(account, "GET", "/2/users/me").get("data") or {}
        expires = account.credentials.get("expires_at")
        return Health(
            handle=f"@{me.get('username', '')}",
            remote_id=str(me.get("id", "")),
            expires_at=datetime.fromisoformat(expires) if expires else None,
        )

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        media_ids = [self._upload(account, media) for media in post.media]
        first = previous = ""
        for index, part in enumerate(post.parts):
            body: dict[str, Any] = {"text": part}
            if index == 0 and media_ids:
                body["media"] = {"media_ids": media_ids}
            if previous:
                body["reply"] = {"in_reply_to_tweet_id": previous}
            previous = str(self._call(account, "POST", "/2/tweets", json=body)["data"]["id"])
            first = first or previous
        seen = self.read_back(account, first)
        return PublishedRef(url=seen.url, remote_id=first)

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        found = self._call(
            account, "GET", f"/2/tweets/{remote_id}", params={"tweet.fields": "public_metrics"}
        )
        metrics = (found.get("data") or {}).get("public_metrics") or {}
        return ReadBack(
            url=self._web_url(account, remote_id),
            likes=int(metrics.get("like_count") or 0),
            shares=int(metrics.get("retweet_count") or 0) + int(metrics.get("quote_count") or 0),
            replies=int(metrics.get("reply_count") or 0),
        )

    def find_existing(self, post: Outgoing, account: Account) -> PublishedRef | None:
        latest = self._call(
            account, "GET", f"/2/users/{account.remote_id}/tweets", params={"max_results": "10"}
        )
        wanted = _comparable(post.parts[0])
        for item in latest.get("data") or []:
            if _comparable(str(item.get("text") or "")) == wanted:
                return PublishedRef(
                    url=self._web_url(account, str(item["id"])), remote_id=str(item["id"])
                )
        return None

    def refresh_token(self, account: Account) -> datetime | None:
        credentials = account.credentials
        if not credentials.get("refresh_token"):
            raise PermanentError(
                gettext("X gave no refresh token (offline.access): connect the account again.")
            )
        auth = None
        if credentials.get("client_secret"):
            auth = httpx.BasicAuth(credentials.get("client_id", ""), credentials["client_secret"])
        response = self.request(
            "POST",
            self._url(account, "/2/oauth2/token"),
            data={
                "grant_type": "refresh_token",
                "refresh_token": credentials["refresh_token"],
                "client_id": credentials.get("client_id", ""),
            },
            auth=auth,
        )
        return store_refreshed_token(account, response, credentials, lifetime=7200)

    def _upload(self, account: Account, media: MediaFile) -> str:
        files = {"media": (media.name, media.read(), media.content_type)}
        made = self._call(
            account, "POST", "/2/media/upload", files=files, data={"media_category": "tweet_image"}
        )
        media_id = str(made["data"]["id"])
        metadata = {"id": media_id, "metadata": {"alt_text": {"text": media.alt[:1000]}}}
        self._call(account, "POST", "/2/media/metadata", json=metadata)
        return media_id

    def _call(self, account: Account, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """One call; a 401 is met with one token refresh when a refresh token is there."""

        def send() -> httpx.Response:
            token = account.credentials.get("access_token", "")
            headers = {"Authorization": f"Bearer {token}"}
            return self.request(method, self._url(account, path), headers=headers, **kwargs)

        response = self.request_refreshing(account, send)
        body = json_of(response)
        if not response.is_success:
            fail(response, _message(body), reset_header="x-rate-limit-reset")
        return body

    @staticmethod
    def _web_url(account: Account, tweet_id: str) -> str:
        return f"https://x.com/{account.handle.lstrip('@') or 'i'}/status/{tweet_id}"

    @staticmethod
    def _url(account: Account, path: str) -> str:
        return (account.base_url or X.default_base_url).rstrip("/") + path


def _message(body: dict[str, Any]) -> str:
    """X's problem documents carry `detail`; older errors a list of `{message}`."""
    if body.get("detail"):
        return str(body["detail"])
    errors = body.get("errors") or []
    if errors and isinstance(errors[0], dict):
        return str(errors[0].get("message") or errors[0].get("detail") or "")
    return str(body.get("title") or "")


def _comparable(text: str) -> str:
    """X rewrites links as t.co addresses: compare texts without their links."""
    return " ".join(_URL.sub("", text).split())


connector = X
