"""Rising terms: normalized words without stopwords, in French, Arabic, Darija and English."""

from __future__ import annotations

from majlis.insights.terms import rising_terms, terms_of


def test_stopwords_of_every_language_are_left_out():
    assert terms_of("Le réseau est en panne depuis ce matin") == {"reseau", "panne", "matin"}
    assert terms_of("The network is down again") == {"network", "down"}
    assert terms_of("الشبكة مقطوعة في الدار البيضاء") == {"شبكه", "مقطوعه", "دار", "بيضاء"}
    assert terms_of("had rezo dyal atlas machi hwa hadak") == {"rezo", "atlas", "hwa"}
    assert terms_of("واش كاين شي مشكل ديال الريزو") == {"مشكل", "ريزو"}


def test_arabic_articles_and_conjunctions_do_not_split_a_term():
    assert terms_of("والشبكة") == terms_of("الشبكة") == terms_of("شبكة") == {"شبكه"}


def test_links_numbers_and_short_words_are_not_terms():
    assert terms_of("https://www.example.com/a 2026 ok 5G") == {"example"}


def test_a_word_that_suddenly_spreads_rises_first():
    before = ["Offre fibre très rapide"] * 20 + ["Service client lent"] * 5
    now = ["Panne fibre à Casablanca"] * 12 + ["Offre fibre très rapide"] * 10
    ranked = rising_terms(now, before)
    assert {t.term for t in ranked[:2]} == {"panne", "casablanca"}
    assert (ranked[0].count, ranked[0].previous, ranked[0].growth) == (12, 0, None)
    assert "fibre" not in [t.term for t in ranked]


def test_a_term_is_shown_as_people_wrote_it_most_often():
    ranked = rising_terms(["Réseau coupé à Casablanca"] * 3 + ["reseau HS"], [])
    labels = {t.term: t.label for t in ranked}
    assert labels["reseau"] == "réseau"
    assert labels["coupe"] == "coupé"
    arabic = rising_terms(["انقطاع الشبكة", "الشبكة مقطوعة", "والشبكة ضعيفة"], [], limit=5)
    assert [(t.term, t.label, t.count) for t in arabic] == [("شبكه", "شبكة", 3)]


def test_one_text_counts_once_however_often_it_repeats_a_word():
    ranked = rising_terms(["panne panne panne panne"], [], limit=5)
    assert ranked == []
