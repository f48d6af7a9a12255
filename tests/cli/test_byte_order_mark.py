"""Files saved by Windows tools start with a UTF-8 byte order mark: the commands read past it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from majlis.cli import main
from majlis.listening.models import Mention, Query
from tests.cli.run import majlis

BOM = b"\xef\xbb\xbf"


def with_bom(path: Path, rows: list[dict]) -> str:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_bytes(BOM + lines.encode("utf-8"))
    return str(path)


def test_match_reads_queries_and_documents_that_start_with_a_bom(tmp_path):
    queries = with_bom(tmp_path / "q.jsonl", [{"id": "maroc", "query": "maroc"}])
    docs = with_bom(
        tmp_path / "d.jsonl", [{"id": "1", "text": "Vive le Maroc"}, {"id": "2", "text": "x"}]
    )
    result = majlis("match", "--queries", queries, "--docs", docs)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "1", "matches": ["maroc"]},
        {"id": "2", "matches": []},
    ]


def test_classify_language_reads_past_a_bom_on_stdin_and_in_a_file(tmp_path):
    row = {
        "id": "en",
        "text": "The network has been down since this morning, this is unacceptable.",
    }
    from_stdin = majlis("classify", "language", stdin="\ufeff" + json.dumps(row) + "\n")
    from_file = majlis("classify", "language", with_bom(tmp_path / "t.jsonl", [row]))
    for result in (from_stdin, from_file):
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"id": "en", "lang": "en"}


def test_a_bom_further_down_is_still_bad_input(tmp_path):
    docs = tmp_path / "d.jsonl"
    docs.write_bytes(b'{"id": "1", "text": "a"}\n' + BOM + b'{"id": "2", "text": "b"}\n')
    result = majlis("classify", "language", str(docs))
    assert result.returncode == 2
    assert "line 2: not JSON" in result.stderr


@pytest.mark.usefixtures("fresh_clusters")
def test_import_reads_a_file_that_starts_with_a_bom(team, tmp_path, capsys):
    Query.objects.create(workspace=team.workspace, name="Marque", text="atlas")
    row = {
        "text": "Atlas en panne",
        "url": "https://x.example/1",
        "published_at": "2026-01-02T10:00:00Z",
    }
    path = with_bom(tmp_path / "m.jsonl", [row])
    assert main(["import", "--workspace", team.workspace.slug, path]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "url": "https://x.example/1",
        "status": "created",
    }
    assert Mention.objects.count() == 1
