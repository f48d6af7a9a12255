"""Publishing a due post exactly once, and never reporting a success that did not happen.

1. The scheduler finds posts due and claims each with a conditional UPDATE (scheduled →
   publishing): a second scheduler, or a second tick, finds nothing to claim.
2. Each variant becomes a job keyed by the variant, so it is queued once however often it
   is submitted; the job framework retries it with backoff and re-runs it if its worker dies.
3. The variant's idempotency key is chosen at the first attempt and stored; every attempt
   sends the same one. Before calling the network the variant is marked `sending`.
4. A re-run that finds the variant `sending` knows an earlier attempt may have reached the
   network. Networks that honour the key (Mastodon, Bluesky, the webhook, the feed) answer with
   the post they already have; for the others the connector first looks for the post.
5. A variant is `published` only once the connector has read the post back from the network
   and given its URL.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext

from majlis.core import audit, jobs
from majlis.core.scheduler import every_minute
from majlis.publishing import accounts, composing, http
from majlis.publishing.connectors import base, connector_class
from majlis.publishing.models import Media, Post, PostState, Variant, VariantState
from majlis.publishing.rules import split_thread

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
PUBLISH_JOB = "publishing.publish_variant"


def publish_due(now: datetime | None = None) -> int:
    """Claim every post that is due and queue its variants; returns how many were claimed."""
    now = now or timezone.now()
    due = Post.objects.filter(state=PostState.SCHEDULED, scheduled_at__lte=now)
    claimed = 0
    for post_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            won = Post.objects.filter(pk=post_id, state=PostState.SCHEDULED).update(
                state=PostState.PUBLISHING, updated_at=now
            )
            if won != 1:
                continue  # another scheduler got there first
            claimed += 1
            _start(Post.objects.select_related("workspace", "approved_by").get(pk=post_id))
    return claimed


every_minute(publish_due)


def _start(post: Post) -> None:
    audit.record(
        post.workspace,
        None,
        "post.publish",
        post,
        post=post.pk,
        approved_by=post.approved_by.get_username() if post.approved_by else "",
    )
    for variant in post.variants.exclude(state=VariantState.PUBLISHED):
        jobs.submit(PUBLISH_JOB, {"variant": variant.pk}, key=f"variant:{variant.pk}")


def publish_soon() -> None:
    """Run the due scan now rather than at the next minute (after "publish now")."""
    jobs.submit("publishing.publish_due", {}, key="due")


@jobs.handler("publishing.publish_due")
def _publish_due_job(payload: dict[str, Any]) -> int:
    return publish_due()


@jobs.handler(PUBLISH_JOB)
def _publish_variant_job(payload: dict[str, Any]) -> dict[str, Any]:
    return publish_variant(int(payload["variant"]))


def idempotency_key(variant: Variant) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"variant:{variant.pk}".encode(), hashlib.sha256
    )
    return f"majlis-{variant.pk}-{digest.hexdigest()[:24]}"


def publish_variant(variant_id: int) -> dict[str, Any]:
    variant = Variant.objects.select_related(
        "post__workspace", "post__approved_by", "post__author", "account"
    ).get(pk=variant_id)
    if variant.state == VariantState.PUBLISHED:
        return {"url": variant.url}
    if variant.state == VariantState.FAILED:
        return {"failed": variant.error}
    uncertain = _mark_sending(variant)
    connector_cls = connector_class(variant.account.network)
    view = accounts.view_of(variant.account)
    outgoing = outgoing_for(variant)
    Variant.objects.filter(pk=variant.pk).update(sent_text=outgoing.text)
    try:
        with http.client() as client:
            connector = connector_cls(client)
            found = (
                connector.find_existing(outgoing, view)
                if uncertain and not connector_cls.idempotent
                else None
            )
            ref = found or connector.publish(outgoing, view, variant.idempotency_key)
    except base.PermanentError as exc:
        _fail(variant, str(exc))
        raise jobs.PermanentError(str(exc)) from exc
    except base.TransientError as exc:
        return _transient(variant, exc)
    _succeed(variant, ref)
    return {"url": ref.url, "remote_id": ref.remote_id}


def _mark_sending(variant: Variant) -> bool:
    """Mark the variant `sending`; True when an earlier attempt may already have sent it."""
    uncertain = variant.state == VariantState.SENDING
    variant.idempotency_key = variant.idempotency_key or idempotency_key(variant)
    Variant.objects.filter(pk=variant.pk).update(
        state=VariantState.SENDING,
        idempotency_key=variant.idempotency_key,
        attempts=F("attempts") + 1,
        sending_at=timezone.now(),
    )
    variant.refresh_from_db(fields=["attempts", "state", "sending_at"])
    return uncertain


def outgoing_for(variant: Variant) -> base.Outgoing:
    post = variant.post
    text = composing.final_text(
        variant.account,
        variant.effective_text,
        post,
        post.utm_campaign,
        post.shorten_links,
        create=True,
    )
    rules_name = composing.RULES_NAME.get(variant.account.network)
    parts = [text]
    if variant.as_thread and rules_name and connector_class(variant.account.network).threads:
        parts = split_thread(rules_name, text, variant.account.char_limit)
    media = (
        tuple(_media_file(m) for m in post.media.all())
        if composing.MEDIA_RULES[variant.account.network].supported
        else ()
    )
    return base.Outgoing(
        parts=tuple(parts),
        media=media,
        lang=post.lang,
        created_at=post.scheduled_at or post.created_at,
    )


def _media_file(media: Media) -> base.MediaFile:
    def read() -> bytes:
        with media.file.open("rb") as handle:
            content: bytes = handle.read()
        return content

    return base.MediaFile(
        content_type=media.content_type,
        alt=media.alt_text,
        url=media.public_url,
        read=read,
        name=media.file.name.rsplit("/", 1)[-1],
    )


def _transient(variant: Variant, exc: base.TransientError) -> dict[str, Any]:
    message = str(exc)
    if exc.retry_after:
        message += " " + gettext("(the network asks to wait %(seconds)d s)") % {
            "seconds": int(exc.retry_after)
        }
    if variant.attempts >= MAX_ATTEMPTS:
        _fail(variant, message)
        raise jobs.PermanentError(message) from exc
    # The network may or may not have the post: the variant stays `sending` and the job is
    # retried with backoff, with the same key.
    Variant.objects.filter(pk=variant.pk).update(error=message)
    raise exc


def _succeed(variant: Variant, ref: base.PublishedRef) -> None:
    now = timezone.now()
    with transaction.atomic():
        Variant.objects.filter(pk=variant.pk).update(
            state=VariantState.PUBLISHED,
            url=ref.url,
            remote_id=ref.remote_id,
            error="",
            published_at=now,
        )
        post = variant.post
        audit.record(
            post.workspace,
            None,
            "post.published",
            post,
            post=post.pk,
            account=variant.account.name,
            network=variant.account.network,
            url=ref.url,
            approved_by=post.approved_by.get_username() if post.approved_by else "",
        )
        settle(post)


def _fail(variant: Variant, message: str) -> None:
    with transaction.atomic():
        Variant.objects.filter(pk=variant.pk).update(state=VariantState.FAILED, error=message)
        post = variant.post
        audit.record(
            post.workspace,
            None,
            "post.failed",
            post,
            post=post.pk,
            account=variant.account.name,
            network=variant.account.network,
            error=message,
        )
        settle(post)
        jobs.submit(
            "publishing.notify_failure", {"variant": variant.pk}, key=f"notify:{variant.pk}"
        )


def settle(post: Post) -> None:
    """The post's state from its variants': published when all are, failed when one failed
    and none is still under way."""
    states = set(post.variants.values_list("state", flat=True))
    if states == {VariantState.PUBLISHED}:
        when = post.variants.aggregate(last=Max("published_at"))["last"]
        Post.objects.filter(pk=post.pk, state=PostState.PUBLISHING).update(
            state=PostState.PUBLISHED, published_at=when
        )
    elif VariantState.FAILED in states and not states & {
        VariantState.PENDING,
        VariantState.SENDING,
    }:
        Post.objects.filter(pk=post.pk, state=PostState.PUBLISHING).update(state=PostState.FAILED)
