"""The queue's tasks: thin wrappers that hand a job id to `majlis.core.jobs`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from huey import crontab

from majlis.core.settle import settle_process
from majlis.queue import make_huey

huey = make_huey(settings.QUEUE_URL, settings.DATA_DIR)


def _close_stale_connections() -> None:
    # Inline (memory: queue) a task runs inside its caller's transaction: leave that alone.
    if not connection.in_atomic_block:
        close_old_connections()


@huey.pre_execute()
def _fresh_connection(task: Any) -> None:
    _close_stale_connections()


@huey.post_execute()
def _release_connection(task: Any, task_value: Any, exc: Any) -> None:
    _close_stale_connections()
    # After the first job, what is loaded (Django, the text models) stays for good.
    settle_process()


@huey.task()
def run_job(job_id: int) -> str:
    from majlis.core.jobs import execute

    return execute(job_id)


@huey.periodic_task(crontab(minute="*"))
def every_minute() -> None:
    from majlis.core import scheduler

    scheduler.tick()
