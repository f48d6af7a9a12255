"""What the single scheduler does each minute. Each domain adds its own due-work scan here."""

from __future__ import annotations

import logging
from collections.abc import Callable

from majlis.core import jobs

log = logging.getLogger(__name__)
_PERIODIC: list[Callable[[], object]] = [jobs.requeue_stale, jobs.enqueue_due]


def every_minute(func: Callable[[], object]) -> Callable[[], object]:
    _PERIODIC.append(func)
    return func


def tick() -> None:
    for func in _PERIODIC:
        try:
            func()
        except Exception:
            log.exception("periodic %s failed", func.__name__)
