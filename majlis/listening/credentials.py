"""A source's login, kept encrypted in `Source.credentials` as the JSON its connector takes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from majlis.core.crypto import SecretUnreadable, decrypt, encrypt
from majlis.listening.models import Source

# kind -> the connector's keyword arguments for (login, password); see `connector_for`.
CREDENTIAL_NAMES: Mapping[str, tuple[str, str]] = {
    "bluesky": ("identifier", "app_password"),
    "imap": ("username", "password"),
}
# The Bluesky connector's keyword argument for the hosting provider the account signs in at.
# It travels with the login because it is part of signing in, as in the Bluesky apps.
PROVIDER_NAME = "service"


def seal(kind: str, login: str, password: str, provider: str = "") -> str:
    """The encrypted credentials of a source of this kind; empty when none are given."""
    if not login and not password:
        return ""
    login_name, password_name = CREDENTIAL_NAMES[kind]
    secrets = {login_name: login, password_name: password}
    if provider:
        secrets[PROVIDER_NAME] = provider
    return encrypt(json.dumps(secrets))


def _secrets(source: Source) -> dict[str, Any] | None:
    """The decrypted credentials; {} when there are none, None when this installation's key
    cannot read them."""
    if not source.credentials or source.kind not in CREDENTIAL_NAMES:
        return {}
    try:
        secrets = json.loads(decrypt(source.credentials))
    except (SecretUnreadable, ValueError):
        return None
    return secrets if isinstance(secrets, dict) else None


def login_of(source: Source) -> str | None:
    """The login to show next to a source, never its password: "" when it has none, None when
    the credentials cannot be read with this installation's key (they must be given again)."""
    if not source.credentials or source.kind not in CREDENTIAL_NAMES:
        return ""
    login = (_secrets(source) or {}).get(CREDENTIAL_NAMES[source.kind][0])
    return login if isinstance(login, str) else None


def provider_of(source: Source) -> str:
    """The hosting provider given with a Bluesky login; "" when none was (or it is unreadable)."""
    provider = (_secrets(source) or {}).get(PROVIDER_NAME)
    return provider if isinstance(provider, str) else ""
