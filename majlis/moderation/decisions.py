"""Moderators' decisions on items: each one moves the item, settles its reports, teaches the site
when it says spam or not spam, tells the site, and leaves a line in the audit log."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.core import audit
from majlis.core.models import Workspace
from majlis.moderation import learning, usage, webhooks
from majlis.moderation.models import Item, ItemStatus, Report, Reporter, ReportOutcome

ACTIONS = {
    "approve": _("Approve"),
    "spam": _("Mark as spam"),
    "hide": _("Hide"),
    "restore": _("Restore"),
    "confirm": _("Confirm the reports"),
}
NOTHING_CHOSEN = _("Choose an action and at least one item.")


# Approving an item that was judged spam, or held for a look, teaches the site "not spam".
_DOUBTED = (ItemStatus.SPAM, ItemStatus.PENDING)


def target_status(action: str, item: Item) -> str | None:
    """Where `action` takes `item`, or None when it does not apply to it."""
    current = item.status
    if action == "approve" and current != ItemStatus.APPROVED:
        return ItemStatus.APPROVED
    if action == "restore" and current in (ItemStatus.HIDDEN, ItemStatus.SPAM):
        return ItemStatus.APPROVED
    if action == "spam" and current != ItemStatus.SPAM:
        return ItemStatus.SPAM
    if action == "hide" and current != ItemStatus.HIDDEN:
        return ItemStatus.HIDDEN
    if action == "confirm" and current == ItemStatus.HIDDEN and item.report_count:
        return ItemStatus.HIDDEN
    return None


def _settle_reports(item: Item, upheld: bool) -> None:
    reports = Report.objects.filter(item=item, outcome=ReportOutcome.OPEN)
    reporter_ids = list(reports.values_list("reporter_id", flat=True))
    if not reporter_ids:
        return
    outcome = ReportOutcome.CONFIRMED if upheld else ReportOutcome.REJECTED
    reports.update(outcome=outcome)
    counter = "confirmed" if upheld else "rejected"
    Reporter.objects.filter(pk__in=reporter_ids).update(**{counter: F(counter) + 1})


def _apply(item: Item, action: str, status: str, user: Any) -> str:
    previous = item.status
    upheld = action in ("spam", "hide", "confirm")
    _settle_reports(item, upheld=upheld)
    if action == "spam":
        usage.add(item.key_id, missed_spam=int(not item.is_spam))
    elif action in ("approve", "restore"):
        usage.add(item.key_id, false_positives=int(item.is_spam))
    item.status = status
    item.decided_by = user
    item.decided_at = timezone.now()
    item.save(update_fields=["status", "decided_by", "decided_at"])
    return previous


def apply(workspace: Workspace, user: Any, item_ids: list[int], action: str) -> int:
    """Apply `action` to those of the items that it fits; returns how many changed."""
    if action not in ACTIONS:
        raise ValueError(f"unknown moderation action {action!r}")
    items = Item.objects.filter(workspace=workspace, pk__in=item_ids).select_related("site")
    lessons: dict[int, list[learning.Lesson]] = defaultdict(list)
    done = 0
    for item in items:
        status = target_status(action, item)
        if status is None:
            continue
        with transaction.atomic():
            previous = _apply(item, action, status, user)
            audit.record(
                workspace,
                user,
                f"moderation.{action}",
                f"{item.site.host} {item.public_id}",
                previous=previous,
                status=status,
                author=item.author[:100],
            )
            if status != previous:
                webhooks.notify(item, previous, cause="moderator")
        if action == "spam" or (action in ("approve", "restore") and previous in _DOUBTED):
            lessons[item.site_id].append((item.spam_input(), action == "spam"))
        done += 1
    for site_id, site_lessons in lessons.items():
        learning.teach(site_id, site_lessons)
    return done
