"""Mastodon (and compatible servers): the REST API with a user access token.

- `POST /api/v1/statuses` with an `Idempotency-Key` header: the server keeps the key for an
  hour and answers a repeat with the status it already created.
- Media through `POST /api/v2/media`, with the alt text as `description`; a 202 means the
  server is still processing, and `GET /api/v1/media/:id` answers 206 until it is done.
- The status is read back with `GET /api/v1/statuses/:id` for its public URL and counts.
- The instance's character limit comes from `GET /api/v2/instance`.

Tokens do not expire; there is nothing to refresh.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
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
    TransientError,
    error_for,
    json_of,
)
from majlis.publishing.rules import instance_limit

MEDIA_POLLS = 20
MEDIA_POLL_SECONDS = 1.0


class Mastodon(Connector):
    network = "mastodon"
    idempotent = True
    threads = True
    fields = (
        CredentialField("base_url", _("Server address"), initial="https://mastodon.social"),
        CredentialField(
            "access_token",
            _("Access token"),
            secret=True,
            help_text=_(
                "Preferences → Development → New application, with the write:statuses, "
                "write:media and read:accounts scopes."
            ),
        ),
    )

    def connect(self, account: Account) -> Health:
        me = self._get(account, "/api/v1/accounts/verify_credentials")
        instance = self.request("GET", self._url(account, "/api/v2/instance"))
        limit = instance_limit(json_of(instance)) if instance.status_code == 200 else None
        return Health(handle=f"@{me.get('acct', '')}", remote_id=str(me.get("id", "")), limit=limit)

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        media_ids = [self._upload(account, media) for media in post.media]
        first = previous = ""
        for index, part in enumerate(post.parts):
            data: dict[str, Any] = {"status": part, "visibility": "public"}
            if post.lang:
                data["language"] = post.lang
            if index == 0 and media_ids:
                data["media_ids[]"] = media_ids
            if previous:
                data["in_reply_to_id"] = previous
            part_key = key if index == 0 else f"{key}-{index + 1}"
            status = self._post(account, "/api/v1/statuses", data=data, key=part_key)
            previous = str(status["id"])
            first = first or previous
        seen = self.read_back(account, first)
        return PublishedRef(url=seen.url if seen else "", remote_id=first)

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        status = self._get(account, f"/api/v1/statuses/{remote_id}")
        return ReadBack(
            url=str(status.get("url") or status.get("uri") or ""),
            likes=int(status.get("favourites_count") or 0),
            shares=int(status.get("reblogs_count") or 0),
            replies=int(status.get("replies_count") or 0),
        )

    def _upload(self, account: Account, media: MediaFile) -> str:
        files = {"file": (media.name, media.read(), media.content_type)}
        response = self.request(
            "POST",
            self._url(account, "/api/v2/media"),
            headers=self._auth(account),
            files=files,
            data={"description": media.alt},
        )
        body = self._checked(response)
        media_id = str(body["id"])
        if response.status_code == 202 or not body.get("url"):
            self._wait_for_media(account, media_id)
        return media_id

    def _wait_for_media(self, account: Account, media_id: str) -> None:
        for _poll in range(MEDIA_POLLS):
            response = self.request(
                "GET", self._url(account, f"/api/v1/media/{media_id}"), headers=self._auth(account)
            )
            if response.status_code == 200:
                return
            if response.status_code != 206:
                self._checked(response)
            time.sleep(MEDIA_POLL_SECONDS)
        raise TransientError(gettext("The server is still processing the image."))

    def _get(self, account: Account, path: str) -> dict[str, Any]:
        response = self.request("GET", self._url(account, path), headers=self._auth(account))
        return self._checked(response)

    def _post(self, account: Account, path: str, data: dict[str, Any], key: str) -> dict[str, Any]:
        headers = {**self._auth(account), "Idempotency-Key": key}
        response = self.request("POST", self._url(account, path), headers=headers, data=data)
        return self._checked(response)

    def _checked(self, response: httpx.Response) -> dict[str, Any]:
        body = json_of(response)
        if response.is_success:
            return body
        raise error_for(response, str(body.get("error") or ""), reset_header="x-ratelimit-reset")

    @staticmethod
    def _auth(account: Account) -> dict[str, str]:
        token = account.credentials.get("access_token", "")
        if not token:
            raise PermanentError(gettext("No access token: connect the account again."))
        return {"Authorization": f"Bearer {token}"}

    @staticmethod
    def _url(account: Account, path: str) -> str:
        return account.base_url.rstrip("/") + path


connector = Mastodon
