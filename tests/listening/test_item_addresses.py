"""Each item keeps the address that names it: a forum post its thread#post-id, an article its
page without "#comments", an imported row its numbered fragment."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from majlis.cli import main
from majlis.listening.models import Item, Mention, Query, Source
from majlis.listening.scheduling import fetch_now
from tests.listening.http_server import Reply, serve

pytestmark = pytest.mark.usefixtures("fresh_clusters")
HTML = "text/html; charset=utf-8"


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_every_post_of_a_watched_thread_reaches_the_stream(
    login, team, django_capture_on_commit_callbacks
):
    Query.objects.create(workspace=team.workspace, name="Marque", text="atlas OR service")
    with serve() as site:
        site.route("/threads/atlas.42/", Reply.file("forum_xenforo.html", HTML))
        source = Source.objects.create(
            workspace=team.workspace, kind="web", url=site.url("/threads/atlas.42/")
        )
        with django_capture_on_commit_callbacks(execute=True):
            fetch_now(source)
        thread = site.url("/threads/atlas.42/")

    urls = set(Mention.objects.values_list("item__url", flat=True))
    assert urls == {f"{thread}#js-post-1001", f"{thread}#js-post-1002", f"{thread}#js-post-1003"}
    stream = login("manager").get(f"/fr/w/{team.workspace.slug}/mentions/").content.decode()
    assert "Pareil à Hay Riad" in stream
    assert "un incident est en cours" in stream


def write(path, urls):
    rows = [
        {"text": f"Atlas Telecom, message {n}", "url": url, "published_at": "2026-11-14T20:00Z"}
        for n, url in enumerate(urls)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def test_imported_posts_of_one_thread_stay_apart_and_article_anchors_collapse(
    team, tmp_path, capsys
):
    Query.objects.create(workspace=team.workspace, name="Marque", text='"atlas telecom"')
    urls = [
        "https://forum.example.ma/t/9#post-1",
        "https://forum.example.ma/t/9#post-2",
        "https://news.example.ma/a",
        "https://news.example.ma/a#comments",
        "https://news.example.ma/a#xtor=RSS-3",
        "https://news.example.ma/a#",
    ]
    main(["import", "--workspace", team.workspace.slug, write(tmp_path / "m.jsonl", urls)])
    statuses = [json.loads(line)["status"] for line in capsys.readouterr().out.splitlines()]
    assert statuses == ["created", "created", "created", "duplicate", "duplicate", "duplicate"]
    assert set(Item.objects.values_list("url", flat=True)) == {
        "https://forum.example.ma/t/9#post-1",
        "https://forum.example.ma/t/9#post-2",
        "https://news.example.ma/a",
    }
