"""What a community manager's queries find, with either matcher."""

import pytest

from majlis.text.matcher import CompiledMatcher, Document, NaiveMatcher
from majlis.text.query import QuerySyntaxError


class _Batched:
    """The compiled matcher's batch path (sparse tables), given batches of one."""

    def __init__(self, matcher: CompiledMatcher) -> None:
        self._matcher = matcher

    @classmethod
    def build(cls, queries: list[tuple[str, str]]) -> "_Batched":
        matcher = CompiledMatcher.build(queries)
        matcher.BATCH_FROM = 1
        return cls(matcher)

    def match(self, document: Document) -> list[str]:
        return self._matcher.match_many([document])[0]


MATCHERS = [CompiledMatcher, _Batched, NaiveMatcher]


@pytest.fixture(params=MATCHERS, ids=["compiled", "batched", "naive"])
def finds(request):
    """finds(query, text, **fields) tells whether one query matches one mention."""

    def finds(query: str, text: str, **fields: str) -> bool:
        matcher = request.param.build([("q", query)])
        found: list[str] = matcher.match(Document("d", text, **fields))
        return found == ["q"]

    return finds


def test_it_matches_the_whole_word_only(finds):
    assert finds("maroc", "Le Maroc gagne")
    assert not finds("maroc", "les marocaines gagnent")


def test_it_finds_a_word_between_hyphens_and_apostrophes(finds):
    assert finds("maroc", "Match Maroc-RDC ce soir")
    assert finds("ecole", "C'est l'école qui paie")


def test_case_and_latin_accents_do_not_matter(finds):
    assert finds("ÉTÉ", "un ete brulant")
    assert finds("ete", "UN ÉTÉ BRÛLANT")


def test_arabic_letter_variants_and_diacritics_do_not_matter(finds):
    assert finds("مدرسة", "المدرسه مغلقة و مدرسه اخرى")
    assert finds("أورنج", "خدمة اورنج")
    assert finds("الخطوط", "الخُطُوط الملكية")


def test_it_matches_arabic_word_with_proclitics(finds):
    assert finds("الخطوط", "سافرت وبالخطوط الملكية")
    assert finds("خطوط", "والخطوط")
    assert finds("المغرب", "شكرا للمغرب")
    assert finds("مغرب", "وللمغرب")
    assert not finds("الخطوط", "خطوطها")


def test_a_phrase_needs_its_words_next_to_each_other_in_order(finds):
    assert finds('"air canada"', "J'ai volé avec Air Canada hier")
    assert not finds('"air canada"', "Canada Air")
    assert not finds('"air canada"', "air du Canada")


def test_an_arabic_phrase_allows_proclitics_on_each_word(finds):
    assert finds('"الخطوط الملكية"', "سافرت وبالخطوط الملكية")


def test_a_phrase_does_not_run_from_the_title_into_the_text(finds):
    assert not finds('"air canada"', "Canada annonce", title="Vol Air")
    assert finds('"air canada"', "texte", title="Grève chez Air Canada")


def test_title_and_text_are_one_field_for_words(finds):
    assert finds("greve inwi", "inwi répond", title="Grève")


def test_a_prefix_matches_the_words_that_start_with_it(finds):
    assert finds("banc*", "les frais bancaires")
    assert finds("banc*", "un banc")
    assert not finds("banc*", "la banque")


def test_an_arabic_prefix_also_matches_under_proclitics(finds):
    assert finds("مغرب*", "وللمغربيات")
    assert not finds("مغرب*", "المغرب2030")


def test_a_hashtag_query_wants_the_hashtag(finds):
    assert finds("#maroc", "Allez #Maroc !")
    assert not finds("#maroc", "Allez le Maroc")
    assert not finds("#maroc", "#maroc2030")


def test_a_word_query_also_finds_the_word_in_a_hashtag(finds):
    assert finds("maroc", "Allez #Maroc")


def test_a_mention_query_finds_the_account_with_or_without_its_server(finds):
    assert finds("@alice", "merci @Alice@mastodon.social")
    assert finds("@alice@mastodon.social", "merci @alice@mastodon.social!")
    assert not finds("@alice", "merci @alice.bsky.social")
    assert not finds("@maroc", "contact@maroc.ma")


def test_and_or_and_not(finds):
    assert finds("inwi orange", "orange et inwi")
    assert not finds("inwi AND orange", "inwi seulement")
    assert finds("inwi OR orange", "orange seulement")
    assert finds("inwi AND NOT orange", "inwi seulement")
    assert not finds("inwi AND NOT orange", "inwi et orange")
    assert finds("(inwi OR orange) panne", "panne chez Orange")


def test_lowercase_and_or_are_words(finds):
    assert not finds("noir and blanc", "noir blanc")
    assert finds("noir and blanc", "noir and blanc")


def test_near_allows_at_most_n_words_between_in_either_order(finds):
    assert finds("retard NEAR/2 vol", "le vol a du retard")
    assert not finds("retard NEAR/2 vol", "le vol a eu du retard")
    assert finds("retard NEAR/2 vol", "retard du vol")
    assert not finds("retard NEAR/1 vol", "retard de mon vol")
    assert finds('"air canada" NEAR/3 retard', "Retard encore pour Air Canada")
    assert not finds("maroc NEAR/3 maroc", "Maroc")


