"""Whatever a client or a spammer sends, Majlis answers the protocol and shows nothing that runs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from majlis.moderation.comment import MAX_CONTENT
from majlis.moderation.models import Item
from tests.moderation.conftest import BLOG, akismet, comment

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">gagner</a>',
    '<a href="java\tscript:alert(1)">gagner</a>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>",
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
    '<b onmouseover="alert(1)">survol</b>',
    '<a href="https://ok.example" style="position:fixed">lien</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]
DANGEROUS_TAGS = {"script", "iframe", "svg", "math", "style", "object", "embed", "img", "noscript"}


class Markup(HTMLParser):
    """Every element and attribute of a page, as a browser would build them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def executable_parts(html: str) -> list[str]:
    parser = Markup()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in DANGEROUS_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"{tag} {name}")
            if name in ("href", "src", "cite") and not re.match(
                r"^(https?:|mailto:|/|\?|#)", value
            ):
                found.append(f"{tag} {name}={value!r}")
    return found


def _queue_html(client, login, status) -> str:
    page = login("agent").get(f"/fr/w/atlas/moderation/?status={status}")
    assert page.status_code == 200
    return str(page.content.decode()).split("<main>", 1)[1]


def test_classic_xss_payloads_reach_the_queue_harmless(client, login, blog):
    for payload in XSS:
        fields = comment(
            blog.key, comment_content=f"Bonjour {payload} merci", comment_author=payload
        )
        akismet(client, "comment-check", fields)
    html = _queue_html(client, login, "pending") + _queue_html(client, login, "approved")
    html += _queue_html(client, login, "spam")
    assert html.count('class="item ') == len(XSS)
    assert executable_parts(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the author's name, shown as text


def test_allowed_markup_stays_and_links_are_marked_ugc(client, login, blog):
    fields = comment(
        blog.key, comment_content='Voir <a href="https://atlas.ma/aide">l’aide</a>, <b>merci</b>'
    )
    item = Item.objects.get(public_id=akismet(client, "comment-check", fields)["X-Majlis-Item"])
    assert item.content_html == (
        'Voir <a href="https://atlas.ma/aide" rel="nofollow ugc">l’aide</a>, <b>merci</b>'
    )


def test_oversized_fields_are_cut_not_refused(client, blog):
    fields = comment(
        blog.key,
        comment_content="spam " * 50_000,
        comment_author="A" * 5000,
        comment_author_email="a" * 5000 + "@example.com",
        user_agent="U" * 10_000,
        permalink=BLOG + "/" + "p" * 10_000,
        **{f"HTTP_X_{n}": "v" * 5000 for n in range(120)},
    )
    response = akismet(client, "comment-check", fields)
    assert response.content in (b"true", b"false")
    item = Item.objects.get(public_id=response["X-Majlis-Item"])
    assert len(item.content) == MAX_CONTENT
    assert len(item.author) == 255
    assert len(item.user_agent) == 500
    assert len(item.permalink) == 2000
    assert len(item.extra) <= 100
    assert all(len(value) <= 1000 for value in item.extra.values())


def test_a_body_over_a_mebibyte_is_refused_politely(client, blog):
    response = akismet(client, "comment-check", comment(blog.key, comment_content="x" * 1_100_000))
    assert response.status_code == 413
    assert "X-akismet-debug-help" in response
    assert not Item.objects.exists()


def _form(fields: dict[str, str], charset: str) -> bytes:
    from urllib.parse import quote_from_bytes

    return b"&".join(
        name.encode() + b"=" + quote_from_bytes(value.encode(charset)).encode()
        for name, value in fields.items()
    )


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("ISO-8859-1", "Très déçu du réseau à Fès, aucun débit après 20h."),
        ("windows-1256", "الخدمة ديال الانترنت ضعيفة بزاف فهاد الأيام"),
        ("UTF-8", "مرحبا، الكونيكسيون مزيانة دابا ✅"),
    ],
)
def test_a_comment_is_read_in_the_charset_the_blog_declares(client, blog, charset, text):
    fields = comment(blog.key, comment_content=text, blog_charset=charset)
    body = _form(fields, charset)
    response = client.post(
        "/1.1/comment-check", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.content == b"false"
    assert Item.objects.get(public_id=response["X-Majlis-Item"]).content == text


def test_bytes_that_do_not_decode_become_replacement_characters(client, blog):
    body = _form(comment(blog.key, comment_content="placeholder"), "utf-8").replace(
        b"placeholder", b"caf%E9%FF%FE ok"
    )
    response = client.post(
        "/1.1/comment-check", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.content in (b"true", b"false")
    assert Item.objects.get().content == "caf\ufffd\ufffd\ufffd ok"


def test_an_unknown_charset_falls_back_to_utf8(client, blog):
    fields = comment(blog.key, comment_content="Très bien", blog_charset="klingon-8")
    response = akismet(client, "comment-check", fields)
    assert response.content == b"false"
    assert Item.objects.get().content == "Très bien"


def test_nul_bytes_are_dropped(client, blog):
    response = akismet(client, "comment-check", comment(blog.key, comment_content="a\x00b"))
    assert response.content == b"false"
    assert Item.objects.get().content == "ab"


def test_an_empty_request_is_told_what_is_missing(client, blog):
    response = client.post(
        "/1.1/comment-check", b"", content_type="application/x-www-form-urlencoded"
    )
    assert response.content == b"invalid"
    assert response["X-akismet-debug-help"] == 'Empty "api_key" value'


def test_a_comment_with_nothing_but_the_required_fields_is_judged(client, blog):
    response = akismet(
        client, "comment-check", {"api_key": blog.key, "blog": BLOG, "user_ip": "1.2.3.4"}
    )
    assert response.content in (b"true", b"false")
