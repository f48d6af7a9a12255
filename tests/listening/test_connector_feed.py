"""The feed connector: RSS, Atom and JSON Feed as a community manager's stream sees them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.feed import FeedConnector
from majlis.listening.fetch import FetchError, FetchOptions
from tests.listening.http_server import LoopbackServer, Reply, Seen, serve

OPTIONS = FetchOptions(allow_private=True, timeout=2.0)
XML = "application/rss+xml"


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        yield server


def read(site: LoopbackServer, path: str, state: SourceState | None = None) -> FetchOutcome:
    return FeedConnector().fetch(site.url(path), state or SourceState(), OPTIONS)


def refusal(site: LoopbackServer, path: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        read(site, path)
    return caught.value


def serve_file(site: LoopbackServer, name: str, content_type: str = XML) -> str:
    site.route(f"/{name}", Reply.file(name, content_type))
    return f"/{name}"


def test_an_rss_feed_gives_plain_text_items_with_author_date_and_language(
    site: LoopbackServer,
) -> None:
    [fiber, tangier, _] = read(site, serve_file(site, "rss2_fr.xml")).items
    assert fiber.url == "https://lematin-eco.example.ma/tech/atlas-telecom-fibre-fes"
    assert fiber.title == "Atlas Telecom lance la fibre à Fès"
    assert fiber.text == (
        "L'opérateur Atlas Telecom annonce la fibre à Fès.\n\n"
        "Les premiers foyers seront raccordés en juin."
    )
    assert fiber.author == "Salma Bennani"
    assert fiber.published_at == datetime(2024, 5, 2, 9, 30, tzinfo=UTC)
    assert (fiber.source_name, fiber.lang_hint) == ("Le Matin Éco", "fr-MA")
    assert tangier.url == site.url("/tech/5g-tanger")


def test_an_item_whose_link_is_javascript_gets_an_address_on_the_feed(
    site: LoopbackServer,
) -> None:
    trapped = read(site, serve_file(site, "rss2_fr.xml")).items[2]
    assert trapped.title == "Lien piégé"
    assert trapped.url.startswith(site.url("/rss2_fr.xml#"))
    assert "javascript" not in trapped.url


def test_an_atom_feed_gives_plain_titles_and_utc_dates(site: LoopbackServer) -> None:
    [outage, note] = read(site, serve_file(site, "atom_en.xml")).items
    assert outage.title == "Atlas Telecom outage in Casablanca"
    assert outage.text == "Customers reported no signal for three hours."
    assert outage.published_at == datetime(2024, 5, 3, 7, 15, tzinfo=UTC)
    assert (outage.author, outage.lang_hint) == ("Youssef Alaoui", "en")
    assert datetime.now(UTC) - note.published_at < timedelta(minutes=1)


def test_an_rss_1_0_feed_is_read(site: LoopbackServer) -> None:
    [post] = read(site, serve_file(site, "rss1_rdf.xml")).items
    assert (post.title, post.author, post.lang_hint) == ("Atlas reseau zwin bzaf", "Hamza", "ary")
    assert post.published_at == datetime(2024, 5, 2, 18, 0, tzinfo=UTC)


def test_an_rss_0_91_feed_is_read_without_fetching_its_dtd(site: LoopbackServer) -> None:
    [post] = read(site, serve_file(site, "rss091_netscape.xml")).items
    assert post.title == "Atlas Telecom ouvre une agence à Oujda"
    assert post.text == "Inauguration prévue lundi."
    assert len(site.requests) == 1


def test_a_json_feed_is_read_and_its_odd_items_are_skipped_or_anchored(
    site: LoopbackServer,
) -> None:
    items = read(site, serve_file(site, "json_feed_ar.json", "application/feed+json")).items
    assert [item.text for item in items] == [
        "أعلنت أطلس تيليكوم عن إطلاق شبكة الجيل الخامس في الرباط.",
        "تغريدة بلا عنوان ولا رابط",
        "نص",
    ]
    assert items[0].url == "https://tech.example.ma/atlas-5g"
    assert (items[0].author, items[0].lang_hint, items[0].source_name) == (
        "سارة",
        "ar",
        "هسبريس تقنية",
    )
    assert items[0].published_at == datetime(2024, 5, 2, 11, 0, tzinfo=UTC)
    assert items[1].author == "هيئة التحرير"
    assert all(item.url.startswith(("https://tech.example.ma/", site.url("/"))) for item in items)


def test_an_unchanged_feed_is_not_modified_and_sends_its_validators(site: LoopbackServer) -> None:
    def conditional(seen: Seen) -> Reply:
        return Reply(status=304) if seen.headers.get("if-none-match") == '"v7"' else Reply("?")

    site.route("/feed", conditional)
    outcome = read(site, "/feed", SourceState(etag='"v7"'))
    assert (outcome.not_modified, outcome.items, outcome.etag) == (True, [], '"v7"')


def test_a_feed_returns_its_new_validators(site: LoopbackServer) -> None:
    site.route("/feed", Reply.file("empty_feed.xml", XML, headers={"ETag": '"v8"'}))
    assert read(site, "/feed").etag == '"v8"'


def test_an_arabic_feed_in_windows_1256_that_claims_utf_8_reads_as_arabic(
    site: LoopbackServer,
) -> None:
    site.route("/feed", Reply.file("arabic_cp1256_claims_utf8.xml", "text/xml; charset=utf-8"))
    [item] = read(site, "/feed").items
    assert (item.title, item.source_name) == ("أطلس تيليكوم ترفع الأسعار", "جريدة الشمال")


def test_an_arabic_feed_in_windows_1256_without_any_declaration_reads_as_arabic(
    site: LoopbackServer,
) -> None:
    site.route("/feed", Reply.file("arabic_cp1256_undeclared.xml", "text/xml"))
    assert read(site, "/feed").items[0].text == "غضب الزبناء في طنجة بعد الزيادة"


def test_a_billion_laughs_feed_is_refused_as_hostile_at_once(site: LoopbackServer) -> None:
    started = time.monotonic()
    error = refusal(site, serve_file(site, "billion_laughs.xml"))
    assert error.reason == "hostile_xml"
    assert error.message.endswith("declares XML entities; Majlis refuses such XML.")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("name", ["xxe_passwd.xml", "xxe_parameter.xml"])
def test_a_feed_with_an_external_entity_is_refused_and_never_reads_the_file(
    site: LoopbackServer, name: str
) -> None:
    error = refusal(site, serve_file(site, name))
    assert error.reason == "hostile_xml"
    assert "root:" not in error.message


def test_a_malformed_feed_keeps_the_items_it_still_has(site: LoopbackServer) -> None:
    items = read(site, serve_file(site, "malformed_with_items.xml")).items
    assert [item.title for item in items] == ["Avis sur Atlas Telecom & la 4G", "Deuxième sujet"]
    assert items[0].text == "Le débit est correct mais\ninstable."


def test_a_feed_broken_beyond_repair_is_a_parse_error(site: LoopbackServer) -> None:
    error = refusal(site, serve_file(site, "broken.xml"))
    assert error.reason == "parse_error"
    assert "is not a readable feed" in error.message


def test_an_empty_feed_has_no_items_and_no_error(site: LoopbackServer) -> None:
    assert read(site, serve_file(site, "empty_feed.xml")).items == []


def test_an_empty_answer_is_not_a_feed(site: LoopbackServer) -> None:
    site.route("/feed", Reply(b"", content_type=XML))
    assert refusal(site, "/feed").message == f"{site.url('/feed')} answered an empty document."


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('{"hello": "world"}', "not_a_feed"),
        ("[" * 100_000 + "]" * 100_000, "parse_error"),
        ("{not json", "parse_error"),
        ("<svg xmlns='http://www.w3.org/2000/svg'/>", "not_a_feed"),
        ("\x00\x01\x02 binary", "parse_error"),
    ],
)
def test_answers_that_are_not_feeds_are_reported_with_a_reason(
    site: LoopbackServer, body: str, reason: str
) -> None:
    content_type = "application/json" if body.startswith(("{", "[")) else "application/xml"
    site.route("/feed", Reply(body, content_type=content_type))
    assert refusal(site, "/feed").reason == reason


def test_a_home_page_leads_to_the_feed_it_declares(site: LoopbackServer) -> None:
    serve_file(site, "home_with_feed_link.html", "text/html; charset=utf-8")
    site.route("/feeds/main.xml", Reply.file("rss2_fr.xml", XML))
    site.route("/comments/feed.xml", Reply.file("empty_feed.xml", XML))
    outcome = read(site, "/home_with_feed_link.html")
    assert outcome.feed_url == site.url("/feeds/main.xml")
    assert outcome.items[0].title == "Atlas Telecom lance la fibre à Fès"
    assert site.hits("/comments/feed.xml") == 0


def test_a_home_page_without_a_feed_link_is_tried_at_the_usual_addresses(
    site: LoopbackServer,
) -> None:
    site.route("/", Reply.file("home_without_feed.html", "text/html"))
    site.route("/rss.xml", Reply.file("atom_en.xml", "application/atom+xml"))
    outcome = read(site, "/")
    assert outcome.feed_url == site.url("/rss.xml")
    assert len(outcome.items) == 2


def test_a_home_page_with_no_feed_anywhere_says_so(site: LoopbackServer) -> None:
    site.route("/", Reply.file("home_without_feed.html", "text/html"))
    error = refusal(site, "/")
    assert error.reason == "not_a_feed"
    assert error.message.startswith(f"{site.url('/')} is a web page, and no feed was found")
