"""Secrets at rest: each use has its own vault, old secrets still open, rotated keys too."""

from __future__ import annotations

import pytest
from django.test import override_settings

from majlis.core import crypto
from majlis.core.crypto import SecretUnreadable, Vault
from majlis.publishing import secrets

KEY = "majlis-test-key-for-compatibility"
# Written by the code of November 2026 with KEY: whatever changes here, what installations
# already stored must still open.
STORED_SOURCE_LOGIN = (
    "gAAAAABrASp616eU27aRZBHQ1Kx9s3ZONilFblrpsK3axHi1ekABOdaUDrcSxMrzr4HkVokpN0cLTr1VKjiY4VFRxRR"
    "bH4qt02ydgo8hRMleGWEOsXn0-pY="
)
STORED_NETWORK_TOKEN = (
    "gAAAAABrASp6z_jguJDWLX20EoiO-CXNcqGIb5bGRVFEWhWNkOA_XcBnJwTDTOCf4pzoVdnN4VyT6ScnlnIC2mFHXLB"
    "WQXpNxV2nSZn4J-FtZsDSjT0D2xY="
)


@override_settings(SECRET_KEY=KEY)
def test_secrets_stored_by_earlier_versions_still_open():
    assert crypto.decrypt(STORED_SOURCE_LOGIN) == "veille@atlas.ma:app-pass-1234"
    assert secrets.decrypt(STORED_NETWORK_TOKEN) == {"access_token": "tok-42"}


@override_settings(SECRET_KEY=KEY)
def test_one_use_s_vault_does_not_open_another_s():
    token = crypto.encrypt("app-pass-1234")
    assert "app-pass" not in token
    with pytest.raises(SecretUnreadable):
        Vault(salt=b"majlis.insights", info=b"webhook addresses v1").decrypt(token)
    with pytest.raises(secrets.UnreadableSecret):
        secrets.decrypt(token)


def test_a_replaced_key_kept_as_fallback_still_opens_and_new_secrets_use_the_new_key():
    with override_settings(SECRET_KEY="old key"):
        old = crypto.encrypt("app-pass-1234")
    with override_settings(SECRET_KEY="new key", SECRET_KEY_FALLBACKS=["old key"]):
        assert crypto.decrypt(old) == "app-pass-1234"
        fresh = crypto.encrypt("app-pass-1234")
    with override_settings(SECRET_KEY="new key"):
        assert crypto.decrypt(fresh) == "app-pass-1234"
        with pytest.raises(SecretUnreadable):
            crypto.decrypt(old)


@pytest.mark.parametrize("token", ["", "not a token", "gAAAAAB" + "A" * 80, "é" * 40])
def test_a_broken_token_is_unreadable_not_a_crash(token):
    with pytest.raises(SecretUnreadable):
        crypto.decrypt(token)
