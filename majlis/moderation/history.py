"""What the database knows about a comment's sender and text: SpamContext's counts, in one query."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import regex
from django.db import connection
from django.db.models.signals import post_delete, post_save

from majlis.moderation.models import Item, ItemStatus, Site
from majlis.text.spam.inputs import SpamContext
from majlis.text.spam.site import SiteLayer
from majlis.text.spam.weights import CROSS_SITE_MIN_WORDS

# The weights stop growing long before these counts; capping them keeps every count cheap
# even when one address sends thousands of comments an hour.
_VELOCITY_CAP = 256
_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Other sites are read in two index ranges (below and above this site's id), so a flood of one
# text on this site is never scanned; a few thousand rows are enough to count the campaign.
_SITES_ROWS = 2000
_KNOWN_CAP = 64
_WINDOW = timedelta(hours=1)


def _sql() -> str:
    table = connection.ops.quote_name(Item._meta.db_table)
    return f"""
    SELECT
      (SELECT COUNT(*) FROM (SELECT 1 FROM {table}
         WHERE user_ip = %s AND created_at >= %s LIMIT {_VELOCITY_CAP}) AS by_ip),
      (SELECT COUNT(*) FROM (SELECT 1 FROM {table}
         WHERE author_key = %s AND author_key <> '' AND created_at >= %s
         LIMIT {_VELOCITY_CAP}) AS by_author),
      (SELECT COUNT(DISTINCT site_id) FROM (
         SELECT site_id FROM (SELECT site_id FROM {table}
           WHERE fingerprint = %s AND site_id < %s LIMIT {_SITES_ROWS}) AS below
         UNION ALL
         SELECT site_id FROM (SELECT site_id FROM {table}
           WHERE fingerprint = %s AND site_id > %s LIMIT {_SITES_ROWS}) AS above
       ) AS other_sites),
      (SELECT COUNT(*) FROM (SELECT 1 FROM {table}
         WHERE site_id = %s AND author_key = %s AND author_key <> '' AND status = %s
         LIMIT {_KNOWN_CAP}) AS known)
    """  # noqa: S608  (only the table name is formatted in; every value is a parameter)


def counts(
    site_id: int, user_ip: str, author_key: str, fingerprint: str, words: int, now: datetime
) -> tuple[int, int, int, int]:
    since = connection.ops.adapt_datetimefield_value(now - _WINDOW)
    # Short texts are no campaign (and every empty comment shares one fingerprint): not looked up.
    fingerprint = fingerprint if words >= CROSS_SITE_MIN_WORDS else ""
    params: list[Any] = [
        user_ip, since, author_key, since, fingerprint, site_id, fingerprint, site_id,
        site_id, author_key, ItemStatus.APPROVED,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(_sql(), params)
        row = cursor.fetchone()
    by_ip, by_author, other_sites, known = (int(value) for value in row)
    # An empty IP is no address: nothing to count.
    return (by_ip if user_ip else 0), by_author, other_sites, known


class _LayerCache:
    """site id → (layer version, SiteLayer): a layer is parsed once per version per process."""

    def __init__(self) -> None:
        self._layers: dict[int, tuple[int, SiteLayer]] = {}
        self._lock = threading.Lock()

    def get(self, site_id: int, version: int) -> SiteLayer:
        entry = self._layers.get(site_id)
        if entry is not None and entry[0] >= version:
            return entry[1]
        row = Site.objects.filter(pk=site_id).values_list("layer_version", "layer").first()
        if row is None:
            return SiteLayer()
        layer = SiteLayer.from_json(row[1])
        with self._lock:
            self._layers[site_id] = (row[0], layer)
        return layer

    def put(self, site_id: int, version: int, layer: SiteLayer) -> None:
        with self._lock:
            self._layers[site_id] = (version, layer)

    def forget(self, site_id: int) -> None:
        with self._lock:
            self._layers.pop(site_id, None)

    def clear(self) -> None:
        with self._lock:
            self._layers.clear()


layers = _LayerCache()


def _forget_site(sender: type[Site], instance: Site, **kwargs: Any) -> None:
    layers.forget(instance.pk)


post_save.connect(_forget_site, sender=Site, dispatch_uid="moderation-layers-save")
post_delete.connect(_forget_site, sender=Site, dispatch_uid="moderation-layers-delete")


def word_count(content: str) -> int:
    return len(_WORD.findall(content))


def spam_context(
    site_id: int,
    layer_version: int,
    columns: dict[str, Any],
    now: datetime,
) -> SpamContext:
    by_ip, by_author, other_sites, known = counts(
        site_id,
        str(columns["user_ip"]),
        str(columns["author_key"]),
        str(columns["fingerprint"]),
        word_count(str(columns["content"])),
        now,
    )
    layer = layers.get(site_id, layer_version)
    return SpamContext(
        same_ip_last_hour=by_ip,
        same_author_last_hour=by_author,
        same_content_other_sites=other_sites,
        approved_before=known,
        site_layer=layer if layer.weights else None,
    )
