"""Network credentials encrypted at rest, as JSON, in a vault of their own (majlis.core.crypto)."""

from __future__ import annotations

import json
from typing import Any

from majlis.core.crypto import SecretUnreadable, Vault

_VAULT = Vault(salt=b"majlis.publishing", info=b"network credentials v1")


class UnreadableSecret(SecretUnreadable):
    """The stored credentials were encrypted with a key this installation no longer has."""


def encrypt(values: dict[str, Any]) -> str:
    return _VAULT.encrypt(json.dumps(values, sort_keys=True, separators=(",", ":")))


def decrypt(token: str) -> dict[str, Any]:
    if not token:
        return {}
    try:
        values: dict[str, Any] = json.loads(_VAULT.decrypt(token))
    except SecretUnreadable:
        raise UnreadableSecret("these credentials cannot be decrypted with this key") from None
    return values
