from html.parser import HTMLParser

import pytest

from majlis.text.html_clean import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html


class _Markup(HTMLParser):
    """Records every tag and attribute that a browser would build from the cleaned HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def markup_of(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_harmless(cleaned: str) -> None:
    for tag, attrs in markup_of(cleaned):
        assert tag in ALLOWED_TAGS, cleaned
        for name, value in attrs.items():
            if tag == "a" and name == "rel":
                assert value == "nofollow ugc"
                continue
            assert name in ALLOWED_ATTRIBUTES.get(tag, ()), cleaned
            if name in {"href", "cite"}:
                scheme = value.split(":", 1)[0].strip().lower()
                assert scheme in {"http", "https", "mailto"}, cleaned


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b onmouseover=alert(1)>hover</b>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href=" JaVaScRiPt:alert(1)">click</a>',
    '<a href="java\tscript:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="//evil.example/">protocol-relative</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<b style="background:url(javascript:alert(1))">styled</b>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<form action="https://evil.example/"><input name=q><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<p title="</p><script>alert(1)</script>">quoted</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<img src="x" onerror=\'alert("1")\'',
    '<a href="https://ok.example/" onclick="alert(1)" style="color:red">ok</a>',
    '<blockquote cite="javascript:alert(1)">q</blockquote>',
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<body onload=alert(1)>",
    "<div onpointerover=alert(1)>div</div>",
    "<template><script>alert(1)</script></template>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_nothing_executable_survives(payload):
    cleaned = clean_html(payload)

    assert_harmless(cleaned)
    assert "<script" not in cleaned.lower()
    assert "javascript:" not in cleaned.lower()


def test_script_and_style_lose_their_content_too():
    assert clean_html("before<script>alert(1)</script>after") == "beforeafter"
    assert clean_html("a<style>b{}</style>c") == "ac"


def test_allowed_markup_is_kept_as_written():
    html = (
        "<b>gras</b> <strong>fort</strong> <i>it</i> <em>em</em> <code>x = 1</code> "
        '<abbr title="Office national des chemins de fer">ONCF</abbr> '
        '<acronym title="Royal Air Maroc">RAM</acronym> <cite>Le Matin</cite> '
        '<del datetime="2024-05-01">ancien</del> <s>barré</s> <strike>aussi</strike> '
        '<q cite="https://example.ma/source">citation</q> '
        '<blockquote cite="https://example.ma/">bloc</blockquote>'
    )

    assert clean_html(html) == html


def test_links_keep_their_target_and_become_nofollow_ugc():
    cleaned = clean_html('<a href="https://example.ma/offre" title="Offre">voir</a>')

    assert cleaned == (
        '<a href="https://example.ma/offre" title="Offre" rel="nofollow ugc">voir</a>'
    )


def test_a_commenter_cannot_choose_the_rel_or_the_target_of_a_link():
    cleaned = clean_html('<a href="http://x.example/" rel="dofollow" target="_blank">x</a>')

    assert markup_of(cleaned) == [("a", {"href": "http://x.example/", "rel": "nofollow ugc"})]


def test_mailto_links_are_allowed():
    assert 'href="mailto:contact@example.ma"' in clean_html(
        '<a href="mailto:contact@example.ma">écrire</a>'
    )


def test_a_link_with_a_forbidden_scheme_keeps_its_text_but_not_its_target():
    assert clean_html('<a href="javascript:alert(1)">cliquez</a>') == (
        '<a rel="nofollow ugc">cliquez</a>'
    )


def test_other_tags_are_removed_but_their_text_is_kept():
    assert clean_html("<p>Bonjour <span>à tous</span></p><h1>Titre</h1>") == "Bonjour à tousTitre"


def test_unclosed_tags_are_closed():
    assert clean_html("<b>gras <i>italique") == "<b>gras <i>italique</i></b>"


def test_plain_text_with_angle_brackets_is_escaped_not_lost():
    assert clean_html("3 < 5 et 7 > 2") == "3 &lt; 5 et 7 &gt; 2"


def test_arabic_and_emoji_text_pass_through():
    text = "<b>شكرا</b> على الخدمة 👍"

    assert clean_html(text) == text