def test_near_does_not_run_from_the_title_into_the_text(finds):
    assert not finds("vol NEAR/5 retard", "retard annoncé", title="Vol")


def test_the_language_field_covers_its_variants(finds):
    assert finds("lang:ary", "wach kayn", lang="ary-Latn")
    assert finds("lang:ary-latn", "wach kayn", lang="ary-Latn")
    assert not finds("lang:ar", "wach kayn", lang="ary")


def test_the_site_field_includes_subdomains(finds):
    assert finds("site:example.com", "x", url="https://news.example.com/a")
    assert finds("site:example.com", "x", url="http://example.com")
    assert not finds("site:example.com", "x", url="https://notexample.com/a")


def test_the_site_is_the_url_s_host_however_the_url_is_written(finds):
    assert finds("site:example.com", "x", url="HTTPS://News.Example.COM.:8443/a")
    assert finds("site:example.com", "x", url="https://user:pw@example.com/a")
    assert finds("site:example.com", "x", url="https://example.com?next=/a")
    assert finds("site:example.com", "x", url="https://example.com#top/a")
    assert finds("site:xn--mxico-bsa.com", "x", url="https://méxico.com/a")
    assert finds("site:example.com", "x", url="example.com/a")
    # The host is the URL's own, not one written further along in it.
    assert not finds("site:example.com", "x", url="https://other.ma/?u=https://example.com/")
    assert not finds("site:example.com", "x", url="/out?u=https://example.com/")
    assert not finds("site:example.com", "x", url="?u=https://example.com/a")
    assert not finds("site:example.com", "x", url="https://example.com.evil.ma/a")


def test_the_author_field(finds):
    assert finds('author:"Salma B."', "x", author="salma  b.")
    assert finds("author:karim", "x", author="@Karim")
    assert not finds("author:karim", "x", author="Karima")


def test_fields_combine_with_words(finds):
    assert finds("inwi lang:fr", "inwi en panne", lang="fr")
    assert not finds("inwi lang:fr", "inwi en panne", lang="ar")


@pytest.mark.parametrize("matcher", MATCHERS)
def test_it_returns_the_ids_of_every_matching_query_sorted(matcher):
    built = matcher.build([("b", "inwi"), ("a", "panne"), ("c", "orange")])
    assert built.match(Document("d", "inwi en panne")) == ["a", "b"]


@pytest.mark.parametrize("matcher", MATCHERS)
def test_a_malformed_query_is_refused_with_its_id(matcher):
    with pytest.raises(QuerySyntaxError) as refused:
        matcher.build([("good", "maroc"), ("bad", 'maroc "rdc')])
    assert (refused.value.query_id, refused.value.position) == ("bad", 6)


def test_the_commonest_words_are_still_whole_words(finds):
    assert finds("le", "Le Maroc gagne")
    assert not finds("le", "les Marocains gagnent")
    assert finds('"le maroc"', "Allez le Maroc !")
    assert not finds("maroc AND NOT le", "le Maroc")
    assert finds("في", "وفي المغرب")
    assert finds("maroc NEAR/1 le", "le grand Maroc")


def test_one_matcher_gives_the_same_answers_once_it_has_forgotten_what_it_learned(monkeypatch):
    matcher = CompiledMatcher.build([("q", '"air canada" retard'), ("p", "bancai*")])
    documents = [Document(f"d{n}", f"Retard: Air Canada, bancaire {n}") for n in range(20)]
    first = [matcher.match(document) for document in documents]
    monkeypatch.setattr("majlis.text.matcher.pieces.Pieces.LIMIT", 3)
    monkeypatch.setattr("majlis.text.matcher.lexicon.Lexicon.LIMIT", 2)
    assert [matcher.match(document) for document in documents] == first == [["p", "q"]] * 20
    matcher.BATCH_FROM = 1
    assert matcher.match_many(documents) == first
    assert matcher.match_many(documents[:1]) == first[:1]


def test_a_batch_gives_each_document_its_own_matches():
    matcher = CompiledMatcher.build(
        [
            ("a", "panne"),
            ("b", "inwi OR (orange AND NOT panne)"),
            ("c", "(orange OR inwi) retard"),
            ("d", '"air canada"'),
        ]
    )
    texts = ["panne inwi", "", "retard Inwi", "canada air", "Air Canada : retard chez Orange"]
    texts += ["Orange en panne"]
    batch = [Document(f"d{n}", text) for n, text in enumerate(texts * 10)]
    expected = [["a", "b"], [], ["b", "c"], [], ["b", "c", "d"], ["a"]] * 10
    assert matcher.match_many(batch) == expected
    assert [matcher.match(document) for document in batch] == expected
    assert matcher.match_many([]) == []


def test_a_prefix_looks_at_words_not_at_fields(finds):
    fields = {"lang": "fr", "url": "https://x.com/a", "author": "bob"}
    assert not finds("lang* OR site* OR autho* OR (lang:en site:y.com)", "bonjour", **fields)
    assert finds("lang* OR lang:fr", "bonjour", **fields)
