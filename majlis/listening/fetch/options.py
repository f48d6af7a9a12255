"""The settings a worker fetches with, bundled so connectors pass them along unchanged."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from majlis.listening.fetch.addresses import Resolver
from majlis.listening.fetch.client import DEFAULT_ACCEPT, USER_AGENT, fetch
from majlis.listening.fetch.limiter import HostLimiter
from majlis.listening.fetch.response import FetchResponse
from majlis.listening.fetch.robots import RobotsCache


@dataclass(frozen=True)
class FetchOptions:
    """Client options: who we are, what we may reach, how long and how much we read."""

    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = 10_000_000
    user_agent: str = USER_AGENT
    resolve: Resolver = socket.getaddrinfo
    robots: RobotsCache | None = None
    limiter: HostLimiter | None = None
    ssl_context: ssl.SSLContext | None = None
    dial: Callable[[str], str] | None = None

    def fetch(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: str = DEFAULT_ACCEPT,
        method: str = "GET",
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        raise_for_status: bool = True,
        use_robots: bool = True,
    ) -> FetchResponse:
        """`fetch` with these options; `use_robots=False` for documented APIs, which robots.txt
        does not govern."""
        return fetch(
            url,
            allow_private=self.allow_private,
            etag=etag,
            last_modified=last_modified,
            max_bytes=self.max_bytes,
            timeout=self.timeout,
            accept=accept,
            user_agent=self.user_agent,
            method=method,
            headers=headers,
            body=body,
            raise_for_status=raise_for_status,
            resolve=self.resolve,
            robots=self.robots if use_robots else None,
            limiter=self.limiter,
            ssl_context=self.ssl_context,
            dial=self.dial,
        )
