"""A site's corrections teach it: submit-spam/ham and moderators' decisions move its own layer."""

from __future__ import annotations

from majlis.moderation.models import Item, ItemStatus, Site
from tests.moderation.conftest import akismet, comment

# A competitor's promotion: fine words, but this brand's site calls it spam.
PROMO = "Passez chez TelcoPlus, le forfait illimité à 49 dirhams, code promo TPLUS49 à la boutique."
PROMO_AGAIN = "Chez TelcoPlus le forfait illimité est à 49 dirhams, code promo TPLUS49 en boutique."


def _verdict(client, key, text, **fields) -> bytes:
    response = akismet(client, "comment-check", comment(key, comment_content=text, **fields))
    return bytes(response.content)


def test_submit_spam_teaches_the_site_to_catch_the_same_campaign(client, blog):
    assert _verdict(client, blog.key, PROMO) == b"false"
    akismet(client, "submit-spam", comment(blog.key, comment_content=PROMO))
    assert _verdict(client, blog.key, PROMO_AGAIN, user_ip="41.250.1.1") == b"true"
    item = Item.objects.filter(content=PROMO_AGAIN).get()
    assert "site_learned_spam" in [code for code, _w in item.reasons]


def test_the_lesson_stays_with_the_site_that_learned_it(client, blog, team):
    from majlis.moderation import sites

    _other, other_key = sites.new_key(team.workspace, "https://boutique.atlas.ma")
    akismet(client, "submit-spam", comment(blog.key, comment_content=PROMO))
    assert _verdict(client, other_key, PROMO_AGAIN, blog="https://boutique.atlas.ma") == b"false"


def test_submit_ham_teaches_the_site_to_let_a_false_positive_through(client, blog):
    text = "Code promo de bienvenue ATLAS10 : -10% sur le casino de la fête d'Atlas ce week-end !"
    first = _verdict(client, blog.key, text)
    akismet(client, "submit-ham", comment(blog.key, comment_content=text))
    akismet(client, "submit-ham", comment(blog.key, comment_content=text))
    assert _verdict(client, blog.key, text, user_ip="41.250.1.2") == b"false"
    assert first in (b"true", b"false")
    assert Site.objects.get().lessons >= 1


def test_a_submission_updates_the_stored_item_found_by_its_guid(client, blog):
    response = akismet(client, "comment-check", comment(blog.key, comment_content=PROMO))
    guid = response["X-akismet-guid"]
    akismet(client, "submit-spam", comment(blog.key, comment_content=PROMO, guid=guid))
    item = Item.objects.get(public_id=guid)
    assert item.status == ItemStatus.SPAM
    assert item.site_verdict == "spam"
    assert Item.objects.count() == 1


def test_a_submission_without_guid_finds_the_same_comment_from_the_same_address(client, blog):
    akismet(client, "comment-check", comment(blog.key, comment_content=PROMO))
    akismet(client, "submit-spam", comment(blog.key, comment_content=f"<p>{PROMO}</p>"))
    assert Item.objects.get().status == ItemStatus.SPAM


def test_test_submissions_teach_nothing(client, blog):
    akismet(client, "submit-spam", comment(blog.key, comment_content=PROMO, is_test="1"))
    site = Site.objects.get()
    assert site.lessons == 0
    assert site.layer == {}
    assert _verdict(client, blog.key, PROMO_AGAIN, user_ip="41.250.1.1") == b"false"


def test_a_moderator_marking_spam_teaches_the_site_too(client, login, blog):
    response = akismet(client, "comment-check", comment(blog.key, comment_content=PROMO))
    item = Item.objects.get(public_id=response["X-Majlis-Item"])
    login("agent").post(
        "/en/w/atlas/moderation/act/", {"action": "spam", "items": [item.pk], "status": item.status}
    )
    assert Site.objects.get().lessons == 1
    assert _verdict(client, blog.key, PROMO_AGAIN, user_ip="41.250.1.1") == b"true"


def test_missed_spam_and_false_positives_are_counted_as_akismet_does(client, blog):
    akismet(client, "comment-check", comment(blog.key, comment_content=PROMO))
    akismet(client, "submit-spam", comment(blog.key, comment_content=PROMO))
    row = client.get("/1.2/key-sites", {"api_key": blog.key}).json()
    site = next(v for k, v in row.items() if k not in ("limit", "offset", "total"))[0]
    assert (site["api_calls"], site["ham"], site["missed_spam"]) == ("1", "1", "1")


def test_a_recheck_with_our_guid_updates_the_item_instead_of_adding_one(client, blog):
    first = akismet(client, "comment-check", comment(blog.key))
    again = akismet(
        client,
        "comment-check",
        comment(blog.key, guid=first["X-akismet-guid"], recheck_reason="edit"),
    )
    assert again["X-akismet-guid"] == first["X-akismet-guid"]
    assert Item.objects.count() == 1
    assert Item.objects.get().recheck_reason == "edit"
