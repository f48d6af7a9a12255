"""Secrets at rest (network tokens, app passwords, webhook addresses): Fernet, keyed from the
secret key by HKDF.

The key is derived rather than taken as is, so an encryption key is never the signing key, and
each use has its own salt, so one use's key opens nothing of another's. Django's key-rotation
setting, `SECRET_KEY_FALLBACKS`, still opens what an old key locked; anything saved again is
locked with the current key.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class SecretUnreadable(Exception):
    """The secret was written with another key (MAJLIS_SECRET_KEY changed) or was altered."""


@lru_cache(maxsize=16)
def _fernet(secret_key: str, salt: bytes, info: bytes) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


@dataclass(frozen=True)
class Vault:
    """Locks and opens text with the keys derived for one use (its salt and info)."""

    salt: bytes
    info: bytes

    def encrypt(self, plain: str) -> str:
        return self._keys().encrypt(plain.encode()).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._keys().decrypt(token.encode("ascii")).decode()
        except (InvalidToken, UnicodeEncodeError):
            raise SecretUnreadable("this secret cannot be read with the current key") from None

    def _keys(self) -> MultiFernet:
        keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return MultiFernet([_fernet(key, self.salt, self.info) for key in keys])


# Sources' logins and passwords, and what else has no vault of its own.
SECRETS = Vault(salt=b"majlis-secrets", info=b"fernet-v1")


def encrypt(plain: str) -> str:
    return SECRETS.encrypt(plain)


def decrypt(token: str) -> str:
    return SECRETS.decrypt(token)
