"""Text from bytes: Arabic and French read right whatever the source claimed."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import pytest

from majlis.listening.fetch import fetch
from majlis.listening.fetch.charset import decode_text
from tests.listening.http_server import LoopbackServer, Reply, serve

ARABIC = "أطلس تيليكوم ترفع الأسعار"
FRENCH = "Atlas Télécom à Fès, où ça coûte cher"


def test_the_http_charset_is_used_first() -> None:
    assert decode_text(FRENCH.encode("latin-1"), "text/html; charset=ISO-8859-1") == FRENCH


def test_the_xml_declaration_is_used_when_the_header_says_nothing() -> None:
    body = f'<?xml version="1.0" encoding="windows-1256"?><t>{ARABIC}</t>'.encode("cp1256")
    assert ARABIC in decode_text(body, "application/xml")


def test_the_html_meta_charset_is_used_when_the_header_says_nothing() -> None:
    body = f'<html><head><meta charset="windows-1256"></head><p>{ARABIC}</p>'.encode("cp1256")
    assert ARABIC in decode_text(body, "text/html")


def test_a_byte_order_mark_wins_over_a_wrong_label() -> None:
    assert decode_text(codecs.BOM_UTF8 + FRENCH.encode(), "text/plain; charset=latin-1") == FRENCH
    assert decode_text(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")) == ARABIC


def test_arabic_in_windows_1256_that_claims_utf_8_is_still_arabic() -> None:
    assert decode_text(ARABIC.encode("cp1256"), "text/xml; charset=utf-8") == ARABIC


def test_undeclared_windows_1256_arabic_is_recognised() -> None:
    assert decode_text(ARABIC.encode("cp1256")) == ARABIC


def test_undeclared_latin_1_french_stays_french() -> None:
    assert decode_text(FRENCH.encode("latin-1")) == FRENCH


def test_an_unknown_label_is_skipped() -> None:
    assert decode_text(FRENCH.encode(), "text/plain; charset=klingon") == FRENCH


@pytest.fixture
def site() -> Iterator[LoopbackServer]:
    with serve() as server:
        yield server


def test_a_served_feed_in_windows_1256_reads_as_arabic(site: LoopbackServer) -> None:
    site.route("/feed", Reply.file("arabic_cp1256_claims_utf8.xml", "text/xml; charset=utf-8"))
    text = fetch(site.url("/feed"), allow_private=True).text
    assert "أطلس تيليكوم ترفع الأسعار" in text
