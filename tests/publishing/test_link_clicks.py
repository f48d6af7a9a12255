"""The clicks of Majlis short links: shown on the post's page, and only people's clicks count.

Link previewers (every network fetches a new post's links to draw its card) and crawlers still
get the redirect, so previews work, but they are not clicks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from django.test import Client

from majlis.publishing.models import Post, PostState, ShortLink

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
BROWSERS = [
    FIREFOX,
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.6478.122 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    # Someone tapping the link inside the Facebook, Instagram or LinkedIn app.
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.33.116;FBDV/iPhone14,5;"
    "FBMD/iPhone;FBSN/iOS;FBSV/17.1;FBLC/fr_FR]",
    "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.66 Mobile Safari/537.36 "
    "Instagram 307.0.0.34.111 Android (33/13; 450dpi; 1080x2177; samsung; SM-A536B; fr_FR)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.7571",
]
PREVIEWERS = [
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Facebot",
    "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
    "Twitterbot/1.0",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Slackbot 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "TelegramBot (like TwitterBot)",
    "WhatsApp/2.23.20.0 A",
    "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
    "Iframely/1.3.1 (+https://iframely.com/docs/about)",
    "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
    "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)",
    "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)",
    "Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)",
    "http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Bluesky Cardyb/1.1; "
    "+mailto:support@bsky.app) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
    "Mozilla/5.0 (compatible; SomeNewCrawler/0.1)",
    "acme-spider/2.0",
    "LinkPreview/1.0",
    "",
    "   ",
]
HOSTILE_USER_AGENTS = [
    "Mozilla/5.0 " + "A" * 10_000,
    "Mozilla/5.0\x00\x01\x1b[31m\x7f (X11)",
    "Mozilla/5.0 (Linux; مرحبا ☃ 𝔐𝔞𝔧𝔩𝔦𝔰) \u202eetirovaf",
    "bot" * 3_400,
]


class Table(HTMLParser):
    """The rows of the section under `heading`, as a reader sees them, and the links it holds."""

    def __init__(self, heading: str) -> None:
        super().__init__()
        self.heading = heading
        self.rows: list[list[str]] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self._where = ""  # "h2" while reading a heading, "section" inside ours, "cell" in a cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2" and not self._where:
            self._where = "h2"
        if self._where not in ("section", "cell"):
            return
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self._where = "cell"
        elif tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._where == "h2":
            self._where = ""
        elif tag in ("td", "th") and self._where == "cell":
            self._where = "section"
        elif tag == "section":
            self._where = ""

    def handle_data(self, data: str) -> None:
        if self._where == "h2" and data == self.heading:
            self._where = "section"
        elif self._where == "cell":
            self.rows[-1][-1] = (self.rows[-1][-1] + data).strip()


def links_section(html: str, heading: str) -> Table:
    table = Table(heading)
    table.feed(html)
    return table


@pytest.fixture
def post(team) -> Post:
    return Post.objects.create(
        workspace=team.workspace,
        author=team.agent,
        text="Voir https://atlas.ma/fibre",
        state=PostState.PUBLISHED,
        shorten_links=True,
    )


@pytest.fixture
def clicked_links(team, post, settings) -> list[ShortLink]:
    settings.SITE_URL = "https://majlis.example.org"
    return [
        ShortLink.objects.create(
            workspace=team.workspace,
            post=post,
            network="mastodon",
            code="Ma3dEf9h",
            target="https://atlas.ma/fibre?utm_source=mastodon&utm_medium=social",
            clicks=3,
            # 09:30 UTC is 10:30 in Casablanca, the workspace's zone, outside Ramadan.
            last_clicked_at=datetime(2026, 5, 4, 9, 30, tzinfo=UTC),
        ),
        ShortLink.objects.create(
            workspace=team.workspace,
            post=post,
            network="bluesky",
            code="Bs3dEf9h",
            target="https://atlas.ma/fibre?utm_source=bluesky&utm_medium=social",
        ),
    ]


def test_the_post_page_shows_each_short_link_with_its_clicks_and_a_total(
    login, team, post, clicked_links
):
    page = login("analyst").get(f"/fr/w/atlas/publishing/{post.pk}/").content.decode()
    table = links_section(page, "Liens")
    assert table.rows == [
        ["Destination", "Adresse courte", "Réseau", "Clics", "Dernier clic"],
        [
            "https://atlas.ma/fibre?utm_source=bluesky&utm_medium=social",
            "https://majlis.example.org/l/Bs3dEf9h",
            "Bluesky",
            "0",
            "—",
        ],
        [
            "https://atlas.ma/fibre?utm_source=mastodon&utm_medium=social",
            "https://majlis.example.org/l/Ma3dEf9h",
            "Mastodon",
            "3",
            "04/05/2026 10:30",
        ],
        ["Total", "3", ""],
    ]
    assert "ne sont pas comptés comme des clics" in page
    # The short address is shown, not linked: the team opening it would count as a click.
    assert table.hrefs == [link.target for link in reversed(clicked_links)]


def test_the_arabic_post_page_shows_the_clicks_right_to_left_with_addresses_left_to_right(
    login, team, post, clicked_links
):
    page = login("manager").get(f"/ar/w/atlas/publishing/{post.pk}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    table = links_section(page, "الروابط")
    assert table.rows[0] == ["الوجهة", "العنوان المختصر", "الشبكة", "النقرات", "آخر نقرة"]
    assert table.rows[-1] == ["المجموع", "3", ""]
    assert table.rows[2][2:] == ["Mastodon", "3", "05/04/2026 10:30 ص"]
    assert '<bdi dir="ltr">https://majlis.example.org/l/Ma3dEf9h</bdi>' in page
    assert 'rel="noopener noreferrer" dir="ltr">https://atlas.ma/fibre?utm_source=mastodon' in page


def test_a_post_without_short_links_has_no_links_section(login, team, post):
    page = login("agent").get(f"/fr/w/atlas/publishing/{post.pk}/").content.decode()
    assert links_section(page, "Liens").rows == []
    assert "Adresse courte" not in page


@pytest.mark.parametrize("slug", ["atlas", "elsewhere"])
def test_a_member_of_another_workspace_sees_nothing_of_the_clicks(
    login, team, post, clicked_links, slug
):
    response = login("outsider").get(f"/fr/w/{slug}/publishing/{post.pk}/")
    assert response.status_code == 404
    assert "Ma3dEf9h" not in response.content.decode()


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        'https://atlas.ma/"><script>alert(1)</script>',
        "https://atlas.ma/?q=<img src=x onerror=alert(1)>",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_a_stored_hostile_target_is_shown_as_text_and_never_runs(login, team, post, target):
    ShortLink.objects.create(
        workspace=team.workspace, post=post, network="x", code="Ev1lEv1l", target=target
    )
    page = login("owner").get(f"/fr/w/atlas/publishing/{post.pk}/").content.decode()
    table = links_section(page, "Liens")
    assert table.rows[1][0] == target
    assert table.rows[1][2] == "X"
    assert not {"script", "img"} & set(table.tags)
    assert all(href.startswith("https://") for href in table.hrefs)


@pytest.mark.parametrize("user_agent", PREVIEWERS)
def test_a_preview_fetcher_is_redirected_without_counting_a_click(client, team, user_agent):
    link = ShortLink.objects.create(
        workspace=team.workspace, code="Pv3dEf9h", target="https://atlas.ma/fibre"
    )
    response = client.get("/l/Pv3dEf9h", headers={"User-Agent": user_agent})
    assert (response.status_code, response["Location"]) == (302, "https://atlas.ma/fibre")
    link.refresh_from_db()
    assert (link.clicks, link.last_clicked_at) == (0, None)


@pytest.mark.parametrize("user_agent", BROWSERS)
def test_a_person_in_a_browser_or_an_app_counts_as_a_click(client, team, user_agent):
    link = ShortLink.objects.create(
        workspace=team.workspace, code="Br3dEf9h", target="https://atlas.ma/fibre"
    )
    response = client.get("/l/Br3dEf9h", headers={"User-Agent": user_agent})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.clicks == 1
    assert link.last_clicked_at is not None


def test_a_post_page_counts_people_but_not_the_previews_of_its_publication(
    login, team, post, settings
):
    settings.SITE_URL = "https://majlis.example.org"
    ShortLink.objects.create(
        workspace=team.workspace,
        post=post,
        network="mastodon",
        code="Rl3dEf9h",
        target="https://atlas.ma/fibre",
    )
    visitor = Client()
    for user_agent in [*PREVIEWERS, FIREFOX, FIREFOX]:
        visitor.get("/l/Rl3dEf9h", headers={"User-Agent": user_agent})
    visitor.head("/l/Rl3dEf9h", headers={"User-Agent": FIREFOX})
    page = login("analyst").get(f"/fr/w/atlas/publishing/{post.pk}/").content.decode()
    assert links_section(page, "Liens").rows[-1] == ["Total", "2", ""]


@pytest.mark.parametrize("user_agent", HOSTILE_USER_AGENTS)
def test_a_hostile_user_agent_is_redirected_all_the_same(client, team, user_agent):
    ShortLink.objects.create(
        workspace=team.workspace, code="Ho3dEf9h", target="https://atlas.ma/fibre"
    )
    response = client.get("/l/Ho3dEf9h", headers={"User-Agent": user_agent})
    assert (response.status_code, response["Location"]) == (302, "https://atlas.ma/fibre")
