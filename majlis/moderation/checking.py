"""comment-check: judge one comment with what the database knows, and keep it for moderators."""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from majlis.moderation import comment, history, usage
from majlis.moderation.engine import spam_model
from majlis.moderation.keys import KeyInfo
from majlis.moderation.models import Item, ItemStatus
from majlis.text.spam.decide import decide
from majlis.text.spam.decision import Decision
from majlis.text.spam.inputs import SpamInput

# A comment let through with at least this probability of spam waits for a moderator's look.
REVIEW_FROM = 0.25


def new_public_id() -> str:
    return secrets.token_urlsafe(12)


def status_for(decision: Decision) -> str:
    if decision.is_spam:
        return ItemStatus.SPAM
    return ItemStatus.PENDING if decision.score >= REVIEW_FROM else ItemStatus.APPROVED


def verdict_columns(decision: Decision) -> dict[str, object]:
    return {
        "is_spam": decision.is_spam,
        "blatant": decision.blatant,
        "score": decision.score,
        "reasons": [[r.code, r.weight] for r in decision.reasons],
    }


@dataclass(frozen=True, slots=True)
class Checked:
    public_id: str  # the item's reference, returned to the site
    decision: Decision


def judge(key: KeyInfo, params: dict[str, str]) -> tuple[dict[str, object], Decision]:
    """The item's columns from the request, and the decision on them."""
    columns = comment.item_columns(params)
    now = timezone.now()
    context = history.spam_context(key.site_id, key.layer_version, columns, now)
    decision = decide(SpamInput.from_akismet(params), context, spam_model())
    columns.update(verdict_columns(decision), created_at=now)
    return columns, decision


def check(key: KeyInfo, raw_params: dict[str, str]) -> Checked:
    params = comment.trimmed(raw_params)
    columns, decision = judge(key, params)
    recheck = _rechecked_item(key, params.get("guid", ""))
    if recheck is not None:
        with transaction.atomic():
            public_id = _update(recheck, columns, decision).public_id
    else:
        public_id = new_public_id()
        columns.update(
            site_id=key.site_id,
            workspace_id=key.workspace_id,
            key_id=key.key_id,
            public_id=public_id,
            status=status_for(decision),
        )
        # One statement, its own transaction: SQLite holds its write lock only while the
        # statement runs in C, never across Python code that may wait for the GIL behind
        # another thread's decision. The counters are written apart, once a second.
        _insert(columns)
    usage.count_check(key.key_id, decision.is_spam)
    return Checked(public_id, decision)


def _insert(columns: dict[str, object]) -> None:
    """INSERT a new item from its columns, without building a model instance or going
    through save(): comment-check runs this on every call. Values stored in another form
    (JSON, dates) are prepared by their field as save() would; missing columns get their
    field's default."""
    sql, plan = _insert_plan(connection.vendor)
    values: list[Any] = [
        (field.get_db_prep_save(columns[name], connection) if prepare else columns[name])
        if name in columns
        else default
        for name, field, prepare, default in plan
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)


_PREPARED = {"JSONField", "DateTimeField", "DateField"}


@functools.cache
def _insert_plan(vendor: str) -> tuple[str, list[tuple[str, Field[Any, Any], bool, object]]]:
    fields = [f for f in Item._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from the model)
        quote(Item._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    plan = [
        (
            f.attname,
            f,
            f.get_internal_type() in _PREPARED,
            f.get_db_prep_save(f.get_default(), connection),
        )
        for f in fields
    ]
    return sql, plan


def _rechecked_item(key: KeyInfo, guid: str) -> Item | None:
    """A client rechecking a comment (WordPress sends back our guid) updates the same item."""
    if not guid:
        return None
    return Item.objects.filter(site_id=key.site_id, public_id=guid[:24]).first()


def _update(item: Item, columns: dict[str, object], decision: Decision) -> Item:
    columns.pop("created_at", None)
    for name, value in columns.items():
        setattr(item, name, value)
    if item.decided_by_id is None and not item.site_verdict and not item.hidden_by_reports:
        # Nobody has decided on it yet: the new verdict moves it.
        item.status = status_for(decision)
    item.save()
    return item
