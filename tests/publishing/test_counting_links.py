"""What counts as a link, as twitter-text sees it (X, and Mastodon's server).

Cases restated from twitter-text's extraction conformance suite (extract.yml).
"""

from __future__ import annotations

import pytest

from majlis.publishing.rules.urls import find_urls


def links(text: str, *, scheme_required: bool = False) -> list[str]:
    return [text[start:end] for start, end in find_urls(text, scheme_required=scheme_required)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("text http://google.com", ["http://google.com"]),
        ("test http://example.comだよね.comtest/hogehoge", ["http://example.com"]),
        (
            "text http://en.wikipedia.org/wiki/Primer_(film)",
            ["http://en.wikipedia.org/wiki/Primer_(film)"],
        ),
        ("text http://no-tld", []),
        ("text http://foo.com?#foo text", ["http://foo.com?#foo"]),
        (
            "foo.com foo.net foo.org foo.edu foo.gov",
            ["foo.com", "foo.net", "foo.org", "foo.edu", "foo.gov"],
        ),
        (
            "foo.baz foo.co.jp www.xxxxxxx.baz www.foo.co.uk wwwww.xxxxxxx foo.comm foo.jp",
            ["foo.co.jp", "www.foo.co.uk", "foo.jp"],
        ),
        ("t.co/abcde bit.ly/abcde", ["t.co/abcde", "bit.ly/abcde"]),
        ("@user Try http:// example.com/path", ["example.com/path"]),
        (
            "これは日本語です。example.com/path/index.html中国語example.com/path한국",
            ["example.com/path/index.html", "example.com/path"],
        ),
        ("Hello http://xn--はじめよう.com/index.html", []),
        ("text http://domain-dash_2314352345_dfasd.foo-cow_4352.com", []),
        ("MLB.tv vine.co twitch.tv t.co", ["MLB.tv", "vine.co", "twitch.tv", "t.co"]),
        ("test ELPAÍS.com", ["ELPAÍS.com"]),
        ("test http://twitter.com/.", ["http://twitter.com/"]),
        ("Test a ton of periods http://example.com/path" + "." * 40, ["http://example.com/path"]),
        ("#test.com @test.com #http://test.com @http://test.com #t.co/abcde @t.co/abcde", []),
        ("I really like http://t.co/pbY2NfTZ's website", ["http://t.co/pbY2NfTZ"]),
        ("example.comてすとですtwitter.みんなです", ["example.com", "twitter.みんな"]),
        ("$http://twitter.com $twitter.com $t.co/abcde $TVI.CA", []),
        ("long.test.tar.bz2 test.tar.bz2 tar.bz2", []),
        ("john.doe.gov@mail.com", []),
        (
            "test http://foobar.みんな/ http://foobar.中国/ http://foobar.پاکستان/ ",
            ["http://foobar.みんな/", "http://foobar.中国/", "http://foobar.پاکستان/"],
        ),
        (
            "\u2066\u202atest abcdef.com پاکستان http://twitter.com/\u202c\u2069",
            ["abcdef.com", "http://twitter.com/"],
        ),
    ],
)
def test_links_are_found_as_twitter_text_finds_them(text: str, expected: list[str]) -> None:
    assert links(text) == expected


def test_a_moroccan_domain_without_scheme_is_a_link_but_the_full_stop_after_it_is_not() -> None:
    text = "Infos sur maroc.ma ou https://www.maroc.ma/fr/actualites."
    assert links(text) == ["maroc.ma", "https://www.maroc.ma/fr/actualites"]


def test_an_arabic_idn_domain_with_a_scheme_is_a_link() -> None:
    assert links("زوروا http://موقع.المغرب/ اليوم") == ["http://موقع.المغرب/"]


def test_requiring_a_scheme_skips_bare_domains() -> None:
    assert links("voir maroc.ma et https://maroc.ma", scheme_required=True) == ["https://maroc.ma"]
