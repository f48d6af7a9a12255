"""Listening connectors: one package per kind of source, all behind the `Connector` protocol.

    connector = connector_for(source.kind, secrets)
    outcome = connector.fetch(source.url, SourceState(...), FetchOptions(...))

Connector packages are imported on demand, so a worker that reads only feeds never loads the
article extractor.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module

from majlis.listening.connectors.base import (
    Connector,
    FetchedItem,
    FetchOutcome,
    SourceState,
)

__all__ = [
    "KINDS",
    "Connector",
    "FetchOutcome",
    "FetchedItem",
    "SourceState",
    "connector_for",
]

# kind -> (module, class). A source kind that is a feed in disguise (YouTube, Reddit, Google
# Alerts) is a "feed"; see majlis.listening.connectors.feed.services.
KINDS: Mapping[str, tuple[str, str]] = {
    "feed": ("majlis.listening.connectors.feed", "FeedConnector"),
    "web": ("majlis.listening.connectors.web", "WebConnector"),
    "mastodon": ("majlis.listening.connectors.mastodon", "MastodonConnector"),
    "bluesky": ("majlis.listening.connectors.bluesky", "BlueskyConnector"),
    "imap": ("majlis.listening.connectors.imap", "ImapConnector"),
}


def connector_for(kind: str, secrets: Mapping[str, str] | None = None) -> Connector:
    """The connector for a source kind. `secrets` are the source's decrypted credentials,
    passed as keyword arguments (Bluesky: identifier, app_password; IMAP: username, password)."""
    try:
        module_name, class_name = KINDS[kind]
    except KeyError:
        raise ValueError(f"No listening connector for sources of kind {kind!r}.") from None
    connector_class = getattr(import_module(module_name), class_name)
    connector: Connector = connector_class(**(secrets or {}))
    return connector
