"""A Facebook Page, through the Graph API with a Page access token.

- Text (and a link) is `POST /{page-id}/feed` with `message` (and `link`).
- One image is `POST /{page-id}/photos` with its public `url`, the text as `caption` and the
  alt text as `alt_text_custom`; several are first uploaded unpublished, then attached to the
  feed post as `attached_media`.
- The post is read back with `GET /{post-id}?fields=permalink_url`.

The Graph API has no idempotency key. When an attempt may have reached Facebook, Majlis
first looks for the post among the Page's latest before sending it again.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majlis.publishing.connectors.base import (
    Account,
    CredentialField,
    Health,
    Outgoing,
    PermanentError,
    PublishedRef,
    ReadBack,
)
from majlis.publishing.connectors.graph import GraphConnector
from majlis.publishing.rules.urls import find_urls


class Facebook(GraphConnector):
    network = "facebook"
    fields = (
        CredentialField("remote_id", _("Page id")),
        CredentialField(
            "access_token",
            _("Page access token"),
            secret=True,
            help_text=_(
                "A long-lived Page token with pages_manage_posts and pages_read_engagement."
            ),
        ),
    )

    def connect(self, account: Account) -> Health:
        page = self.graph(account, "GET", account.remote_id, fields="id,name")
        return Health(handle=str(page.get("name", "")), remote_id=str(page.get("id", "")))

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        if len(post.media) == 1:
            media = post.media[0]
            made = self.graph(
                account,
                "POST",
                f"{account.remote_id}/photos",
                url=media.url,
                caption=post.text,
                alt_text_custom=media.alt,
                published="true",
            )
            post_id = str(made.get("post_id") or made["id"])
        else:
            params: dict[str, Any] = {"message": post.text}
            for index, media in enumerate(post.media):
                photo = self.graph(
                    account,
                    "POST",
                    f"{account.remote_id}/photos",
                    url=media.url,
                    alt_text_custom=media.alt,
                    published="false",
                )
                params[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo["id"]})
            links = [
                post.text[start:end] for start, end in find_urls(post.text, scheme_required=True)
            ]
            if links and not post.media:
                params["link"] = links[0]
            post_id = str(self.graph(account, "POST", f"{account.remote_id}/feed", **params)["id"])
        seen = self.read_back(account, post_id)
        return PublishedRef(url=seen.url, remote_id=post_id)

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        found = self.graph(
            account,
            "GET",
            remote_id,
            fields="permalink_url,shares,reactions.summary(total_count),comments.summary(total_count)",
        )
        if not found.get("permalink_url"):
            raise PermanentError(gettext("Facebook did not give the post's address."))
        return ReadBack(
            url=str(found["permalink_url"]),
            likes=_total(found.get("reactions")),
            shares=int((found.get("shares") or {}).get("count") or 0),
            replies=_total(found.get("comments")),
        )

    def find_existing(self, post: Outgoing, account: Account) -> PublishedRef | None:
        latest = self.graph(
            account,
            "GET",
            f"{account.remote_id}/posts",
            fields="id,message,permalink_url",
            limit="25",
        )
        for item in latest.get("data") or []:
            if (item.get("message") or "").strip() == post.text.strip():
                return PublishedRef(
                    url=str(item.get("permalink_url") or ""), remote_id=str(item["id"])
                )
        return None


def _total(edge: Any) -> int:
    summary = (edge or {}).get("summary") or {}
    return int(summary.get("total_count") or 0)


connector = Facebook
