"""Exit 0 when the PostgreSQL server of the given URL answers (used by `make test`)."""

import sys
from urllib.parse import urlsplit

import psycopg

parts = urlsplit(sys.argv[1])
try:
    psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        dbname="postgres",
        connect_timeout=3,
    ).close()
except psycopg.Error:
    sys.exit(1)
