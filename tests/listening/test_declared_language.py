"""A community manager follows a Mastodon hashtag: a two-letter reply its author posted in
French shows under French in the stream, and a long Darija post that Mastodon calls Arabic
still shows under Darija."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from majlis.listening.models import Item, Query, Source
from tests.listening.http_server import Reply, serve

pytestmark = pytest.mark.usefixtures("fresh_clusters")

DARIJA = (
    "خدمة الزبناء ديال #AtlasTelecom ما كتجاوبش، بقيت كنتسنى ساعة فالتيليفون وحتى واحد ما "
    "جاوبني. هادشي بزاف عليا، واش كاين شي حل؟"
)


def status(number: int, content: str, language: str) -> dict[str, object]:
    return {
        "id": str(number),
        "created_at": "2026-11-19T20:00:00.000Z",
        "language": language,
        "url": f"https://mastodon.example.ma/@karim/{number}",
        "content": f"<p>{content}</p>",
        "account": {"acct": "karim", "display_name": "Karim"},
    }


@pytest.fixture
def instance():
    timeline = [
        status(3, "ok 👍 #AtlasTelecom", "fr"),
        status(2, DARIJA, "ar"),
        status(1, "👍 #AtlasTelecom", "fr"),
    ]
    with serve() as server:
        server.route(
            "/api/v1/timelines/tag/AtlasTelecom",
            Reply(json.dumps(timeline, ensure_ascii=False), content_type="application/json"),
        )
        yield server


def stream(client, slug: str, lang: str) -> str:
    return client.get(f"/fr/w/{slug}/mentions/?lang={lang}").content.decode()


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_the_language_mastodon_declares_labels_only_what_is_too_short_to_read(
    login, team, instance, django_capture_on_commit_callbacks
):
    from majlis.listening.scheduling import fetch_now

    Query.objects.create(workspace=team.workspace, name="Marque", text="#AtlasTelecom")
    source = Source.objects.create(
        workspace=team.workspace, kind="mastodon", url=instance.url("/tags/AtlasTelecom")
    )
    with django_capture_on_commit_callbacks(execute=True):
        fetch_now(source)

    languages = dict(Item.objects.values_list("url", "lang"))
    assert languages == {
        "https://mastodon.example.ma/@karim/3": "fr",
        "https://mastodon.example.ma/@karim/2": "ary",
        "https://mastodon.example.ma/@karim/1": "und",  # no letter to check "fr" against
    }
    client = login("analyst")
    slug = team.workspace.slug
    french = stream(client, slug, "fr")
    assert "ok 👍" in french
    assert "كتجاوبش" not in french
    assert "كتجاوبش" in stream(client, slug, "ary")
    assert "كتجاوبش" not in stream(client, slug, "ar")
    assert "ok 👍" not in stream(client, slug, "und")
