"""A new query looks back: its test and its first mentions come from the last 30 days of what
the workspace's sources already collected, not only from what earlier queries matched."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.core import jobs
from majlis.core.models import Workspace
from majlis.listening import backfill
from majlis.listening.ingest import UNMATCHED, Incoming, ingest
from majlis.listening.models import Mention, Query, Source

pytestmark = pytest.mark.usefixtures("fresh_clusters")

ORANGE = "Orange lance la 5G à Casablanca"


def collect(source, path, title, text, days_ago):
    """What the source's fetch does with an item it read."""
    entry = Incoming(
        url=f"{source.url.rsplit('/', 1)[0]}/{path}",
        title=title,
        text=text,
        published_at=timezone.now() - timedelta(days=days_ago),
    )
    return ingest([entry], source=source)


@pytest.fixture
def feed(team):
    return Source.objects.create(
        workspace=team.workspace, kind="feed", url="https://news.example/rss.xml"
    )


def new_query(client, team, text, capture):
    with capture(execute=True):
        response = client.post(
            f"/fr/w/{team.workspace.slug}/queries/new/",
            {"name": text, "group": "brand", "text": text, "active": "on"},
        )
    assert response.status_code == 302
    return Query.objects.get(workspace=team.workspace, text=text)


def test_a_new_query_brings_in_what_the_sources_already_collected(
    login, team, feed, django_capture_on_commit_callbacks
):
    # GIVEN an article the feed read before any query wanted it
    assert collect(feed, "orange-5g", ORANGE, "L'opérateur étend son réseau.", 2) == [UNMATCHED]
    client = login("manager")
    slug = team.workspace.slug

    # WHEN the manager tests, then saves, a query that matches it
    tested = client.post(f"/fr/w/{slug}/queries/test/", {"text": "orange"}).content.decode()
    assert "1 élément correspond, sur 1 des 30 derniers jours" in tested
    assert ORANGE in tested
    query = new_query(client, team, "orange", django_capture_on_commit_callbacks)

    # THEN it is a mention, as the listening path would have made it, and the stream shows it
    mention = Mention.objects.get(workspace=team.workspace)
    assert mention.item.url == "https://news.example/orange-5g"
    assert list(mention.queries.all()) == [query]
    assert mention.sentiment in {"negative", "neutral", "positive"}
    assert ORANGE in client.get(f"/fr/w/{slug}/mentions/").content.decode()
    assert "1 mention trouvée" in client.get(f"/fr/w/{slug}/queries/").content.decode()

    # and running it again finds it again without storing it twice
    with django_capture_on_commit_callbacks(execute=True):
        backfill.start(query)
    assert Mention.objects.filter(workspace=team.workspace).count() == 1
    assert mention.queries.count() == 1


def test_an_edited_query_joins_the_mentions_it_now_matches(
    login, team, feed, django_capture_on_commit_callbacks
):
    client = login("manager")
    first = new_query(client, team, "orange", django_capture_on_commit_callbacks)
    collect(feed, "orange-5g", ORANGE, "L'opérateur étend son réseau.", 2)
    second = new_query(client, team, "casablanca", django_capture_on_commit_callbacks)
    mention = Mention.objects.get(workspace=team.workspace)
    assert set(mention.queries.all()) == {first, second}


def test_items_older_than_30_days_are_left_alone(
    login, team, feed, django_capture_on_commit_callbacks
):
    collect(feed, "old", "Orange, il y a deux mois", "Archives.", 40)
    collect(feed, "new", "Orange cette semaine", "Actualité.", 29)
    client = login("manager")
    tested = client.post(f"/fr/w/{team.workspace.slug}/queries/test/", {"text": "orange"})
    assert "Orange, il y a deux mois" not in tested.content.decode()
    new_query(client, team, "orange", django_capture_on_commit_callbacks)
    found = Mention.objects.filter(workspace=team.workspace).values_list("item__url", flat=True)
    assert list(found) == ["https://news.example/new"]


def test_an_arabic_query_finds_the_word_under_its_proclitics(
    login, team, feed, django_capture_on_commit_callbacks
):
    collect(feed, "ar/1", "انقطاع الشبكة", "اشتكى المشتركون من انقطاع وبالخطوط الثابتة.", 1)
    query = new_query(login("manager"), team, "الخطوط", django_capture_on_commit_callbacks)
    assert list(Mention.objects.get(workspace=team.workspace).queries.all()) == [query]


def test_another_workspaces_private_items_stay_out_of_the_test(login, team):
    elsewhere = Source.objects.create(
        workspace=Workspace.objects.get(slug="elsewhere"),
        kind="imap",
        url="imaps://press@mail.example/INBOX",
        credentials="sealed",
    )
    collect(elsewhere, "secret", "Orange : le contrat", "Confidentiel.", 1)
    Source.objects.create(workspace=team.workspace, kind="imap", url=elsewhere.url)
    tested = login("manager").post(f"/fr/w/{team.workspace.slug}/queries/test/", {"text": "orange"})
    assert "Orange : le contrat" not in tested.content.decode()


def test_renaming_a_query_does_not_search_again(login, team, feed):
    query = Query.objects.create(workspace=team.workspace, name="Orange", text="orange")
    response = login("manager").post(
        f"/fr/w/{team.workspace.slug}/queries/{query.pk}/",
        {"name": "Opérateur", "group": "brand", "text": "orange", "active": "on"},
    )
    assert response.status_code == 302
    assert not backfill.latest([query])


def test_the_queries_page_says_the_search_is_running_then_what_it_found(login, team, feed):
    collect(feed, "orange-5g", ORANGE, "L'opérateur étend son réseau.", 2)
    client = login("manager")
    client.post(
        f"/ar/w/{team.workspace.slug}/queries/new/",
        {"name": "Orange", "group": "brand", "text": "orange", "active": "on"},
    )  # the job is queued, not run: no worker in this test yet
    page = client.get(f"/fr/w/{team.workspace.slug}/queries/").content.decode()
    assert "Recherche dans les 30 derniers jours…" in page
    query = Query.objects.get(workspace=team.workspace)
    assert jobs.execute(backfill.latest([query])[query.pk].pk) == "done"  # as the worker does
    assert (
        "عُثر على إشارة واحدة"
        in client.get(f"/ar/w/{team.workspace.slug}/queries/").content.decode()
    )
