"""Who signs a comment, and with what client, can speak against it."""

import pytest

from majlis.text.spam import SpamInput, decide

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/125.0 Safari/537.36"


def codes_for(**fields) -> set[str]:
    fields = {"content": "Merci pour l'article.", "user_agent": BROWSER, **fields}
    return {r.code for r in decide(SpamInput(**fields)).reasons}


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"author": "best-casino-online.com"}, "author_is_link"),
        ({"author": "Casino Online Maroc"}, "author_name_spam"),
        ({"author": "Viagra Sans Ordonnance"}, "author_name_spam"),
        ({"author_url": "https://bit.ly/abc"}, "author_url_suspicious"),
        ({"author_url": "http://promo-cheap.xyz"}, "author_url_suspicious"),
        ({"author_email": "k.benali@yopmail.com"}, "disposable_email"),
        ({"author_email": "not-an-address"}, "invalid_email"),
        ({"user_agent": ""}, "no_user_agent"),
        ({"user_agent": "python-requests/2.32.3"}, "scripted_client"),
        ({"user_agent": "curl/8.5.0"}, "scripted_client"),
    ],
)
def test_author_signals_are_named(fields, code):
    assert code in codes_for(**fields)


def test_an_ordinary_author_raises_nothing():
    found = codes_for(
        author="Fatima Zahra", author_email="fz.alaoui@gmail.com", author_url="https://fz.ma"
    )

    assert found <= {"content_normal", "content_unfamiliar"}


def test_pingbacks_come_from_servers_so_their_agent_does_not_count():
    assert "no_user_agent" not in codes_for(user_agent="", comment_type="pingback")
    assert "scripted_client" not in codes_for(user_agent="WordPress/6.5", comment_type="trackback")
