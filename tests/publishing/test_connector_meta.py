"""The Facebook Page and Instagram connectors against a Graph API on loopback."""

from __future__ import annotations

import pytest

from majlis.publishing import accounts
from majlis.publishing.connectors.base import MediaFile, Outgoing, PermanentError
from majlis.publishing.connectors.facebook import Facebook
from majlis.publishing.connectors.instagram import Instagram
from majlis.publishing.http import client
from tests.publishing.fakes import graph
from tests.publishing.fakes.graph import FakeGraph

PHOTO = MediaFile(
    "image/jpeg", "Une boutique Atlas à Fès", "https://majlis.example.org/m/photo", lambda: b""
)


@pytest.fixture
def meta():
    server = FakeGraph().start()
    yield server
    server.stop()


@pytest.fixture
def page(team, meta):
    return accounts.connect(
        team.workspace,
        "facebook",
        "Page Atlas",
        {"base_url": meta.url, "remote_id": graph.PAGE_ID, "access_token": graph.PAGE_TOKEN},
        team.owner,
    )


@pytest.fixture
def instagram(team, meta):
    return accounts.connect(
        team.workspace,
        "instagram",
        "Atlas Insta",
        {"base_url": meta.url, "remote_id": graph.IG_USER, "access_token": graph.PAGE_TOKEN},
        team.owner,
    )


def run(connector, account, *parts, media=()):
    with client() as http:
        return connector(http).publish(
            Outgoing(parts=parts, media=media), accounts.view_of(account), "k"
        )


def test_connecting_a_page_reads_its_name(page):
    assert page.handle == "Atlas Telecom"


def test_a_page_post_with_a_link_comes_back_with_its_permalink(meta, page):
    ref = run(Facebook, page, "Découvrez la fibre https://atlas.ma/fibre")
    assert meta.posts[ref.remote_id]["link"] == "https://atlas.ma/fibre"
    assert ref.url == meta.posts[ref.remote_id]["permalink_url"]


def test_a_page_photo_carries_its_caption_and_alt_text(meta, page):
    ref = run(Facebook, page, "Notre boutique", media=(PHOTO,))
    [photo] = meta.photos.values()
    assert (photo["caption"], photo["alt_text_custom"], photo["url"]) == (
        "Notre boutique",
        PHOTO.alt,
        PHOTO.url,
    )
    assert ref.remote_id in meta.posts


def test_several_photos_are_attached_to_one_post(meta, page):
    ref = run(Facebook, page, "Deux boutiques", media=(PHOTO, PHOTO))
    assert len(meta.posts[ref.remote_id]["photos"]) == 2
    assert all(p["published"] == "false" for p in meta.photos.values())


def test_an_expired_page_token_fails_with_facebooks_message(meta, page):
    meta.tokens.clear()
    with pytest.raises(PermanentError, match="Session has expired"):
        run(Facebook, page, "Bonjour")


def test_an_earlier_attempt_that_reached_facebook_is_found_rather_than_repeated(meta, page):
    first = run(Facebook, page, "Une seule fois")
    with client() as http:
        found = Facebook(http).find_existing(
            Outgoing(parts=("Une seule fois",)), accounts.view_of(page)
        )
    assert found == first


def test_instagram_publishes_a_container_once_it_is_ready(meta, instagram, monkeypatch):
    monkeypatch.setattr("majlis.publishing.connectors.instagram.STATUS_POLL_SECONDS", 0)
    ref = run(Instagram, instagram, "Fès, ce matin #Maroc", media=(PHOTO,))
    [container] = meta.containers.values()
    assert (container["caption"], container["alt_text"], container["status_code"]) == (
        "Fès, ce matin #Maroc",
        PHOTO.alt,
        "PUBLISHED",
    )
    assert ref.url == meta.media[ref.remote_id]["permalink"]


def test_instagram_makes_a_carousel_of_several_images(meta, instagram, monkeypatch):
    monkeypatch.setattr("majlis.publishing.connectors.instagram.STATUS_POLL_SECONDS", 0)
    run(Instagram, instagram, "Deux photos", media=(PHOTO, PHOTO))
    carousel = next(c for c in meta.containers.values() if c.get("media_type") == "CAROUSEL")
    assert len(carousel["children"].split(",")) == 2


def test_instagram_without_an_image_is_refused_before_anything_is_sent(meta, instagram):
    with pytest.raises(PermanentError, match="Instagram needs at least one image"):
        run(Instagram, instagram, "Sans image")
    assert not meta.seen("POST", f"/{graph.VERSION}/{graph.IG_USER}/media")
