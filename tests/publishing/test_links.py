"""Majlis's short links: they redirect, count clicks, and only ever lead to http or https."""

from __future__ import annotations

from majlis.publishing.links import short_code, with_utm
from majlis.publishing.models import ShortLink


def test_utm_parameters_are_added_without_touching_those_already_there():
    assert with_utm("https://atlas.ma/fibre?ref=a", "bluesky", "ramadan") == (
        "https://atlas.ma/fibre?ref=a&utm_source=bluesky&utm_medium=social&utm_campaign=ramadan"
    )
    assert (
        with_utm("https://atlas.ma/?utm_source=sms", "x", "c")
        == "https://atlas.ma/?utm_source=sms&utm_medium=social&utm_campaign=c"
    )


def test_a_short_link_redirects_and_counts_each_click(client, team):
    link = ShortLink.objects.create(
        workspace=team.workspace, code="Ab3dEf9h", target="https://atlas.ma/fibre?utm_source=x"
    )
    for _ in range(3):
        response = client.get("/l/Ab3dEf9h", headers={"User-Agent": "Mozilla/5.0 Firefox/128.0"})
        assert (response.status_code, response["Location"]) == (
            302,
            "https://atlas.ma/fibre?utm_source=x",
        )
    link.refresh_from_db()
    assert link.clicks == 3


def test_a_short_link_never_leads_to_another_scheme(client, team):
    ShortLink.objects.create(
        workspace=team.workspace, code="js000000", target="javascript:alert(1)"
    )
    assert client.get("/l/js000000").status_code == 404


def test_an_unknown_code_is_not_found(client, db):
    assert client.get("/l/nothere0").status_code == 404


def test_codes_are_stable_for_a_post_and_a_target_and_differ_otherwise():
    assert short_code(1, "https://a.ma") == short_code(1, "https://a.ma")
    assert short_code(1, "https://a.ma") != short_code(2, "https://a.ma")
    assert len(short_code(1, "https://a.ma")) == 8


def test_publishing_stores_the_short_links_it_uses(
    team, mastodon, mastodon_account, django_capture_on_commit_callbacks, settings
):
    from majlis.publishing.delivery import publish_due
    from tests.publishing.conftest import scheduled_post

    settings.SITE_URL = "https://majlis.example.org"
    post = scheduled_post(
        team,
        [mastodon_account],
        text="Voir https://atlas.ma/fibre",
        utm_campaign="ete",
        shorten_links=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_due()
    link = ShortLink.objects.get()
    assert (
        link.target
        == "https://atlas.ma/fibre?utm_source=mastodon&utm_medium=social&utm_campaign=ete"
    )
    assert list(mastodon.texts.values()) == [f"Voir https://majlis.example.org/l/{link.code}"]
    assert link.post == post


def test_a_link_checker_asking_with_head_is_redirected_without_counting_a_click(client, team):
    link = ShortLink.objects.create(
        workspace=team.workspace, code="Hd3dEf9h", target="https://atlas.ma/"
    )
    assert client.head("/l/Hd3dEf9h").status_code == 302
    link.refresh_from_db()
    assert link.clicks == 0
