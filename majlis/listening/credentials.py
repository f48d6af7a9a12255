"""A source's login, kept encrypted in `Source.credentials` as the JSON its connector takes."""

from __future__ import annotations

import json
from collections.abc import Mapping

from majlis.core.crypto import SecretUnreadable, decrypt, encrypt
from majlis.listening.models import Source

# kind -> the connector's keyword arguments for (login, password); see `connector_for`.
CREDENTIAL_NAMES: Mapping[str, tuple[str, str]] = {
    "bluesky": ("identifier", "app_password"),
    "imap": ("username", "password"),
}


def seal(kind: str, login: str, password: str) -> str:
    """The encrypted credentials of a source of this kind; empty when none are given."""
    if not login and not password:
        return ""
    login_name, password_name = CREDENTIAL_NAMES[kind]
    return encrypt(json.dumps({login_name: login, password_name: password}))


def login_of(source: Source) -> str | None:
    """The login to show next to a source, never its password: "" when it has none, None when
    the credentials cannot be read with this installation's key (they must be given again)."""
    if not source.credentials or source.kind not in CREDENTIAL_NAMES:
        return ""
    try:
        secrets = json.loads(decrypt(source.credentials))
    except (SecretUnreadable, ValueError):
        return None
    login = secrets.get(CREDENTIAL_NAMES[source.kind][0]) if isinstance(secrets, dict) else None
    return login if isinstance(login, str) else None
