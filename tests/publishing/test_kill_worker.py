"""Exactly once, even when the worker dies mid-publication.

GIVEN a post due on a Mastodon-compatible server that keeps idempotency keys,
WHEN the worker publishing it is killed (SIGKILL) after the server stored the status but
before Majlis stored the result, and the stale job is later run again,
THEN the post is on the server once: not zero times, not twice, and Majlis shows its URL.

The worker is a real separate process (`python -m majlis manage publish_due`) working on the
same database: the test's PostgreSQL database, or, on SQLite, a file copy of the test's
in-memory database that is copied back after the kill.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from majlis.core import jobs
from majlis.core.models import Job, JobState
from majlis.publishing.models import PostState, VariantState
from tests.publishing.conftest import scheduled_post

ROOT = Path(__file__).resolve().parents[2]


def _worker_environment(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "majlis.settings",
        "MAJLIS_DATA_DIR": str(data_dir),
        "MAJLIS_QUEUE_URL": "memory:",
        "MAJLIS_ALLOW_PRIVATE_URLS": "true",
        "MAJLIS_SECRET_KEY": settings.SECRET_KEY,
        "MAJLIS_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MAJLIS_LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        where = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{credentials}@{where}/{db['NAME']}"
    return env


def _copy_sqlite(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    source.backup(target)


def _share_database(data_dir: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(data_dir / "majlis.sqlite3") as file_db:
            _copy_sqlite(connection.connection, file_db)


def _take_back_database(data_dir: Path) -> None:
    if connection.vendor == "sqlite":
        with sqlite3.connect(data_dir / "majlis.sqlite3") as file_db:
            _copy_sqlite(file_db, connection.connection)


def _wait_until_received(worker: subprocess.Popen[bytes], received) -> None:
    deadline = time.monotonic() + 60
    while not received.wait(timeout=0.05):
        if worker.poll() is not None:
            pytest.fail(f"the worker ended before publishing: {worker.stderr.read().decode()}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            worker.kill()
            pytest.fail("the worker never reached the server")


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_publication_leaves_the_post_published_once(
    team, mastodon, mastodon_account, login, tmp_path
):
    post = scheduled_post(team, [mastodon_account], text="Nouvelle offre Fibre 🇲🇦 عرض جديد")
    received, release = mastodon.hold_statuses()
    _share_database(tmp_path)

    worker = subprocess.Popen(
        [sys.executable, "-m", "majlis", "manage", "publish_due"],
        cwd=ROOT,
        env=_worker_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_received(worker, received)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    release.set()
    _take_back_database(tmp_path)

    # The server has the status; Majlis does not know it yet, and says nothing false.
    assert len(mastodon.statuses) == 1
    post.refresh_from_db()
    variant = post.variants.get()
    assert post.state == PostState.PUBLISHING
    assert variant.state == VariantState.SENDING
    assert variant.url == ""
    job = Job.objects.get(kind="publishing.publish_variant")
    assert job.state == JobState.RUNNING

    # Later, the scheduler finds the job stale and runs it again.
    assert jobs.requeue_stale(now=timezone.now() + jobs.STALE_AFTER + timedelta(minutes=1)) == 1

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert len(mastodon.statuses) == 1
    [status] = mastodon.statuses.values()
    variant.refresh_from_db()
    assert variant.state == VariantState.PUBLISHED
    assert variant.url == status["url"]
    keys = [r.headers["idempotency-key"] for r in mastodon.seen("POST", "/api/v1/statuses")]
    assert keys == [variant.idempotency_key, variant.idempotency_key]
    page = login("agent").get(f"/fr/w/{team.workspace.slug}/publishing/{post.pk}/").content.decode()
    assert status["url"] in page
