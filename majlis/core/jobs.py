"""Background work with its state in our own table.

`submit` records a Job and hands its id to the queue once the transaction commits. `execute`
claims the job with a conditional UPDATE, so a message delivered twice (or to two workers)
runs the work once: "another worker got there first" is an ordinary branch.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from majlis.core.models import Job, JobState

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], Any]
_HANDLERS: dict[str, Handler] = {}
STALE_AFTER = timedelta(minutes=15)


class PermanentError(Exception):
    """Work that can never succeed: fail now, do not retry."""


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        _HANDLERS[kind] = func
        return func

    return register


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def submit(kind: str, payload: dict[str, Any], key: str = "", delay: float = 0) -> Job:
    """Record the work, and enqueue it when the surrounding transaction commits."""
    if kind not in _HANDLERS:
        raise ValueError(f"no handler for job kind {kind!r}")
    run_after = timezone.now() + timedelta(seconds=delay) if delay else None
    try:
        with transaction.atomic():
            job = Job.objects.create(kind=kind, key=key, payload=payload, run_after=run_after)
    except IntegrityError:
        # The same keyed work is already queued or running: that job will do it.
        return Job.objects.get(kind=kind, key=key, state__in=[JobState.QUEUED, JobState.RUNNING])
    transaction.on_commit(lambda: _enqueue(job.pk, delay))
    return job


def _enqueue(job_id: int, delay: float) -> None:
    from majlis.tasks import run_job

    if delay:
        run_job.schedule((job_id,), delay=delay)
    else:
        run_job(job_id)


def claim(job_id: int) -> bool:
    """Take the job if it is still queued and due. Exactly one caller wins."""
    now = timezone.now()
    due = Job.objects.filter(pk=job_id, state=JobState.QUEUED).exclude(run_after__gt=now)
    return due.update(state=JobState.RUNNING, claimed_by=worker_name(), started_at=now) == 1


def execute(job_id: int) -> str:
    """Run one job if this worker wins the claim; returns what happened, for logs and tests."""
    if not claim(job_id):
        return "skipped"
    job = Job.objects.get(pk=job_id)
    job.attempts += 1
    try:
        result = _HANDLERS[job.kind](job.payload)
    except PermanentError as exc:
        _finish(job, JobState.FAILED, error=str(exc))
        return "failed"
    except Exception as exc:
        log.exception("job %s failed", job)
        return _retry_or_fail(job, exc)
    _finish(job, JobState.DONE, result=result if _is_json(result) else None)
    return "done"


def _retry_or_fail(job: Job, exc: Exception) -> str:
    if job.attempts >= job.max_attempts:
        _finish(job, JobState.FAILED, error=repr(exc))
        return "failed"
    backoff = min(2**job.attempts * 10, 3600)
    job.state = JobState.QUEUED
    job.error = repr(exc)
    job.run_after = timezone.now() + timedelta(seconds=backoff)
    job.save(update_fields=["state", "error", "run_after", "attempts"])
    transaction.on_commit(lambda: _enqueue(job.pk, backoff))
    return "retrying"


def _finish(job: Job, state: str, error: str = "", result: Any = None) -> None:
    job.state = state
    job.error = error
    job.result = result
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "error", "result", "finished_at", "attempts"])


def _is_json(value: Any) -> bool:
    return value is None or isinstance(value, (dict, list, str, int, float, bool))


def requeue_stale(now: Any = None) -> int:
    """Jobs whose worker died mid-run go back to the queue (their handlers are idempotent)."""
    now = now or timezone.now()
    stale = Job.objects.filter(state=JobState.RUNNING, started_at__lt=now - STALE_AFTER)
    ids = list(stale.values_list("pk", flat=True))
    Job.objects.filter(pk__in=ids, state=JobState.RUNNING).update(state=JobState.QUEUED)
    _enqueue_all_on_commit(ids)
    return len(ids)


def enqueue_due(now: Any = None) -> int:
    """Re-send queued jobs that are due: covers messages lost with a queue that keeps nothing."""
    now = now or timezone.now()
    due = Job.objects.filter(state=JobState.QUEUED).exclude(run_after__gt=now)
    ids = list(due.filter(created_at__lt=now - timedelta(minutes=2)).values_list("pk", flat=True))
    _enqueue_all_on_commit(ids)
    return len(ids)


def _enqueue_all_on_commit(ids: list[int]) -> None:
    def send() -> None:
        for job_id in ids:
            _enqueue(job_id, 0)

    if ids:
        transaction.on_commit(send)
