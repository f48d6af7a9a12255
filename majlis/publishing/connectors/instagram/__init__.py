"""An Instagram professional account, through the Graph API ("content publishing").

Publishing is two steps: create a container (`POST /{ig-user-id}/media` with the image's
public `image_url`, the `caption` and the image's `alt_text`), wait until its `status_code`
is `FINISHED`, then `POST /{ig-user-id}/media_publish` with `creation_id`. Two to ten images
make a carousel: one container per image (`is_carousel_item`), then a `CAROUSEL` container
with their ids as `children`. Instagram needs at least one image.

The media is read back with `GET /{media-id}?fields=permalink`. There is no idempotency key:
before sending again after an uncertain attempt, Majlis looks among the latest media for one
with the same caption.
"""

from __future__ import annotations

import time

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
    TransientError,
)
from majlis.publishing.connectors.graph import GraphConnector

STATUS_POLLS = 30
STATUS_POLL_SECONDS = 1.0


class Instagram(GraphConnector):
    network = "instagram"
    fields = (
        CredentialField("remote_id", _("Instagram account id")),
        CredentialField(
            "access_token",
            _("Access token"),
            secret=True,
            help_text=_("With instagram_basic and instagram_content_publish."),
        ),
    )

    def connect(self, account: Account) -> Health:
        found = self.graph(account, "GET", account.remote_id, fields="id,username")
        return Health(handle=f"@{found.get('username', '')}", remote_id=str(found.get("id", "")))

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        if not post.media:
            raise PermanentError(gettext("Instagram needs at least one image."))
        container = self._container(account, post)
        self._wait(account, container)
        made = self.graph(
            account, "POST", f"{account.remote_id}/media_publish", creation_id=container
        )
        media_id = str(made["id"])
        seen = self.read_back(account, media_id)
        return PublishedRef(url=seen.url, remote_id=media_id)

    def read_back(self, account: Account, remote_id: str) -> ReadBack:
        found = self.graph(account, "GET", remote_id, fields="permalink,like_count,comments_count")
        return ReadBack(
            url=str(found.get("permalink") or ""),
            likes=int(found.get("like_count") or 0),
            replies=int(found.get("comments_count") or 0),
        )

    def find_existing(self, post: Outgoing, account: Account) -> PublishedRef | None:
        latest = self.graph(
            account, "GET", f"{account.remote_id}/media", fields="id,caption,permalink", limit="25"
        )
        for item in latest.get("data") or []:
            if (item.get("caption") or "").strip() == post.text.strip():
                return PublishedRef(url=str(item.get("permalink") or ""), remote_id=str(item["id"]))
        return None

    def _container(self, account: Account, post: Outgoing) -> str:
        path = f"{account.remote_id}/media"
        if len(post.media) == 1:
            media = post.media[0]
            made = self.graph(
                account, "POST", path, image_url=media.url, caption=post.text, alt_text=media.alt
            )
            return str(made["id"])
        children = [
            str(
                self.graph(
                    account, "POST", path, image_url=m.url, alt_text=m.alt, is_carousel_item="true"
                )["id"]
            )
            for m in post.media[:10]
        ]
        made = self.graph(
            account,
            "POST",
            path,
            media_type="CAROUSEL",
            caption=post.text,
            children=",".join(children),
        )
        return str(made["id"])

    def _wait(self, account: Account, container: str) -> None:
        for _poll in range(STATUS_POLLS):
            status = str(
                self.graph(account, "GET", container, fields="status_code").get("status_code")
            )
            if status in {"FINISHED", "PUBLISHED"}:
                return
            if status in {"ERROR", "EXPIRED"}:
                raise PermanentError(
                    gettext("Instagram could not process the media (%(status)s).")
                    % {"status": status}
                )
            time.sleep(STATUS_POLL_SECONDS)
        raise TransientError(gettext("Instagram is still processing the media."))


connector = Instagram
