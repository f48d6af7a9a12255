"""Bluesky (AT Protocol): XRPC calls to the account's PDS with an app password.

- `com.atproto.server.createSession` gives an access token (short-lived) and a refresh
  token; an `ExpiredToken` answer is met with `com.atproto.server.refreshSession`, and
  when the refresh token has expired too, with a new session from the app password.
- Images go up with `com.atproto.repo.uploadBlob`, their alt text in the embed.
- The post is `com.atproto.repo.createRecord` of an `app.bsky.feed.post`, with facets from
  `rules.detect_facets` (mentions resolved with `com.atproto.identity.resolveHandle`) and an
  `rkey` derived from the idempotency key: the repository holds one record per key, so a
  retry cannot make a second post. When the key is taken, the record there is ours.
- It is read back with `com.atproto.repo.getRecord`; counts come from
  `app.bsky.feed.getPosts`, which the PDS forwards to the AppView.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
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
from majlis.publishing.connectors.bluesky import tid
from majlis.publishing.rules import detect_facets, resolve_mentions
from majlis.publishing.rules.bluesky import MAX_GRAPHEMES

POST = "app.bsky.feed.post"
MAX_IMAGE_BYTES = 1_000_000
AUTH_ERRORS = {"ExpiredToken", "InvalidToken"}


class Bluesky(Connector):
    network = "bluesky"
    default_base_url = "https://bsky.social"
    idempotent = True
    can_refresh = True
    threads = True
    fields = (
        CredentialField("base_url", _("PDS address"), initial="https://bsky.social"),
        CredentialField("identifier", _("Handle"), help_text=_("For example brand.bsky.social")),
        CredentialField(
            "app_password",
            _("App password"),
            secret=True,
            help_text=_("Settings → Privacy and security → App passwords. Never the main one."),
        ),
    )

    def connect(self, account: Account) -> Health:
        session = self._create_session(account)
        return Health(
            handle=f"@{session['handle']}",
            remote_id=session["did"],
            limit=MAX_GRAPHEMES,
            expires_at=_expiry(session["refreshJwt"]),
        )

    def check(self, account: Account) -> Health:
        session = self._xrpc(account, "GET", "com.atproto.server.getSession")
        return Health(
            handle=f"@{session.get('handle', '')}",
            remote_id=str(session.get("did", "")),
            limit=MAX_GRAPHEMES,
            expires_at=_expiry(account.credentials.get("refresh_jwt", "")),
        )

    def refresh_token(self, account: Account) -> datetime | None:
        refresh = account.credentials.get("refresh_jwt", "")
        response = self.request(
            "POST",
            self._url(account, "com.atproto.server.refreshSession"),
            headers={"Authorization": f"Bearer {refresh}"},
        )
        body = json_of(response)
        if response.is_success:
            self._keep_session(account, body)
            return _expiry(body["refreshJwt"])
        if body.get("error") in AUTH_ERRORS or response.status_code == 401:
            # The refresh token is gone too: the app password opens a new session.
            return _expiry(self._create_session(account)["refreshJwt"])
        raise _error(response, body)

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        did = account.credentials.get("did") or self._create_session(account)["did"]
        images = [self._upload(account, media) for media in post.media]
        first: dict[str, str] = {}
        parent: dict[str, str] = {}
        for index, part in enumerate(post.parts):
            record = self._record(account, post, part, images if index == 0 else [])
            if parent:
                record["reply"] = {"root": first, "parent": parent}
            moment = post.created_at + timedelta(microseconds=index)
            rkey = tid.for_key(key if index == 0 else f"{key}-{index + 1}", moment)
            parent = self._create(account, did, rkey, record)
            first = first or parent
        rkey = first["uri"].rsplit("/", 1)[-1]
        self._get_record(account, did, rkey)  # read back: the record is really there
        return PublishedRef(url=self._web_url(account, rkey), remote_id=first["uri"])

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        body = self._xrpc(account, "GET", "app.bsky.feed.getPosts", params={"uris": remote_id})
        posts = body.get("posts") or []
        if not posts:
            raise PermanentError(gettext("The post is no longer on Bluesky."))
        found = posts[0]
        return ReadBack(
            url=self._web_url(account, remote_id.rsplit("/", 1)[-1]),
            likes=int(found.get("likeCount") or 0),
            shares=int(found.get("repostCount") or 0) + int(found.get("quoteCount") or 0),
            replies=int(found.get("replyCount") or 0),
        )

    def _record(
        self, account: Account, post: Outgoing, text: str, images: list[dict[str, Any]]
    ) -> dict[str, Any]:
        record: dict[str, Any] = {
            "$type": POST,
            "text": text,
            "createdAt": datetime.now(UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
        }
        facets = resolve_mentions(
            detect_facets(text), lambda handle: self._resolve(account, handle)
        )
        if facets:
            record["facets"] = facets
        if post.lang:
            record["langs"] = [post.lang]
        if images:
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        return record

    def _create(
        self, account: Account, did: str, rkey: str, record: dict[str, Any]
    ) -> dict[str, str]:
        body = {"repo": did, "collection": POST, "rkey": rkey, "validate": True, "record": record}
        try:
            created = self._xrpc(account, "POST", "com.atproto.repo.createRecord", json=body)
        except (PermanentError, TransientError):
            # An earlier attempt may have written this rkey; then the record there is ours.
            existing = self._get_record(account, did, rkey, missing_ok=True)
            if existing is None:
                raise
            return {"uri": existing["uri"], "cid": existing["cid"]}
        return {"uri": created["uri"], "cid": created["cid"]}

    def _get_record(
        self, account: Account, did: str, rkey: str, missing_ok: bool = False
    ) -> dict[str, Any] | None:
        params = {"repo": did, "collection": POST, "rkey": rkey}
        try:
            return self._xrpc(account, "GET", "com.atproto.repo.getRecord", params=params)
        except PermanentError:
            if missing_ok:
                return None
            raise

    def _upload(self, account: Account, media: MediaFile) -> dict[str, Any]:
        content = media.read()
        if len(content) > MAX_IMAGE_BYTES:
            raise PermanentError(gettext("Bluesky accepts images of at most 1,000,000 bytes."))
        body = self._xrpc(
            account,
            "POST",
            "com.atproto.repo.uploadBlob",
            content=content,
            headers={"Content-Type": media.content_type},
        )
        return {"alt": media.alt, "image": body["blob"]}

    def _resolve(self, account: Account, handle: str) -> str | None:
        try:
            body = self._xrpc(
                account, "GET", "com.atproto.identity.resolveHandle", params={"handle": handle}
            )
        except PermanentError:
            return None
        did = body.get("did")
        return str(did) if did else None

    def _xrpc(self, account: Account, method: str, nsid: str, **kwargs: Any) -> dict[str, Any]:
        """Call with the access token; on ExpiredToken refresh the session once and retry."""
        if not account.credentials.get("access_jwt"):
            self._create_session(account)
        extra_headers = kwargs.pop("headers", {})
        for attempt in range(2):
            headers = {**extra_headers, **self._auth(account)}
            response = self.request(method, self._url(account, nsid), headers=headers, **kwargs)
            body = json_of(response)
            if response.is_success:
                return body
            if attempt == 0 and body.get("error") in AUTH_ERRORS:
                self.refresh_token(account)
                continue
            raise _error(response, body)
        raise AssertionError("unreachable")

    def _create_session(self, account: Account) -> dict[str, Any]:
        credentials = account.credentials
        response = self.request(
            "POST",
            self._url(account, "com.atproto.server.createSession"),
            json={
                "identifier": credentials.get("identifier", ""),
                "password": credentials.get("app_password", ""),
            },
        )
        body = json_of(response)
        if not response.is_success:
            raise _error(response, body)
        self._keep_session(account, body)
        return body

    @staticmethod
    def _keep_session(account: Account, session: dict[str, Any]) -> None:
        account.handle = f"@{session.get('handle', '')}"
        account.update_credentials(
            {
                "access_jwt": session["accessJwt"],
                "refresh_jwt": session["refreshJwt"],
                "did": session["did"],
                "handle": session.get("handle", ""),
            },
            _expiry(session["refreshJwt"]),
        )

    @staticmethod
    def _auth(account: Account) -> dict[str, str]:
        return {"Authorization": f"Bearer {account.credentials.get('access_jwt', '')}"}

    @staticmethod
    def _url(account: Account, nsid: str) -> str:
        return f"{(account.base_url or Bluesky.default_base_url).rstrip('/')}/xrpc/{nsid}"

    @staticmethod
    def _web_url(account: Account, rkey: str) -> str:
        web = str(account.options.get("web_url") or "https://bsky.app").rstrip("/")
        handle = str(account.credentials.get("handle") or account.remote_id)
        return f"{web}/profile/{handle}/post/{rkey}"


def _error(response: httpx.Response, body: dict[str, Any]) -> Exception:
    message = str(body.get("message") or body.get("error") or "")
    return error_for(response, message, reset_header="ratelimit-reset")


def _expiry(jwt: str) -> datetime | None:
    """The `exp` of a JWT, read without checking its signature (only the server can)."""
    try:
        payload = jwt.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return datetime.fromtimestamp(int(claims["exp"]), UTC)
    except (IndexError, KeyError, ValueError, TypeError):
        return None


connector = Bluesky
