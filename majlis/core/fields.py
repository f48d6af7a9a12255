"""Model fields of our own."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

from majlis.core.crypto import SecretUnreadable, Vault


class EncryptedCharField(models.CharField):  # type: ignore[type-arg]
    """Text kept encrypted in the database, in its own vault (majlis.core.crypto).

    Forms, validators and code see the clear text, and `max_length` bounds it; the column is
    TEXT, since the stored token is longer. A value cannot be searched for. One that the current
    keys cannot open (the secret key was replaced without keeping the old one as a fallback)
    reads as empty, and stays in the database until saved again.
    """

    def __init__(self, *args: Any, salt: bytes, info: bytes, **kwargs: Any) -> None:
        self.vault = Vault(salt=salt, info=info)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "salt": self.vault.salt, "info": self.vault.info}

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        return models.TextField().db_type(connection)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return self.vault.encrypt(value) if value else value

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if not value:
            return value
        try:
            return self.vault.decrypt(value)
        except SecretUnreadable:
            return ""
