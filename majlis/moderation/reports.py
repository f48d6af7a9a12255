"""Community flags: readers report items; past the workspace's threshold the item is hidden."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F

from majlis.core import audit
from majlis.core.ratelimit import Limit
from majlis.moderation import webhooks
from majlis.moderation.models import (
    Item,
    ItemStatus,
    ModerationSettings,
    Report,
    Reporter,
)

PER_REPORTER = Limit(hits=20, seconds=3600)
PER_IP = Limit(hits=60, seconds=3600)
PER_IP_POLLS = Limit(hits=3600, seconds=3600)
MAX_READER_ID = 200


class AlreadyReported(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Counted:
    item: Item
    weight: float
    hidden_now: bool


def report(item: Item, reader: str, ip: str, reason: str = "") -> Counted:
    """Count one reader's report on `item`, once; hide the item when the weight is reached."""
    reporter, _created = Reporter.objects.get_or_create(
        site_id=item.site_id, external_id=reader[:MAX_READER_ID]
    )
    weight = reporter.weight
    try:
        with transaction.atomic():
            Report.objects.create(
                item=item, reporter=reporter, weight=weight, reason=reason[:200], ip=ip[:64]
            )
            Reporter.objects.filter(pk=reporter.pk).update(reports=F("reports") + 1)
            Item.objects.filter(pk=item.pk).update(
                report_count=F("report_count") + 1, report_weight=F("report_weight") + weight
            )
            item.refresh_from_db()
            hidden_now = _react(item)
    except IntegrityError:
        raise AlreadyReported from None
    return Counted(item, weight, hidden_now)


def _react(item: Item) -> bool:
    """Past the threshold a visible item is hidden; below it, a reported item asks for a look."""
    if item.status not in (ItemStatus.APPROVED, ItemStatus.PENDING):
        return False
    previous = item.status
    threshold = ModerationSettings.of(item.workspace_id).hide_threshold
    if item.report_weight >= threshold:
        item.status = ItemStatus.HIDDEN
        item.hidden_by_reports = True
        item.save(update_fields=["status", "hidden_by_reports"])
        audit.record(
            item.workspace,
            None,
            "moderation.community_hide",
            f"{item.site.host} {item.public_id}",
            reports=item.report_count,
            weight=round(item.report_weight, 3),
            threshold=threshold,
        )
        webhooks.notify(item, previous, cause="reports")
        return True
    if previous == ItemStatus.APPROVED:
        item.status = ItemStatus.PENDING
        item.save(update_fields=["status"])  # still shown on the site: no need to tell it
    return False
