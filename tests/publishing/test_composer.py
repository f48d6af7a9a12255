"""The composer: a variant per account side by side, each previewed and counted as its network
counts, right to left and mixed text included; images with their alt text; links tagged and
shortened; hashtags suggested from the workspace's mentions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from majlis.listening.models import Item, Mention
from majlis.publishing.links import short_code
from majlis.publishing.models import Media, NetworkAccount, Post
from tests.publishing.conftest import PNG


@pytest.fixture
def x_account(team):
    return NetworkAccount.objects.create(
        workspace=team.workspace, network="x", name="Atlas sur X", handle="@atlas"
    )


@pytest.fixture
def hook(team):
    return NetworkAccount.objects.create(
        workspace=team.workspace,
        network="webhook",
        name="Site web",
        base_url="https://example.org/hook",
    )


def preview(client, team, **data):
    url = f"/en/w/{team.workspace.slug}/publishing/preview/"
    return client.post(url, data, headers={"HX-Request": "true"}).content.decode()


def test_each_account_shows_its_own_count_and_limit(team, login, mastodon_account, x_account):
    shown = preview(
        login("agent"),
        team,
        text="Lisez https://atlas.ma/une/tres/longue/adresse/de/page",
        accounts=[mastodon_account.pk, x_account.pk],
    )
    assert '<bdi dir="ltr">29 / 500</bdi> characters' in shown  # Mastodon: a link is 23
    assert '<bdi dir="ltr">29 / 280</bdi> characters' in shown  # X: a link is 23 too


def test_a_variant_replaces_the_main_message_for_its_account(
    team, login, mastodon_account, x_account
):
    shown = preview(
        login("agent"),
        team,
        text="Le message principal",
        accounts=[mastodon_account.pk, x_account.pk],
        **{f"variant_{x_account.pk}": "Version courte"},
    )
    assert "Version courte" in shown
    assert "Le message principal" in shown


def test_over_the_limit_says_by_how_much_and_offers_a_thread(team, login, x_account):
    text = " ".join(["Mot"] * 80)  # 319 characters; X takes 280
    shown = preview(login("agent"), team, text=text, accounts=[x_account.pk])
    assert "39 characters over the limit." in shown
    assert f'data-split="{x_account.pk}"' in shown
    threaded = preview(
        login("agent"), team, text=text, accounts=[x_account.pk], **{f"thread_{x_account.pk}": "on"}
    )
    assert "Published as a thread of 2 posts." in threaded
    assert "over the limit" not in threaded
    assert "1/2" in threaded
    assert "2/2" in threaded


def test_arabic_and_mixed_text_is_shown_in_its_own_direction(team, login, mastodon_account):
    shown = preview(
        login("agent"),
        team,
        text="عرض Atlas Fibre الجديد @amina #الرباط",
        accounts=[mastodon_account.pk],
    )
    mention = '<span class="entity mention">@amina</span>'
    tag = '<span class="entity tag">#الرباط</span>'
    assert f'<div class="body" dir="auto">عرض Atlas Fibre الجديد {mention} {tag}</div>' in shown
    assert "<bdi>Atlas sur Mastodon</bdi>" in shown


def test_the_preview_escapes_what_is_typed(team, login, mastodon_account):
    shown = preview(
        login("agent"), team, text="<script>alert(1)</script>", accounts=[mastodon_account.pk]
    )
    assert "<script>" not in shown
    assert "&lt;script&gt;" in shown


def test_links_get_utm_parameters_per_network_and_a_majlis_short_link(
    team, login, settings, mastodon_account, x_account
):
    settings.SITE_URL = "https://majlis.example.org"
    client = login("agent")
    client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {
            "text": "Voir https://atlas.ma/fibre",
            "accounts": [mastodon_account.pk, x_account.pk],
            "utm_campaign": "ramadan",
            "shorten_links": "on",
            "action": "save",
        },
    )
    post = Post.objects.get()
    shown = client.get(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/edit/").content.decode()
    for network in ("mastodon", "x"):
        target = (
            f"https://atlas.ma/fibre?utm_source={network}&utm_medium=social&utm_campaign=ramadan"
        )
        assert f"https://majlis.example.org/l/{short_code(post.pk, target)}" in shown


def test_hashtags_people_use_in_recent_mentions_are_suggested(team, login):
    now = timezone.now()
    texts = [
        "Panne #AtlasFibre à Rabat #maroc",
        "Merci #atlasfibre !",
        "#AtlasFibre encore",
        "Vieux #oubli",
    ]
    for n, text in enumerate(texts):
        when = now - (timedelta(days=60) if "oubli" in text else timedelta(hours=n))
        item = Item.objects.create(
            url=f"https://example.org/{n}", content_hash=str(n), text=text, published_at=when
        )
        Mention.objects.create(workspace=team.workspace, item=item, published_at=when)
    page = login("agent").get(f"/en/w/{team.workspace.slug}/publishing/new/").content.decode()
    assert 'data-hashtag="AtlasFibre"' in page
    assert 'data-hashtag="maroc"' in page
    assert "oubli" not in page
    assert page.index('data-hashtag="AtlasFibre"') < page.index('data-hashtag="maroc"')


def test_an_image_needs_its_alt_text(team, login, hook):
    client = login("agent")
    image = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    response = client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {"text": "Notre logo", "accounts": [hook.pk], "image": image, "action": "save"},
    )
    assert "Describe the image in its alt text" in response.content.decode()
    assert not Media.objects.exists()


def test_an_image_with_its_alt_text_is_stored_and_shown_with_it(team, login, hook, settings):
    client = login("agent")
    image = SimpleUploadedFile("logo.png", PNG, content_type="image/png")
    client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {
            "text": "Notre logo",
            "accounts": [hook.pk],
            "image": image,
            "image_alt": "Le logo d'Atlas, bleu et vert",
            "action": "save",
        },
    )
    media = Media.objects.get()
    assert media.content_type == "image/png"
    assert str(settings.MEDIA_ROOT) in media.file.path
    edit = client.get(
        f"/en/w/{team.workspace.slug}/publishing/{media.post_id}/edit/"
    ).content.decode()
    assert 'alt="Le logo d&#x27;Atlas, bleu et vert"' in edit
    assert client.get(f"/m/{media.token}").getvalue() == PNG


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(team, login, hook):
    client = login("agent")
    fake = SimpleUploadedFile("photo.png", b"<html>not an image</html>", content_type="image/png")
    response = client.post(
        f"/en/w/{team.workspace.slug}/publishing/new/",
        {
            "text": "Photo",
            "accounts": [hook.pk],
            "image": fake,
            "image_alt": "Une photo",
            "action": "save",
        },
    )
    assert "Only JPEG, PNG, GIF and WebP images can be attached." in response.content.decode()
    assert not Media.objects.exists()


def test_a_network_that_needs_an_image_says_so(team, login):
    instagram = NetworkAccount.objects.create(
        workspace=team.workspace, network="instagram", name="Atlas sur Instagram"
    )
    shown = preview(login("agent"), team, text="Sans image", accounts=[instagram.pk])
    assert "This network needs at least one image." in shown


def test_an_image_too_heavy_for_bluesky_is_flagged_before_publishing(team, login, bluesky_account):
    client = login("agent")
    post = Post.objects.create(workspace=team.workspace, author=team.agent, text="Photo")
    post.variants.create(account=bluesky_account)
    Media.objects.create(
        workspace=team.workspace,
        post=post,
        file="x.png",
        content_type="image/png",
        size=2_000_000,
        alt_text="Photo",
    )
    shown = client.get(f"/en/w/{team.workspace.slug}/publishing/{post.pk}/edit/").content.decode()
    assert "An image is too large here: at most 976 KB." in shown
