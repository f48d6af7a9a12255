"""Majlis answers the Akismet protocol as Akismet documents it, so existing clients plug in."""

from __future__ import annotations

import pytest

from majlis.moderation.models import Item, ItemStatus
from tests.moderation.conftest import BLOG, akismet, comment

THANKS = "Thanks for making the web a better place."
CASINO = (
    "Meilleur casino en ligne au Maroc ! Bonus 200% et free spins, paris sportifs 1xbet : "
    "inscrivez-vous vite sur http://bit.ly/casino-bonus-ma et http://casino-win.xyz"
)


def test_verify_key_says_valid_for_the_sites_own_key(client, blog):
    response = akismet(client, "verify-key", {"key": blog.key, "blog": BLOG})
    assert response.status_code == 200
    assert response.content == b"valid"


def test_verify_key_ignores_www_and_the_path_of_the_blog(client, blog):
    response = akismet(client, "verify-key", {"key": blog.key, "blog": "http://www.blog.atlas.ma/"})
    assert response.content == b"valid"


@pytest.mark.parametrize(
    ("fields", "help_text"),
    [
        ({"key": "nosuchkey123", "blog": BLOG}, "Invalid key"),
        ({"blog": BLOG}, 'Empty "key" value'),
        ({"key": "KEY"}, 'Empty "blog" value'),
        ({"key": "KEY", "blog": "not a web address"}, "We were unable to parse your blog URI"),
        ({"key": "KEY", "blog": "https://another.example.com"}, "belongs to another site"),
    ],
)
def test_verify_key_says_invalid_and_why(client, blog, fields, help_text):
    fields = {name: blog.key if value == "KEY" else value for name, value in fields.items()}
    response = akismet(client, "verify-key", fields)
    assert response.content == b"invalid"
    assert help_text in response["X-akismet-debug-help"]


def test_a_friendly_comment_is_not_spam(client, blog):
    response = akismet(client, "comment-check", comment(blog.key))
    assert response.status_code == 200
    assert response.content == b"false"
    assert "X-akismet-pro-tip" not in response


def test_every_checked_comment_is_kept_with_its_reference(client, blog):
    response = akismet(client, "comment-check", comment(blog.key))
    item = Item.objects.get(public_id=response["X-Majlis-Item"])
    assert response["X-akismet-guid"] == item.public_id
    assert item.site == blog.site
    assert item.author == "Salma"
    assert item.user_ip == "196.200.130.15"
    assert item.blog_lang == "fr_FR"
    assert item.reasons, "moderators must see why"


def test_casino_spam_is_spam_with_its_reasons(client, blog):
    response = akismet(client, "comment-check", comment(blog.key, comment_content=CASINO))
    assert response.content == b"true"
    item = Item.objects.get(public_id=response["X-Majlis-Item"])
    assert item.status == ItemStatus.SPAM
    codes = [code for code, _weight in item.reasons]
    assert "kw_gambling" in codes
    assert "shortened_link" in codes


def test_blatant_spam_comes_with_the_discard_tip(client, blog):
    fields = comment(
        blog.key,
        comment_content=CASINO + " [url=http://casino-win.xyz]casino[/url] viagra cialis pills",
        comment_author="http://casino-win.xyz",
        comment_author_url="http://bit.ly/x",
        comment_author_email="win@mailinator.com",
        user_agent="python-requests/2.31",
    )
    response = akismet(client, "comment-check", fields)
    assert response.content == b"true"
    assert response["X-akismet-pro-tip"] == "discard"


@pytest.mark.parametrize(
    "fields",
    [
        {"comment_author": "viagra-test-123"},
        {"comment_author_email": "akismet-guaranteed-spam@example.com"},
    ],
)
def test_akismets_test_values_are_always_spam(client, blog, fields):
    response = akismet(client, "comment-check", comment(blog.key, **fields))
    assert response.content == b"true"


def test_an_administrator_is_never_spam(client, blog):
    fields = comment(blog.key, comment_content=CASINO, user_role="administrator")
    response = akismet(client, "comment-check", fields)
    assert response.content == b"false"


