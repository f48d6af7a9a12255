"""The web connector: new articles of a watched page, a sitemap, or the posts of a thread."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.web import WebConnector, article_links
from majlis.listening.fetch import FetchError, FetchOptions
from tests.listening.http_server import LoopbackServer, Reply, fixture, serve

OPTIONS = FetchOptions(allow_private=True, timeout=2.0)
HTML = "text/html; charset=utf-8"
PRICES = "/2024/05/03/atlas-telecom-baisse-ses-prix"
HIRING = "/economie/atlas-telecom-recrute-200-techniciens.html"


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        server.route("/", Reply.file("news_home.html", HTML))
        server.route(PRICES, Reply.file("article_prix.html", HTML))
        server.route(HIRING, Reply.file("article_recrute.html", HTML))
        yield server


def read(
    site: LoopbackServer, path: str = "/", state: SourceState | None = None, **kwargs: int
) -> FetchOutcome:
    return WebConnector(**kwargs).fetch(site.url(path), state or SourceState(), OPTIONS)


def test_article_links_are_same_site_article_shaped_and_free_of_tracking() -> None:
    links = article_links(fixture("news_home.html").decode(), "https://www.medias.example.ma/")
    assert links == [
        "https://www.medias.example.ma/2024/05/03/atlas-telecom-baisse-ses-prix",
        "https://www.medias.example.ma/economie/atlas-telecom-recrute-200-techniciens.html",
        "https://www.medias.example.ma/ar/%D8%A3%D8%B7%D9%84%D8%B3-%D8%AA%D9%8A%D9%84%D9%8A%D9%83%D9%88%D9%85-%D8%AA%D9%88%D8%B3%D8%B9",
    ]


def test_new_articles_of_a_watched_page_become_items_with_their_metadata(
    site: LoopbackServer,
) -> None:
    outcome = read(site)
    prices, hiring = outcome.items
    assert prices.url == site.url(PRICES)
    assert prices.title == "Atlas Telecom baisse ses prix de la fibre"
    assert prices.text.startswith("L'opérateur Atlas Telecom a annoncé ce vendredi une baisse")
    assert "Tous droits réservés" not in prices.text
    assert (prices.author, prices.lang_hint, prices.source_name) == (
        "Salma Bennani",
        "fr",
        "Médias Maroc",
    )
    assert prices.published_at == datetime(2024, 5, 3, 7, tzinfo=UTC)
    assert hiring.title == "Atlas Telecom recrute 200 techniciens"
    assert outcome.seen_urls == {site.url(PRICES), site.url(HIRING)}


def test_articles_already_seen_are_not_fetched_again(site: LoopbackServer) -> None:
    outcome = read(site, state=SourceState(seen_urls=frozenset({site.url(PRICES)})))
    assert [item.url for item in outcome.items] == [site.url(HIRING)]
    assert site.hits(PRICES) == 0


def test_the_number_of_articles_read_per_run_is_capped(site: LoopbackServer) -> None:
    assert len(read(site, max_articles=1).items) == 1
    assert site.hits(HIRING) == 0


def test_an_article_that_fails_is_a_warning_and_the_rest_is_read(site: LoopbackServer) -> None:
    site.route(PRICES, Reply("gone", status=410))
    outcome = read(site)
    assert [item.url for item in outcome.items] == [site.url(HIRING)]
    assert outcome.warnings == (f"{site.url(PRICES)}: 127.0.0.1 answered 410 (Gone).",)
    assert site.url(PRICES) in outcome.seen_urls


def test_an_article_that_times_out_is_tried_again_next_run(site: LoopbackServer) -> None:
    site.route(PRICES, Reply("late", delay=3))
    outcome = WebConnector().fetch(
        site.url("/"), SourceState(), FetchOptions(allow_private=True, timeout=0.3)
    )
    assert site.url(PRICES) not in outcome.seen_urls


def test_a_news_sitemap_gives_its_newest_articles_first(site: LoopbackServer) -> None:
    site.route("/sitemap-news.xml", Reply.file("sitemap_news.xml", "application/xml"))
    outcome = read(site, "/sitemap-news.xml")
    assert [item.url for item in outcome.items] == [site.url(PRICES), site.url(HIRING)]


def test_a_sitemap_index_is_followed_to_its_newest_gzipped_sitemap(site: LoopbackServer) -> None:
    site.route("/sitemap.xml", Reply.file("sitemap_index.xml", "application/xml"))
    site.route(
        "/sitemap-news.xml.gz",
        Reply(gzip.compress(fixture("sitemap_news.xml")), content_type="application/gzip"),
    )
    outcome = read(site, "/sitemap.xml", max_articles=1)
    assert [item.url for item in outcome.items] == [site.url(PRICES)]
    assert site.hits("/sitemap-2019.xml") == 0


def test_a_hostile_sitemap_is_refused(site: LoopbackServer) -> None:
    site.route(
        "/sitemap.xml",
        Reply(
            fixture("billion_laughs.xml").replace(b"<rss", b"<urlset"),
            content_type="application/xml",
        ),
    )
    with pytest.raises(FetchError) as caught:
        read(site, "/sitemap.xml")
    assert caught.value.reason == "hostile_xml"


def test_each_post_of_a_forum_thread_is_an_item_without_the_posts_it_quotes(
    site: LoopbackServer,
) -> None:
    site.route("/threads/atlas.42/", Reply.file("forum_xenforo.html", HTML))
    first, reply, official = read(site, "/threads/atlas.42/").items
    assert first.url == site.url("/threads/atlas.42/#js-post-1001")
    assert first.author == "Karim_Casa"
    assert first.title == "Problème de connexion Atlas Telecom | Forum Maroc Tech"
    assert first.published_at == datetime(2024, 5, 3, 8, 12, tzinfo=UTC)
    assert reply.text == "Pareil à Hay Riad, le service client ne répond pas."
    assert official.author == "AtlasTelecom_Officiel"


def test_only_new_posts_of_a_thread_are_returned(site: LoopbackServer) -> None:
    site.route("/t/42", Reply.file("forum_xenforo.html", HTML))
    seen = frozenset({site.url("/t/42#js-post-1001"), site.url("/t/42#js-post-1002")})
    outcome = read(site, "/t/42", SourceState(seen_urls=seen))
    assert [item.author for item in outcome.items] == ["AtlasTelecom_Officiel"]
    assert outcome.seen_urls == {site.url("/t/42#js-post-1003")}


def test_posts_marked_up_with_schema_org_are_found(site: LoopbackServer) -> None:
    site.route("/t/7", Reply.file("forum_microdata.html", HTML))
    question, answer = read(site, "/t/7").items
    assert (question.author, question.text) == ("يوسف", "شنو رأيكم فالأنترنت ديال أطلس تيليكوم؟")
    assert (answer.author, answer.lang_hint) == ("سلمى", "ar")
    assert answer.published_at == datetime(2024, 5, 1, 21, 30, tzinfo=UTC)


def test_a_page_without_posts_or_article_links_is_itself_the_item(site: LoopbackServer) -> None:
    site.route("/communique", Reply.file("plain_page.html", HTML))
    [page] = read(site, "/communique").items
    assert page.url == site.url("/communique")
    assert page.text.startswith("Atlas Telecom et la Fondation Atlas annoncent un partenariat")
    assert read(site, "/communique", SourceState(seen_urls=frozenset({page.url}))).items == []


def test_an_unchanged_page_is_not_read_again(site: LoopbackServer) -> None:
    site.route("/", Reply(status=304))
    outcome = read(site, state=SourceState(etag='"home-1"'))
    assert outcome.not_modified
    assert site.requests[0].headers["if-none-match"] == '"home-1"'


STAMPED = """<html lang="fr"><head><title>Atlas Telecom ouvre une boutique à Fès</title>
<meta name="author" content="{author}">
<meta property="article:published_time" content="{when}"></head>
<body><article><h1>Atlas Telecom ouvre une boutique à Fès</h1>
<p>L'opérateur Atlas Telecom ouvre ce vendredi sa première boutique de la ville de Fès, place
Florence, avec un espace dédié aux offres fibre et aux réclamations des abonnés.</p>
<p>La boutique est ouverte du lundi au samedi, de neuf heures à dix-neuf heures.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("author", "when", "shown_author", "shown_when"),
    [
        ("Par Karim", "2026-11-20T14:00+01:00", "Karim", datetime(2026, 11, 20, 13, tzinfo=UTC)),
        (
            "By Karim Idrissi",
            "2026-11-20T14:00Z",
            "Karim Idrissi",
            datetime(2026, 11, 20, 14, tzinfo=UTC),
        ),
        ("بقلم: كريم", "2026-11-20", "كريم", datetime(2026, 11, 20, tzinfo=UTC)),
        ("Parisa Alaoui", "2026-11-20", "Parisa Alaoui", datetime(2026, 11, 20, tzinfo=UTC)),
    ],
)
def test_an_article_keeps_its_time_of_day_and_its_author_without_the_byline_word(
    site: LoopbackServer, author: str, when: str, shown_author: str, shown_when: datetime
) -> None:
    site.route("/boutique", Reply(STAMPED.format(author=author, when=when), content_type=HTML))
    [article] = read(site, "/boutique").items
    assert (article.author, article.published_at) == (shown_author, shown_when)


def test_a_news_sitemap_gives_the_time_a_page_leaves_out(site: LoopbackServer) -> None:
    site.route(
        "/boutique", Reply(STAMPED.format(author="Karim", when="2026-11-21"), content_type=HTML)
    )
    site.route(
        "/sitemap-news.xml",
        Reply(
            fixture("sitemap_news.xml")
            .replace(b"/2024/05/03/atlas-telecom-baisse-ses-prix", b"/boutique")
            .replace(b"2024-05-03T08:00:00+01:00", b"2026-11-21T04:30+01:00"),
            content_type="application/xml",
        ),
    )
    boutique, hiring = read(site, "/sitemap-news.xml").items
    assert boutique.published_at == datetime(2026, 11, 21, 3, 30, tzinfo=UTC)
    assert hiring.published_at == datetime(2024, 5, 2, 9, tzinfo=UTC)
