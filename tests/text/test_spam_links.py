"""Where a comment's links point to is a reason of its own, in any language."""

import pytest

from majlis.text.spam import SpamInput, decide

BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari"


def codes_for(content: str) -> set[str]:
    decision = decide(SpamInput(content=content, user_agent=BROWSER, blog_lang="fr"))
    return {r.code for r in decision.reasons}


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("Voir ici https://bit.ly/3abcDEF", "shortened_link"),
        ("Voir ici https://tinyurl.com/y7abc", "shortened_link"),
        ("Voir ici https://promo-maroc.xyz/offre", "suspicious_tld"),
        ("Voir ici http://185.12.44.9/login", "ip_link"),
        ("Voir ici https://www.grand-casino-maroc.com/", "spammy_link_host"),
        ("Voir ici https://1xbet.com/fr", "spammy_link_host"),
        ("Voir https://site.ma/%D9%83%D8%A7%D8%B2%D9%8A%D9%86%D9%88-maroc", "encoded_arabic_link"),
        ("Super [url=http://pharma.example/]pilules[/url]", "bbcode_link"),
        ("Allez sur monsite . com pour gagner", "disguised_link"),
        ("Allez sur monsite dot com pour gagner", "disguised_link"),
    ],
)
def test_the_link_reason_names_what_is_wrong_with_the_link(content, code):
    assert code in codes_for(content)


def test_an_ordinary_link_has_none_of_these_reasons():
    found = codes_for("L'article du Matin en parle : https://lematin.ma/economie/article-123")

    assert not found & {"shortened_link", "suspicious_tld", "ip_link", "spammy_link_host"}


def test_links_inside_html_are_found_too():
    html = '<a href="https://bit.ly/x">mon site</a> et <a href="https://casino.example/">ici</a>'

    assert {"shortened_link", "spammy_link_host"} <= codes_for(html)


def test_a_sentence_without_a_space_after_the_full_stop_is_no_link():
    assert not codes_for("Merci.ca va mieux maintenant, bonne journée.") & {
        "links",
        "suspicious_tld",
    }