def test_every_documented_field_and_the_server_variables_are_kept(client, blog):
    fields = comment(
        blog.key,
        comment_author_url="https://salma.example.ma",
        comment_date_gmt="2026-11-20T10:00:00Z",
        comment_post_modified_gmt="2026-11-01T08:00:00Z",
        user_role="subscriber",
        is_test="1",
        recheck_reason="edit",
        honeypot_field_name="hidden_website",
        hidden_website="",
        REMOTE_ADDR="196.200.130.15",
        HTTP_ACCEPT_LANGUAGE="fr-MA,fr;q=0.9,ar;q=0.8",
        comment_post_ID="42",
    )
    item = Item.objects.get(public_id=akismet(client, "comment-check", fields)["X-Majlis-Item"])
    assert item.author_url == "https://salma.example.ma"
    assert item.comment_date_gmt == "2026-11-20T10:00:00Z"
    assert item.comment_post_modified_gmt == "2026-11-01T08:00:00Z"
    assert item.user_role == "subscriber"
    assert item.is_test is True
    assert item.recheck_reason == "edit"
    assert item.honeypot_field_name == "hidden_website"
    assert item.blog_charset == "UTF-8"
    assert item.referrer == f"{BLOG}/forfaits-4g/"
    assert item.permalink == f"{BLOG}/forfaits-4g/"
    assert item.comment_type == "comment"
    assert item.extra == {
        "REMOTE_ADDR": "196.200.130.15",
        "HTTP_ACCEPT_LANGUAGE": "fr-MA,fr;q=0.9,ar;q=0.8",
        "comment_post_ID": "42",
    }


def test_a_filled_honeypot_is_spam(client, blog):
    fields = comment(blog.key, honeypot_field_name="hidden_website", hidden_website="x.ru")
    assert akismet(client, "comment-check", fields).content == b"true"


@pytest.mark.parametrize("missing", ["blog", "user_ip"])
def test_a_missing_required_field_is_named(client, blog, missing):
    fields = comment(blog.key)
    del fields[missing]
    response = akismet(client, "comment-check", fields)
    assert response.content == f"Missing required field: {missing}.".encode()
    assert response["X-akismet-debug-help"] == f'Empty "{missing}" value'
    assert not Item.objects.exists()


@pytest.mark.parametrize("endpoint", ["comment-check", "submit-spam", "submit-ham"])
def test_a_bad_key_is_invalid_everywhere(client, blog, endpoint):
    response = akismet(client, endpoint, comment("wrongkey1234"))
    assert response.content == b"invalid"
    assert response["X-akismet-debug-help"] == "Invalid key"


def test_no_key_at_all_is_invalid(client, blog):
    fields = comment(blog.key)
    del fields["api_key"]
    response = akismet(client, "comment-check", fields)
    assert response.content == b"invalid"
    assert response["X-akismet-debug-help"] == 'Empty "api_key" value'


def test_an_old_client_may_put_the_key_in_the_host_name(client, blog):
    fields = comment(blog.key)
    del fields["api_key"]
    response = akismet(client, "comment-check", fields, HTTP_HOST=f"{blog.key}.rest.example.org")
    assert response.content == b"false"
    verify = akismet(client, "verify-key", {"blog": BLOG}, HTTP_HOST=f"{blog.key}.rest.example.org")
    assert verify.content == b"valid"


def test_a_host_name_key_that_does_not_exist_is_invalid(client, blog):
    fields = comment(blog.key)
    del fields["api_key"]
    response = akismet(client, "comment-check", fields, HTTP_HOST="zzzzzzzzzzzz.rest.example.org")
    assert response.content == b"invalid"
    assert response["X-akismet-debug-help"] == "Invalid key"


def test_a_revoked_key_is_invalid(client, blog):
    from majlis.moderation import sites

    sites.revoke(blog.site.keys.get(), by=None)
    response = akismet(client, "comment-check", comment(blog.key))
    assert response.content == b"invalid"
    assert akismet(client, "verify-key", {"key": blog.key, "blog": BLOG}).content == b"invalid"


@pytest.mark.parametrize("endpoint", ["submit-spam", "submit-ham"])
def test_submissions_are_thanked(client, blog, endpoint):
    response = akismet(client, endpoint, comment(blog.key))
    assert response.status_code == 200
    assert response.content.decode() == THANKS


