"""The workspace's own RSS and Atom feed: publishing to it is adding an entry.

Nothing leaves Majlis: the feed is served from the public address `/feeds/<token>/atom.xml`
(and `rss.xml`), built from the published variants of this account. The entry's address is its
permalink under that feed, so the post has a URL like any other.
"""

from __future__ import annotations

from majlis.publishing.connectors.base import (
    Account,
    Connector,
    Health,
    Outgoing,
    PublishedRef,
)


class Feed(Connector):
    network = "feed"
    idempotent = True

    def connect(self, account: Account) -> Health:
        return Health(handle=account.base_url)

    def publish(self, post: Outgoing, account: Account, key: str) -> PublishedRef:
        return PublishedRef(url=f"{account.base_url.rstrip('/')}/posts/{key}/", remote_id=key)


connector = Feed
