"""Corrections teach a site: submit-spam and submit-ham from the site, and moderators' decisions."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from majlis.moderation import checking, comment, history, usage
from majlis.moderation.engine import spam_model
from majlis.moderation.keys import KeyInfo
from majlis.moderation.models import Item, ItemStatus, Site
from majlis.text.spam.decide import learn
from majlis.text.spam.inputs import SpamInput
from majlis.text.spam.site import SiteLayer

Lesson = tuple[SpamInput, bool]  # the comment, and whether it is spam


def teach(site_id: int, lessons: Iterable[Lesson]) -> int:
    """Move the site's layer so each comment lands on its corrected side; test comments teach
    nothing (Akismet's is_test). Returns how many lessons were learned."""
    lessons = [(data, is_spam) for data, is_spam in lessons if not data.is_test]
    if not lessons:
        return 0
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site_id)
        layer = SiteLayer.from_json(site.layer)
        for data, is_spam in lessons:
            layer = learn(layer, data, is_spam, spam_model())
        site.layer = layer.to_json()
        site.layer_version += 1
        site.lessons += len(lessons)
        site.save(update_fields=["layer", "layer_version", "lessons"])
    history.layers.put(site.pk, site.layer_version, layer)
    return len(lessons)


def _find(key: KeyInfo, params: dict[str, str]) -> Item | None:
    """The item a submission is about: by the guid we returned, else the latest same comment
    from the same address."""
    items = Item.objects.filter(site_id=key.site_id)
    guid = params.get("guid", "").strip()
    if guid:
        found = items.filter(public_id=guid[:24]).first()
        if found is not None:
            return found
    columns = comment.item_columns(params)
    return (
        items.filter(fingerprint=columns["fingerprint"], user_ip=columns["user_ip"])
        .order_by("-created_at", "-id")
        .first()
    )


def submit(key: KeyInfo, raw_params: dict[str, str], is_spam: bool) -> Item:
    """submit-spam (`is_spam`) or submit-ham: the site corrects, or confirms, a verdict."""
    params = comment.trimmed(raw_params)
    item = _find(key, params)
    with transaction.atomic():
        if item is None:
            # A comment we never saw: keep it, judged as it would have been, so moderators see it.
            columns, _decision = checking.judge(key, params)
            item = Item(
                site_id=key.site_id,
                workspace_id=key.workspace_id,
                key_id=key.key_id,
                public_id=checking.new_public_id(),
                **columns,
            )
        was_spam = item.is_spam
        item.status = ItemStatus.SPAM if is_spam else ItemStatus.APPROVED
        item.site_verdict = "spam" if is_spam else "ham"
        item.save()
        usage.add(
            key.key_id,
            missed_spam=int(is_spam and not was_spam),
            false_positives=int(was_spam and not is_spam),
        )
    teach(key.site_id, [(SpamInput.from_akismet(params), is_spam)])
    return item
