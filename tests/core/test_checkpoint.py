"""The web process's checkpointer copies the write-ahead log into the database by itself."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

from majlis.core import checkpoint


def _rows_in_database_file_alone(path, tmp_path) -> int:
    """What a reader of the database file sees without its log (as after losing the -wal)."""
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(path, alone)
    with sqlite3.connect(alone) as copy:
        return copy.execute("SELECT COUNT(*) FROM item").fetchone()[0]


def _writer(path) -> sqlite3.Connection:
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    # No commit checkpoints by itself, as in a web process whose log stays under the backstop.
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE IF NOT EXISTS item (id INTEGER PRIMARY KEY, body TEXT)")
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the empty table is in the file itself
    return writer


def test_the_log_reaches_the_database_file_without_a_commit_checkpointing(tmp_path):
    path = tmp_path / "majlis.sqlite3"
    writer = _writer(path)
    writer.executemany("INSERT INTO item (body) VALUES (?)", [("x" * 200,)] * 500)
    assert _rows_in_database_file_alone(path, tmp_path) == 0

    stop = threading.Event()
    thread = threading.Thread(target=checkpoint._checkpoint_forever, args=(path, stop))
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while _rows_in_database_file_alone(path, tmp_path) < 500 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert _rows_in_database_file_alone(path, tmp_path) == 500


def test_a_missing_database_file_is_waited_for_not_created(tmp_path):
    path = tmp_path / "not-yet.sqlite3"
    stop = threading.Event()
    thread = threading.Thread(target=checkpoint._checkpoint_forever, args=(path, stop))
    thread.start()
    time.sleep(3 * checkpoint.INTERVAL_SECONDS)
    stop.set()
    thread.join()
    assert not path.exists()


def test_no_checkpointer_for_the_in_memory_test_database(db):
    assert checkpoint.start() is False
