"""A community manager reads the mention stream: filters by language and source, sees which
queries each mention matched, and sees when the same story ran in other sources."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from majlis.listening.ingest import Incoming, ingest
from majlis.listening.models import Mention, Query, Source

pytestmark = pytest.mark.usefixtures("fresh_clusters")

STORY = (
    "Atlas Telecom annonce une panne géante du réseau mobile à Casablanca et Rabat ce mardi, "
    "les clients sont privés d'internet depuis le matin et le service client reste injoignable"
)
DARIJA = "الريزو ديال أطلس تيليكوم مقطوع من الصباح، حتى واحد ما جاوبني فالخدمة ديال الزبناء"


class Options(HTMLParser):
    """The (value, label) pairs of one <select>."""

    def __init__(self, select_id: str) -> None:
        super().__init__()
        self.select_id, self.inside, self.options = select_id, False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("id") == self.select_id
        elif tag == "option" and self.inside:
            self.options.append([attrs.get("value"), ""])

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.options:
            self.options[-1][1] += data


def options(page: str, select_id: str) -> list[tuple[str | None, str]]:
    parser = Options(select_id)
    parser.feed(page)
    return [(value, label.strip()) for value, label in parser.options if value != ""]


def carry(source: Source, n: int, text: str, feed_title: str) -> None:
    ingest(
        [
            Incoming(
                url=f"https://site{n}.example/article",
                text=text,
                published_at=datetime(2026, 11, 17, 9, n, tzinfo=UTC),
                source_name=feed_title,
            )
        ],
        only_workspace=source.workspace,
        source=source,
    )


@pytest.fixture
def stream(team):
    """Three sites carry the same outage story; a Darija post comes from a fourth."""
    workspace = team.workspace
    Query.objects.create(workspace=workspace, name="Marque", text='"atlas telecom"')
    Query.objects.create(workspace=workspace, name="Darija", text="أطلس")
    titles = ["Hespress FR - Flux principal", "le360.ma", "Médias24 RSS", "Mastodon #atlas"]
    sources = [
        Source.objects.create(
            workspace=workspace, kind="feed", url=f"https://site{n}.example/feed", name=name
        )
        for n, name in enumerate(["Presse A", "Presse B", "Presse C", "Réseaux"])
    ]
    for n in range(3):
        carry(sources[n], n, f"{STORY}. ({['MAP', 'AFP', 'Reuters'][n]})", titles[n])
    carry(sources[3], 3, DARIJA, titles[3])
    return workspace


def test_the_language_filter_lists_every_language_by_its_name(login, stream):
    page = login("analyst").get("/fr/w/atlas/mentions/").content.decode()

    assert options(page, "f-lang") == [
        ("fr", "Français"),
        ("en", "Anglais"),
        ("ar", "Arabe"),
        ("ary", "Darija (lettres arabes)"),
        ("ary-Latn", "Darija (lettres latines)"),
        ("und", "Indéterminée"),
    ]


def test_choosing_darija_shows_only_darija(login, stream):
    page = login("analyst").get("/fr/w/atlas/mentions/?lang=ary").content.decode()

    assert '<option value="ary" selected>' in page
    assert "الريزو" in page
    assert "panne géante" not in page


def test_each_mention_shows_the_queries_it_matched_as_links(login, stream):
    client = login("analyst")
    page = client.get("/fr/w/atlas/mentions/").content.decode()
    marque = Query.objects.get(name="Marque")
    darija = Query.objects.get(name="Darija")

    chip = f'<a class="chip" href="/fr/w/atlas/mentions/?query={marque.pk}"><bdi>Marque</bdi>'
    assert page.count(chip) == 3
    assert page.count(f"?query={darija.pk}") == 1
    filtered = client.get(f"/fr/w/atlas/mentions/?query={darija.pk}").content.decode()
    assert "الريزو" in filtered
    assert "panne géante" not in filtered


def test_a_story_three_sources_carried_says_also_in_two_others(login, stream):
    client = login("analyst")
    page = client.get("/fr/w/atlas/mentions/").content.decode()

    assert page.count("également dans 2 autres sources") == 3
    key = Mention.objects.filter(item__url="https://site0.example/article").get().item.cluster_key
    assert f"?cluster={key}" in page
    cluster = client.get(f"/fr/w/atlas/mentions/?cluster={key}").content.decode()
    assert cluster.count("panne géante") == 3
    assert "الريزو" not in cluster


def test_counting_other_sources_takes_the_same_queries_however_long_the_page(login, stream):
    client = login("analyst")
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/w/atlas/mentions/")
    others = Source.objects.create(workspace=stream, kind="feed", url="https://more.example/")
    for n in range(4, 10):
        carry(others, n, f"Autre sujet numéro {n} sur Atlas Telecom et ses tarifs", "more.example")
    with CaptureQueriesContext(connection) as many:
        client.get("/fr/w/atlas/mentions/")

    assert len(many) == len(few)


def test_rows_and_the_source_filter_use_the_name_given_to_the_source(login, stream):
    client = login("analyst")
    page = client.get("/fr/w/atlas/mentions/").content.decode()
    presse_a = Source.objects.get(name="Presse A")

    assert '<bdi class="source">Presse A</bdi> <small>(<bdi>Hespress FR - Flux principal' in page
    assert (str(presse_a.pk), "Presse A") in options(page, "f-source")
    assert "Hespress FR - Flux principal" not in dict(options(page, "f-source")).values()
    only_a = client.get(f"/fr/w/atlas/mentions/?source={presse_a.pk}").content.decode()
    assert only_a.count("panne géante") == 1
    assert "Presse B" not in only_a.split('id="stream"')[1]


def test_the_search_box_says_it_is_not_the_query_language(login, stream):
    page = login("analyst").get("/fr/w/atlas/mentions/").content.decode()

    assert "Mots à chercher dans le texte ; pour une requête, utilisez Requêtes" in page


def test_the_arabic_stream_reads_right_to_left_in_arabic(login, stream):
    page = login("analyst").get("/ar/w/atlas/mentions/").content.decode()

    assert 'dir="rtl"' in page
    assert ("ary", "الدارجة (بحروف عربية)") in options(page, "f-lang")
    assert page.count("أيضًا في مصدرين آخرين") == 3
    assert "كلمات يُبحث عنها في النص" in page


def test_a_row_redrawn_after_tagging_keeps_its_queries_and_other_sources(login, stream):
    mention = Mention.objects.get(item__url="https://site0.example/article")

    row = (
        login("agent")
        .post(
            f"/fr/w/atlas/mentions/{mention.pk}/",
            {"action": "tag", "tag": "panne"},
            HTTP_HX_REQUEST="true",
        )
        .content.decode()
    )

    assert '<span class="tag">panne</span>' in row
    assert "<bdi>Marque</bdi>" in row
    assert "également dans 2 autres sources" in row
