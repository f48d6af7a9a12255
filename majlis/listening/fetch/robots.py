"""robots.txt, read once per host and kept for a while (RFC 9309)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from majlis.listening.fetch.errors import FetchError, Reason
from majlis.listening.fetch.response import FetchResponse

# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; more is not rules but noise.
ROBOTS_MAX_BYTES = 512_000
# A server error is a reason to stay away, not for a whole TTL.
_ERROR_TTL = 300.0


@dataclass(frozen=True)
class _Entry:
    rules: RobotFileParser
    expires: float


class RobotsCache:
    """Thread-safe: share one between the worker threads of a process."""

    def __init__(
        self,
        ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
        max_hosts: int = 10_000,
    ) -> None:
        self.ttl = ttl
        self._clock = clock
        self._max_hosts = max_hosts
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}

    def allowed(self, url: str, *, user_agent: str, read: Callable[[str], FetchResponse]) -> bool:
        """May `user_agent` fetch `url`? `read` fetches robots.txt through the guarded client."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._cached(origin)
        if rules is None:
            rules, ttl = self._load(origin, read)
            self._store(origin, rules, ttl)
        return rules.can_fetch(user_agent, url)

    def _cached(self, origin: str) -> RobotFileParser | None:
        with self._lock:
            entry = self._entries.get(origin)
            if entry is None or entry.expires <= self._clock():
                return None
            return entry.rules

    def _store(self, origin: str, rules: RobotFileParser, ttl: float) -> None:
        with self._lock:
            if len(self._entries) >= self._max_hosts:
                del self._entries[next(iter(self._entries))]
            self._entries[origin] = _Entry(rules, self._clock() + ttl)

    def _load(
        self, origin: str, read: Callable[[str], FetchResponse]
    ) -> tuple[RobotFileParser, float]:
        try:
            response = read(origin + "/robots.txt")
        except FetchError as error:
            if error.reason != Reason.TOO_LARGE:
                raise
            return _rules(origin, []), self.ttl
        if 200 <= response.status < 300:
            return _rules(origin, response.text.splitlines()), self.ttl
        if 400 <= response.status < 500:
            return _rules(origin, []), self.ttl  # "unavailable": no rules (RFC 9309, 2.3.1.3)
        # "unreachable": assume complete disallow (RFC 9309, 2.3.1.4), for a short while.
        return _rules(origin, ["User-agent: *", "Disallow: /"]), min(self.ttl, _ERROR_TTL)


def _rules(origin: str, lines: list[str]) -> RobotFileParser:
    rules = RobotFileParser(origin + "/robots.txt")
    rules.parse(lines)
    rules.modified()  # can_fetch() refuses everything until the rules are marked as read
    return rules
