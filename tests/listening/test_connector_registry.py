"""Finding the connector for a source: every kind, and the credentials it needs."""

from __future__ import annotations

import pytest

from majlis.listening.connectors import KINDS, connector_for
from majlis.listening.connectors.bluesky import BlueskyConnector


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_connector_of_that_kind(kind: str) -> None:
    assert connector_for(kind).kind == kind


def test_credentials_are_handed_to_the_connector() -> None:
    connector = connector_for("bluesky", {"identifier": "veille.atlas.ma", "app_password": "x"})
    assert isinstance(connector, BlueskyConnector)
    assert connector.identifier == "veille.atlas.ma"


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="No listening connector for sources of kind 'fax'"):
        connector_for("fax")
