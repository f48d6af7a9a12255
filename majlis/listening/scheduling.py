"""When sources are read: due sources are claimed with a conditional UPDATE, so however many
schedulers or workers look at the same source, one fetch happens per period."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from majlis.core import jobs
from majlis.core.crypto import decrypt
from majlis.core.scheduler import every_minute
from majlis.listening.connectors import FetchOutcome, SourceState, connector_for
from majlis.listening.fetch import FetchError, FetchOptions, HostLimiter, RobotsCache
from majlis.listening.ingest import Incoming, ingest
from majlis.listening.models import Source

MAX_BACKOFF = timedelta(hours=24)
SEEN_URLS_KEPT = 2_000
_robots = RobotsCache()
_limiter = HostLimiter()


def fetch_now(source: Source) -> None:
    # This fetch is the period's: the scheduler must not claim another one behind it.
    Source.objects.filter(pk=source.pk).update(
        next_fetch_at=timezone.now() + timedelta(minutes=source.interval_minutes)
    )
    jobs.submit("listening.fetch", {"source": source.pk}, key=f"source:{source.pk}")


@every_minute
def enqueue_due_sources() -> int:
    now = timezone.now()
    due = Source.objects.filter(active=True, next_fetch_at__lte=now).values_list(
        "pk", "next_fetch_at", "interval_minutes"
    )[:1000]
    claimed = 0
    for pk, was_due, interval in due:
        # Whoever moves next_fetch_at first owns this period's fetch.
        moved = Source.objects.filter(pk=pk, next_fetch_at=was_due).update(
            next_fetch_at=now + timedelta(minutes=interval)
        )
        if moved:
            jobs.submit("listening.fetch", {"source": pk}, key=f"source:{pk}")
            claimed += 1
    return claimed


def options() -> FetchOptions:
    return FetchOptions(allow_private=settings.ALLOW_PRIVATE_URLS, robots=_robots, limiter=_limiter)


@jobs.handler("listening.fetch")
def fetch_source(payload: dict[str, Any]) -> dict[str, Any]:
    source = Source.objects.filter(pk=payload["source"], active=True).first()
    if source is None:
        return {"skipped": "paused or removed"}
    state = SourceState(
        etag=source.etag,
        last_modified=source.last_modified,
        cursor=source.cursor,
        seen_urls=frozenset(source.seen_urls),
    )
    secrets = json.loads(decrypt(source.credentials)) if source.credentials else None
    try:
        outcome = connector_for(source.kind, secrets).fetch(source.url, state, options())
    except FetchError as error:
        _record_failure(source, error)
        return {"error": error.reason.value}
    taken = _source_reading(source, outcome.feed_url)
    if taken is not None:
        _record_feed_taken(source, taken)
        return {"error": "feed_taken"}
    statuses = ingest(
        (
            Incoming(
                url=item.url,
                text=item.text,
                published_at=item.published_at,
                title=item.title,
                author=item.author,
                source_name=item.source_name or str(source),
                lang_hint=item.lang_hint,
                fragment_names_item=item.fragment_names_item,
            )
            for item in outcome.items
        ),
        source=source,
    )
    _record_success(source, outcome)
    return {"items": len(outcome.items), "created": statuses.count("created")}


def _record_success(source: Source, outcome: FetchOutcome) -> None:
    now = timezone.now()
    seen = (
        [*outcome.seen_urls, *source.seen_urls][:SEEN_URLS_KEPT]
        if outcome.seen_urls
        else source.seen_urls
    )
    fields = {
        "next_fetch_at": now + timedelta(minutes=source.interval_minutes),
        "last_success_at": now,
        "last_error": "",
        "consecutive_errors": 0,
        "cursor": outcome.cursor or source.cursor,
        "seen_urls": seen,
    }
    if not outcome.not_modified:
        fields.update(etag=outcome.etag, last_modified=outcome.last_modified)
    if outcome.feed_url and outcome.feed_url != source.url:
        fields["url"] = outcome.feed_url  # a home page was given: keep the feed found behind it
    with transaction.atomic():
        Source.objects.filter(pk=source.pk).update(**fields)


def _source_reading(source: Source, feed_url: str) -> Source | None:
    """Another source of the workspace already at the feed found behind this home page."""
    if not feed_url or feed_url == source.url:
        return None
    others = Source.objects.filter(workspace_id=source.workspace_id, url=feed_url)
    return others.exclude(pk=source.pk).first()


def _record_feed_taken(source: Source, taken: Source) -> None:
    """Pause the new source with the reason: reading the feed twice would bring nothing, and
    its address cannot become one the workspace already has."""
    with translation.override(settings.LANGUAGE_CODE):
        message = _(
            "This site's feed is already the source “%(name)s”: this one is paused and can be "
            "removed."
        ) % {"name": str(taken)}
    Source.objects.filter(pk=source.pk).update(
        active=False,
        next_fetch_at=None,
        last_error=message,
        last_error_at=timezone.now(),
        consecutive_errors=source.consecutive_errors + 1,
    )


def _record_failure(source: Source, error: FetchError) -> None:
    errors = source.consecutive_errors + 1
    backoff = min(timedelta(minutes=source.interval_minutes) * 2 ** min(errors, 10), MAX_BACKOFF)
    if error.retry_after:
        backoff = max(backoff, timedelta(seconds=error.retry_after))
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_error=error.message,
        last_error_at=now,
        consecutive_errors=errors,
        next_fetch_at=now + backoff,
    )