def test_the_protocol_takes_posts_only(client, blog):
    response = client.get("/1.1/comment-check", comment(blog.key))
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_the_protocol_needs_no_session_nor_csrf_token(blog):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/1.1/comment-check", comment(blog.key))
    assert response.content == b"false"
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_usage_limit_reports_this_months_checks(client, blog):
    for _ in range(3):
        akismet(client, "comment-check", comment(blog.key))
    response = client.get("/1.2/usage-limit", {"api_key": blog.key})
    assert response.json() == {
        "limit": "none",
        "usage": 3,
        "percentage": "0.00",
        "throttled": False,
    }


def test_past_its_quota_a_key_is_told_and_its_comments_are_held(client, team):
    from majlis.moderation import sites

    _site, key = sites.new_key(team.workspace, "https://forum.atlas.ma", quota=2)
    fields = comment(key, blog="https://forum.atlas.ma")
    assert [akismet(client, "comment-check", fields).content for _ in range(2)] == [b"false"] * 2
    refused = akismet(client, "comment-check", fields)
    assert refused.content not in (b"true", b"false")
    assert refused["X-akismet-alert-code"] == "10501"
    assert "2 checks" in refused["X-akismet-alert-msg"]
    usage = client.post("/1.2/usage-limit", {"api_key": key}).json()
    assert usage == {"limit": 2, "usage": 3, "percentage": "150.00", "throttled": True}


def test_key_sites_lists_the_keys_site_with_akismets_figures(client, blog):
    akismet(client, "comment-check", comment(blog.key))
    akismet(client, "comment-check", comment(blog.key, comment_content=CASINO))
    akismet(client, "submit-ham", comment(blog.key, comment_content=CASINO))
    response = client.get("/1.2/key-sites", {"api_key": blog.key})
    data = response.json()
    month = next(name for name in data if name not in ("limit", "offset", "total"))
    assert data["limit"] == 500
    assert data["offset"] == 0
    assert data["total"] == 1
    assert data[month] == [
        {
            "site": "blog.atlas.ma",
            "api_calls": "2",
            "spam": "1",
            "ham": "1",
            "missed_spam": "0",
            "false_positives": "1",
            "is_revoked": False,
        }
    ]


def test_key_sites_speaks_csv_too(client, blog):
    akismet(client, "comment-check", comment(blog.key))
    response = client.get("/1.2/key-sites", {"api_key": blog.key, "format": "csv"})
    lines = response.content.decode().splitlines()
    assert lines[0].startswith(f"Active sites for {blog.key} during ")
    assert lines[1] == "Site,Total API Calls,Spam,Ham,Missed Spam,False Positives,Is Revoked"
    assert lines[2] == "blog.atlas.ma,1,0,1,0,0,false"


def test_key_sites_of_another_month_is_empty(client, blog):
    akismet(client, "comment-check", comment(blog.key))
    data = client.get("/1.2/key-sites", {"api_key": blog.key, "month": "2020-01"}).json()
    assert data["2020-01"][0]["api_calls"] == "0"


# Committed for real: inside a test's transaction SQLite would only check the key at the end.
@pytest.mark.django_db(transaction=True)
def test_a_deleted_sites_unwritten_counts_do_not_fail_another_sites_check(
    client, blog, team, monkeypatch
):
    from majlis.moderation import sites, usage
    from majlis.moderation.models import SiteKey

    other_site, other_key = sites.new_key(team.workspace, "https://forum.atlas.ma")
    monkeypatch.setattr(usage, "FLUSH_SECONDS", 3600.0)  # counts wait in the process
    akismet(client, "comment-check", comment(other_key, blog="https://forum.atlas.ma"))
    SiteKey.objects.filter(site=other_site).delete()
    other_site.delete()
    monkeypatch.setattr(usage, "FLUSH_SECONDS", 0.0)  # the next check writes them all
    assert akismet(client, "comment-check", comment(blog.key)).content == b"false"
    response = client.get("/1.2/usage-limit", {"api_key": blog.key})
    assert response.json()["usage"] == 1
