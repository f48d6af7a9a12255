"""Keep the serving thread's database connection open between protocol requests.

With CONN_MAX_AGE at 0 (the settings' default) Django opens and closes a connection per request.
On SQLite that costs a schema parse per request and, whenever the closing connection is the last
one open, a WAL checkpoint with an fsync: 8 to 30 ms on an ordinary disk, more than the whole
comment-check. Sites call the protocol endpoints thousands of times an hour, so these keep their
thread's connection as CONN_MAX_AGE=None would. Django still closes a connection that failed.
Setting CONN_MAX_AGE for the whole project makes this a no-op.
"""

from __future__ import annotations

from django.db import connection


def keep_open() -> None:
    if connection.connection is not None and connection.settings_dict.get("CONN_MAX_AGE", 0) == 0:
        connection.close_at = None
