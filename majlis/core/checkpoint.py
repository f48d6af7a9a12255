"""Checkpoint SQLite's write-ahead log from a thread of its own, not from a request.

In WAL mode, SQLite copies the log back into the database file ("checkpoints") from inside the
commit that makes the log pass 1,000 pages, and that copy ends with an fsync. Under a steady
stream of writes (comment-check stores every comment) one commit in about seventy paid 4 to 6 ms
for it: the slowest requests were exactly those. A web process therefore raises that threshold
for its own connections and runs a PASSIVE checkpoint every fraction of a second from this
thread, with its own connection: PASSIVE never waits for readers or writers, and sqlite3
releases the GIL while it works, so requests go on meanwhile. The raised threshold stays as a
backstop, so the log cannot grow without bound if this thread ever stops.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

from django.db import connections
from django.db.backends.signals import connection_created

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 0.25
# Pages: about 40 MB of log before a committing connection checkpoints by itself.
BACKSTOP_PAGES = 10_000
# The log file keeps its blocks up to twice that: cutting it back after each restart of the log
# made the next commits allocate them again (a second slow commit after each backstop).
KEPT_LOG_BYTES = 2 * 4096 * BACKSTOP_PAGES

_started = threading.Lock()
_thread: threading.Thread | None = None


def _raise_threshold(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
            cursor.execute(f"PRAGMA journal_size_limit={KEPT_LOG_BYTES}")


def _checkpoint_forever(path: Path, stop: threading.Event) -> None:
    database: sqlite3.Connection | None = None
    try:
        while not stop.wait(INTERVAL_SECONDS):
            try:
                if database is None:
                    # mode=rw: never create the file; until migrate has, there is nothing to do.
                    database = sqlite3.connect(
                        f"{path.as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None
                    )
                database.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.OperationalError as error:
                # Busy (another process is checkpointing) or no database file yet: the next
                # round tries again, and the backstop covers the meantime.
                log.debug("checkpoint skipped: %s", error)
    finally:
        if database is not None:
            database.close()


def start(stop: threading.Event | None = None) -> bool:
    """Start this process's checkpointer, once; False when the database is not SQLite.

    Call it in processes that serve requests (majlis/wsgi.py does); ``stop`` ends the thread.
    """
    global _thread
    default = connections["default"]
    # The test database lives in memory: nothing to checkpoint, no file to open.
    if default.vendor != "sqlite" or default.is_in_memory_db():  # type: ignore[attr-defined]
        return False
    with _started:
        if _thread is not None and _thread.is_alive():
            return True
        connection_created.connect(_raise_threshold, dispatch_uid="majlis-wal-backstop")
        _thread = threading.Thread(
            target=_checkpoint_forever,
            args=(Path(default.settings_dict["NAME"]).resolve(), stop or threading.Event()),
            name="majlis-wal-checkpoint",
            daemon=True,
        )
        _thread.start()
    return True
