"""comment-check: judge one comment with what the database knows, and keep it for moderators."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import connection, transaction
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
    item: Item
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
            item = _update(recheck, columns, decision)
    else:
        item = Item(
            site_id=key.site_id,
            workspace_id=key.workspace_id,
            key_id=key.key_id,
            public_id=new_public_id(),
            status=status_for(decision),
            **columns,
        )
        # One statement, its own transaction: SQLite holds its write lock only while the
        # statement runs in C, never across Python code that may wait for the GIL behind
        # another thread's decision. The counters are written apart, once a second.
        _insert(item)
    usage.count_check(key.key_id, decision.is_spam)
    return Checked(item, decision)


def _insert(item: Item) -> None:
    """INSERT the new item without the ORM's save machinery (no signals, no returned id):
    comment-check runs it on every call. Values that the database stores in another form
    (JSON, dates) are prepared by their field, as save() would; text and numbers go as they are."""
    values = [
        field.get_db_prep_save(getattr(item, field.attname), connection)
        if field.get_internal_type() in _PREPARED
        else getattr(item, field.attname)
        for field in _FIELDS
    ]
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(), values)


_FIELDS = [f for f in Item._meta.concrete_fields if not f.primary_key]
_PREPARED = {"JSONField", "DateTimeField", "DateField"}


def _insert_sql() -> str:
    quote = connection.ops.quote_name
    return "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  (names from the model)
        quote(Item._meta.db_table),
        ", ".join(quote(f.column) for f in _FIELDS),
        ", ".join(["%s"] * len(_FIELDS)),
    )


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
