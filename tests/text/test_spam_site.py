"""submit-spam and submit-ham teach one site, and only that site."""

import json

from majlis.text.spam import SiteLayer, SpamContext, SpamInput, decide, learn

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
COMPETITOR_PROMO = (
    "Livraison offerte ce weekend sur tous les produits de la boutique Atlas Déco, profitez-en"
)
NEAR_COPY = (
    "Livraison offerte ce weekend sur tous les produits de la boutique Atlas Déco, profitez en !!"
)
UNRELATED = "Est-ce que la taille M existe aussi en bleu ? Merci d'avance pour votre réponse."


def comment(content: str) -> SpamInput:
    return SpamInput(content=content, user_agent=BROWSER, blog_lang="fr", author="Karim")


def test_after_submit_spam_a_near_copy_is_spam_for_that_site_only():
    assert not decide(comment(COMPETITOR_PROMO)).is_spam  # GIVEN nothing flags it at first

    site_a = learn(None, comment(COMPETITOR_PROMO), is_spam=True)  # WHEN site A reports it

    on_a = decide(comment(NEAR_COPY), SpamContext(site_layer=site_a))
    on_b = decide(comment(NEAR_COPY), SpamContext(site_layer=SiteLayer()))
    assert on_a.is_spam  # THEN a near copy is spam on site A...
    assert "site_learned_spam" in {r.code for r in on_a.reasons}
    assert not on_b.is_spam  # ...and still fine on site B


def test_a_site_lesson_leaves_unrelated_comments_alone():
    site_a = learn(None, comment(COMPETITOR_PROMO), is_spam=True)

    assert not decide(comment(UNRELATED), SpamContext(site_layer=site_a)).is_spam


def test_after_submit_ham_a_near_copy_is_no_longer_spam_for_that_site():
    flagged = comment(
        "Ma recette complète est ici, avec les photos : https://cuisine-de-lalla.ma/tajine"
    )
    again = comment(
        "Ma recette complète est ici avec photos : https://cuisine-de-lalla.ma/tajine-poulet"
    )
    assert decide(flagged).is_spam  # GIVEN the model distrusts a comment with a link

    site = learn(None, flagged, is_spam=False)

    assert not decide(again, SpamContext(site_layer=site)).is_spam
    assert decide(again).is_spam


def test_a_lesson_already_learned_changes_nothing():
    site = learn(None, comment(COMPETITOR_PROMO), is_spam=True)

    assert learn(site, comment(COMPETITOR_PROMO), is_spam=True) == site


def test_the_site_layer_survives_a_round_trip_through_json():
    site = learn(None, comment(COMPETITOR_PROMO), is_spam=True)

    restored = SiteLayer.from_json(json.loads(json.dumps(site.to_json())))

    on_restored = decide(comment(NEAR_COPY), SpamContext(site_layer=restored))
    assert on_restored.is_spam
    assert SiteLayer.from_json(None) == SiteLayer()


def test_a_honeypot_hit_teaches_the_site_nothing():
    robot = SpamInput(content=UNRELATED, user_agent=BROWSER, honeypot_value="filled")

    assert learn(None, robot, is_spam=True) == SiteLayer()
