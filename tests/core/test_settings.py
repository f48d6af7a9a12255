"""Settings come from the environment, with safe defaults and clear errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from majlis.env import database_config, envbool, envint, secret_key


def test_a_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("MAJLIS_SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) > 40
    assert secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_booleans_and_numbers_say_what_is_wrong(monkeypatch):
    monkeypatch.setenv("MAJLIS_X", "maybe")
    with pytest.raises(ValueError, match="MAJLIS_X must be true or false"):
        envbool("MAJLIS_X", False)
    monkeypatch.setenv("MAJLIS_N", "ten")
    with pytest.raises(ValueError, match="MAJLIS_N must be a whole number"):
        envint("MAJLIS_N", 1)


def test_sqlite_is_tuned_for_concurrent_writers(tmp_path):
    config = database_config("", tmp_path)
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql(tmp_path):
    config = database_config("postgres://majlis:s%40cret@db.internal:5433/brand", tmp_path)
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        "5433",
        "brand",
    )
    assert config["PASSWORD"] == "s@cret"
    with pytest.raises(ValueError, match="must start with postgres://"):
        database_config("mysql://root@localhost/x", tmp_path)


def test_sqlite_runs_in_wal_mode(db):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database may live in memory, where SQLite reports "memory".
    assert mode in {"wal", "memory"}


def test_check_deploy_is_clean_behind_https(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "majlis.settings",
        "MAJLIS_DATA_DIR": str(tmp_path),
        "MAJLIS_HTTPS": "true",
        "MAJLIS_DEBUG": "false",
        "MAJLIS_SECRET_KEY": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "majlis", "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
