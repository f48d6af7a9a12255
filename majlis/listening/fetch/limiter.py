"""Politeness per host: a few requests in flight at most, and silence when a host asks for it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from majlis.listening.fetch.errors import FetchError, Reason


class HostLimiter:
    """Thread-safe: share one between the worker threads of a process."""

    def __init__(self, per_host: int = 2, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_host = per_host
        self._clock = clock
        self._changed = threading.Condition()
        self._in_flight: dict[str, int] = {}
        self._held_until: dict[str, float] = {}

    def hold(self, host: str, seconds: float) -> None:
        """Send nothing to `host` for `seconds` (after a 429, or a 503 with Retry-After)."""
        with self._changed:
            now = self._clock()
            self._held_until = {h: t for h, t in self._held_until.items() if t > now}
            until = now + seconds
            self._held_until[host] = max(until, self._held_until.get(host, until))

    def held_for(self, host: str) -> float:
        """Seconds before `host` may be asked again; 0 when it may be asked now."""
        with self._changed:
            return max(0.0, self._held_until.get(host, 0.0) - self._clock())

    def check(self, host: str) -> None:
        wait = self.held_for(host)
        if wait > 0:
            raise FetchError(
                Reason.RATE_LIMITED,
                f"{host} asked Majlis to slow down; it will be asked again in {wait:.0f} seconds.",
                retry_after=wait,
            )

    @contextmanager
    def slot(self, host: str, timeout: float) -> Iterator[None]:
        """Wait (at most `timeout` seconds) until fewer than `per_host` requests are in flight."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._in_flight.get(host, 0) >= self.per_host:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise FetchError(
                        Reason.HOST_BUSY,
                        f"Too many requests to {host} are already under way; try again shortly.",
                    )
                self._changed.wait(remaining)
            self._in_flight[host] = self._in_flight.get(host, 0) + 1
        try:
            yield
        finally:
            with self._changed:
                self._in_flight[host] -= 1
                if not self._in_flight[host]:
                    del self._in_flight[host]
                self._changed.notify_all()
