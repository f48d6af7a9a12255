"""What the site's database knows: bursts, the same text on other sites, trusted authors."""

from majlis.text.spam import Decision, SpamContext, SpamInput, content_fingerprint, decide

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
TEXT = "Très bonne analyse, je partage totalement votre avis sur ce sujet important."


def decision(context: SpamContext, content: str = TEXT) -> Decision:
    return decide(SpamInput(content=content, user_agent=BROWSER, blog_lang="fr"), context)


def weight_of(code: str, context: SpamContext, content: str = TEXT) -> float:
    return sum(r.weight for r in decision(context, content).reasons if r.code == code)


def test_a_burst_from_one_ip_address_weighs_more_as_it_grows():
    calm, busy, flood = (
        weight_of("ip_velocity", SpamContext(same_ip_last_hour=n)) for n in (2, 6, 60)
    )

    assert calm == 0
    assert 0 < busy < flood <= 3.0


def test_one_author_commenting_all_hour_counts():
    assert weight_of("author_velocity", SpamContext(same_author_last_hour=10)) > 0


def test_the_same_text_sent_to_many_sites_makes_an_ordinary_comment_spam():
    assert not decision(SpamContext()).is_spam

    campaign = decision(SpamContext(same_content_other_sites=8, same_ip_last_hour=5))

    assert campaign.is_spam
    assert "cross_site_duplicate" in {r.code for r in campaign.reasons}


def test_a_short_thank_you_on_several_sites_is_no_campaign():
    assert (
        weight_of("cross_site_duplicate", SpamContext(same_content_other_sites=5), "Merci !") == 0
    )


def test_an_author_the_site_approved_before_is_trusted():
    assert weight_of("known_author", SpamContext(approved_before=4)) < 0


def test_the_fingerprint_ignores_markup_case_accents_and_spacing():
    assert content_fingerprint("<b>Très</b>  BONNE analyse !") == content_fingerprint(
        "tres bonne analyse"
    )
    assert content_fingerprint("tres bonne analyse") != content_fingerprint("bonne analyse")
