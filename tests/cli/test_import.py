"""`majlis import`: a file of mentions through the whole listening path, one status a line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from majlis.cli import main
from majlis.listening.connectors.text import MAX_TEXT
from majlis.listening.models import Mention, Query

pytestmark = pytest.mark.usefixtures("fresh_clusters")


def write(path, rows):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return str(path)


ROWS = [
    {
        "text": "Panne chez Atlas Telecom à Casablanca, rien ne marche",
        "url": "https://x.example/1",
        "published_at": "2026-11-14T20:00:00+01:00",
        "author": "hamza",
    },
    {
        "text": "Panne chez Atlas Telecom à Casablanca, rien ne marche",
        "url": "https://x.example/1?utm_source=rt",
        "published_at": "2026-11-14T20:05:00+01:00",
    },
    {
        "text": "Il fait beau à Rabat",
        "url": "https://x.example/2",
        "published_at": "2026-11-14T20:10:00Z",
    },
    {
        "text": "wach atlas telecom 3ndhom chi pb lyoum?",
        "url": "https://x.example/3",
        "published_at": "2026-11-14T21:00:00+01:00",
        "source": "X",
    },
]


def test_import_reports_created_duplicate_and_unmatched(team, tmp_path, capsys):
    Query.objects.create(workspace=team.workspace, name="Marque", text='"atlas telecom"')
    assert (
        main(["import", "--workspace", team.workspace.slug, write(tmp_path / "m.jsonl", ROWS)]) == 0
    )
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {"url": "https://x.example/1", "status": "created"},
        {"url": "https://x.example/1?utm_source=rt", "status": "duplicate"},
        {"url": "https://x.example/2", "status": "unmatched"},
        {"url": "https://x.example/3", "status": "created"},
    ]
    darija = Mention.objects.get(item__url="https://x.example/3")
    assert darija.item.lang == "ary-Latn"
    assert darija.item.source_name == "X"

    # The same file again changes nothing.
    main(["import", "--workspace", team.workspace.slug, str(tmp_path / "m.jsonl")])
    again = [json.loads(line)["status"] for line in capsys.readouterr().out.splitlines()]
    assert again == ["duplicate", "duplicate", "unmatched", "duplicate"]
    assert Mention.objects.count() == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"text": "x", "url": "javascript:alert(1)", "published_at": "2026-11-14T20:00:00Z"},
            "'url' must be",
        ),
        ({"text": "x", "url": "https://a.example/", "published_at": "hier soir"}, "ISO 8601"),
        (
            {"text": "x", "url": "https://a.example/", "published_at": "2026-11-14T20:00:00"},
            "time zone",
        ),
        (
            {"text": " ", "url": "https://a.example/", "published_at": "2026-11-14T20:00:00Z"},
            "'text' is empty",
        ),
        (
            {"url": "https://a.example/", "published_at": "2026-11-14T20:00:00Z"},
            "missing field 'text'",
        ),
        (
            {"text": 42, "url": "https://a.example/", "published_at": "2026-11-14T20:00:00Z"},
            "must be a string",
        ),
    ],
)
def test_a_bad_line_stops_the_import_before_anything_is_stored(
    team, tmp_path, capsys, row, message
):
    Query.objects.create(workspace=team.workspace, name="Marque", text="x OR atlas")
    path = write(tmp_path / "m.jsonl", [ROWS[0], row])
    assert main(["import", "--workspace", team.workspace.slug, path]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err
    assert message in err
    assert not Mention.objects.exists()


def test_import_into_an_unknown_workspace_exits_2(db, tmp_path, capsys):
    assert main(["import", "--workspace", "nope", write(tmp_path / "m.jsonl", ROWS)]) == 2
    assert "no workspace 'nope'" in capsys.readouterr().err


def test_the_demo_corpus_imports_with_its_five_languages(db):
    from django.db.models import Count

    from majlis.core.bootstrap import ensure_demo

    workspace, created = ensure_demo()
    assert created
    langs = dict(
        Mention.objects.filter(workspace=workspace)
        .values_list("item__lang")
        .annotate(n=Count("id"))
    )
    assert set(langs) >= {"fr", "ar", "ary", "ary-Latn", "en"}
    assert ensure_demo() == (workspace, False)


def test_a_date_in_the_future_is_filed_at_the_moment_of_the_import(team, tmp_path, capsys):
    Query.objects.create(workspace=team.workspace, name="Marque", text="atlas")
    row = {
        "text": "Atlas demain",
        "url": "https://x.example/f",
        "published_at": "2030-01-01T00:00Z",
    }
    before = timezone.now()
    assert (
        main(["import", "--workspace", team.workspace.slug, write(tmp_path / "m.jsonl", [row])])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["status"] == "created"
    filed = Mention.objects.get().item.published_at
    assert before <= filed <= timezone.now()


def test_a_past_date_keeps_its_moment(team, tmp_path, capsys):
    Query.objects.create(workspace=team.workspace, name="Marque", text="atlas")
    row = {
        "text": "Atlas hier",
        "url": "https://x.example/p",
        "published_at": "2026-01-02T10:00:00+01:00",
    }
    assert (
        main(["import", "--workspace", team.workspace.slug, write(tmp_path / "m.jsonl", [row])])
        == 0
    )
    assert Mention.objects.get().item.published_at == datetime(2026, 1, 2, 9, tzinfo=UTC)


def test_a_text_over_the_limit_stops_the_import_naming_the_line(team, tmp_path, capsys):
    Query.objects.create(workspace=team.workspace, name="Marque", text="atlas")
    long_row = {**ROWS[2], "url": "https://x.example/long", "text": "atlas " * 20_000}
    at_limit = {**ROWS[3], "text": "a" * MAX_TEXT}
    path = write(tmp_path / "m.jsonl", [ROWS[0], at_limit, long_row])
    assert main(["import", "--workspace", team.workspace.slug, path]) == 2
    captured = capsys.readouterr()
    assert "line 3: 'text' has 120,000 characters; the limit is 100,000" in captured.err
    assert captured.out == ""
    assert not Mention.objects.exists()


def test_a_date_out_of_range_exits_2(team, tmp_path, capsys):
    row = {"text": "x", "url": "https://a.example/", "published_at": "0001-01-01T00:00:00+01:00"}
    assert (
        main(["import", "--workspace", team.workspace.slug, write(tmp_path / "m.jsonl", [row])])
        == 2
    )
    assert "line 1: 'published_at' is out of range" in capsys.readouterr().err
