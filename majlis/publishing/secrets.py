"""Network credentials encrypted at rest: Fernet, keyed from SECRET_KEY through HKDF.

The key is derived rather than taken as is, so the credentials key is never the signing key.
`SECRET_KEY_FALLBACKS` (Django's key-rotation setting) still decrypts what an old key
encrypted; anything re-saved is encrypted with the current key.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_SALT = b"majlis.publishing"
_INFO = b"network credentials v1"


class UnreadableSecret(Exception):
    """The stored credentials were encrypted with a key this installation no longer has."""


def _fernet_for(secret_key: str) -> Fernet:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=_INFO)
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(secret_key.encode("utf-8"))))


def _fernet() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet_for(key) for key in keys])


def encrypt(values: dict[str, Any]) -> str:
    payload = json.dumps(values, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return _fernet().encrypt(payload).decode("ascii")


def decrypt(token: str) -> dict[str, Any]:
    if not token:
        return {}
    try:
        payload = _fernet().decrypt(token.encode("ascii"))
    except InvalidToken:
        raise UnreadableSecret("these credentials cannot be decrypted with this key") from None
    values: dict[str, Any] = json.loads(payload)
    return values
