"""What the database knows weighs in: bursts from one address, campaigns across sites, regulars."""

from __future__ import annotations

from majlis.moderation import sites
from majlis.moderation.models import Item, ItemStatus
from tests.moderation.conftest import akismet, comment


def _reasons(client, key, **fields) -> list[str]:
    response = akismet(client, "comment-check", comment(key, **fields))
    return [code for code, _w in Item.objects.get(public_id=response["X-Majlis-Item"]).reasons]


def test_a_burst_from_one_address_is_a_reason(client, blog):
    for n in range(4):
        _reasons(client, blog.key, comment_content=f"Message {n}", comment_author=f"Nom {n}")
    assert "ip_velocity" in _reasons(client, blog.key, comment_content="Encore un message")


def test_the_same_author_writing_again_and_again_is_a_reason(client, blog):
    for n in range(5):
        _reasons(client, blog.key, comment_content=f"Avis {n}", user_ip=f"41.250.0.{n}")
    assert "author_velocity" in _reasons(
        client, blog.key, comment_content="Avis 9", user_ip="41.1.1.1"
    )


def test_the_same_text_on_other_sites_is_a_campaign(client, blog, team):
    text = (
        "Gagnez un iPhone 16 gratuit en répondant à notre sondage officiel sur ce lien aujourd'hui"
    )
    for host in ("https://a.example.com", "https://b.example.com"):
        _site, key = sites.new_key(team.workspace, host)
        _reasons(client, key, blog=host, comment_content=text)
    assert "cross_site_duplicate" in _reasons(
        client, blog.key, comment_content=text, user_ip="1.1.1.1"
    )


def test_an_author_this_site_approved_before_is_trusted(client, blog):
    for n in range(2):
        _reasons(client, blog.key, comment_content=f"Merci {n}", user_ip=f"10.0.0.{n}")
    Item.objects.update(status=ItemStatus.APPROVED)
    assert "known_author" in _reasons(
        client, blog.key, comment_content="Re-merci", user_ip="10.9.9.9"
    )
