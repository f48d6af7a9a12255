"""The listening app's HTTP client: every source address is fetched through `fetch`, on top of
the core guard for user-given addresses (majlis.core.outbound).

No Django here: the worker passes plain settings (see FetchOptions), tests pass a resolver.
"""

from majlis.listening.fetch.addresses import Resolver, is_public_address, vetted_addresses
from majlis.listening.fetch.client import DEFAULT_ACCEPT, MAX_REDIRECTS, USER_AGENT, fetch
from majlis.listening.fetch.decoding import gunzip
from majlis.listening.fetch.errors import FetchError, Reason
from majlis.listening.fetch.limiter import HostLimiter
from majlis.listening.fetch.options import FetchOptions
from majlis.listening.fetch.response import FetchResponse
from majlis.listening.fetch.robots import RobotsCache
from majlis.listening.fetch.urls import checked_url

__all__ = [
    "DEFAULT_ACCEPT",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "FetchError",
    "FetchOptions",
    "FetchResponse",
    "HostLimiter",
    "Reason",
    "Resolver",
    "RobotsCache",
    "checked_url",
    "fetch",
    "gunzip",
    "is_public_address",
    "vetted_addresses",
]
