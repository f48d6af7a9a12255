"""Full-text search: an FTS5 table kept in step by triggers on SQLite; a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS listening_item_fts USING fts5(
        title, text, content='listening_item', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS listening_item_fts_ai AFTER INSERT ON listening_item BEGIN
        INSERT INTO listening_item_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS listening_item_fts_ad AFTER DELETE ON listening_item BEGIN
        INSERT INTO listening_item_fts(listening_item_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS listening_item_fts_au AFTER UPDATE ON listening_item BEGIN
        INSERT INTO listening_item_fts(listening_item_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO listening_item_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO listening_item_fts(listening_item_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS listening_item_fts_ai",
    "DROP TRIGGER IF EXISTS listening_item_fts_ad",
    "DROP TRIGGER IF EXISTS listening_item_fts_au",
    "DROP TABLE IF EXISTS listening_item_fts",
]
POSTGRES = [
    """CREATE INDEX IF NOT EXISTS listening_item_fulltext ON listening_item USING GIN
       (to_tsvector('simple'::regconfig, COALESCE(title, '') || ' ' || COALESCE(text, '')))"""
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS listening_item_fulltext"]


def forwards(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("listening", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
