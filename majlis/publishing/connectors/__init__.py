"""The connectors, by network. Each is a self-contained package; see README.md there."""

from __future__ import annotations

from importlib import import_module

from majlis.publishing.connectors.base import Connector

NETWORKS = ("mastodon", "bluesky", "facebook", "instagram", "linkedin", "x", "webhook", "feed")


def connector_class(network: str) -> type[Connector]:
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}")
    found: type[Connector] = import_module(f"majlis.publishing.connectors.{network}").connector
    return found
