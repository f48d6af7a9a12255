import numpy as np
import pytest
from datasketch import MinHash

from majlis.text.dedupe import (
    NearDuplicateIndex,
    as_bytes,
    canonical_url,
    content_hash,
    fragment_names_item,
    signature,
    signature_rows,
)
from majlis.text.dedupe.near import shingles
from tests.text.varied_texts import varied_texts


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM/Page", "http://example.com/Page"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("example.com/actualite", "http://example.com/actualite"),
        (
            "https://example.com/a?utm_source=fb&utm_medium=social&id=7",
            "https://example.com/a?id=7",
        ),
        ("https://example.com/a?fbclid=IwAR0&gclid=x&msclkid=y", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/news/index.html", "https://example.com/news/"),
        ("https://example.com/index.php?id=3", "https://example.com/?id=3"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://www.example.com./", "https://www.example.com/"),
    ],
)
def test_canonical_url_gives_one_spelling_per_page(url, canonical):
    assert canonical_url(url) == canonical


def test_canonical_url_keeps_what_changes_the_page():
    assert canonical_url("https://example.com/A?page=2") != canonical_url("https://example.com/a")
    assert canonical_url("https://example.com/a/") != canonical_url("https://example.com/a")
    assert canonical_url("https://example.com/a?page=2") != canonical_url("https://example.com/a")


def test_canonical_url_keeps_the_fragment_only_when_told_it_names_the_item():
    assert canonical_url("https://Forum.example/t/9#post-2") == "https://forum.example/t/9"
    assert canonical_url("https://Forum.example/t/9#post-2", keep_fragment=True) == (
        "https://forum.example/t/9#post-2"
    )


def test_a_message_address_is_kept_as_it_is():
    assert canonical_url("mid:Form-2024@Atlas.example.ma") == "mid:Form-2024@Atlas.example.ma"


@pytest.mark.parametrize(
    ("url", "names_item"),
    [
        ("https://f.example/t/9#post-2", True),
        ("https://f.example/t/9#p123", True),
        ("https://f.example/a#comment-45", True),
        ("https://f.example/a", False),
        ("https://f.example/a#", False),
        ("https://f.example/a#top", False),
        ("https://f.example/a#comments", False),
        ("https://f.example/a#xtor=RSS-3", False),
        ("https://f.example/a#:~:text=Atlas%202", False),
    ],
)
def test_an_imported_address_names_its_item_by_a_numbered_fragment(url, names_item):
    assert fragment_names_item(url) is names_item


def test_content_hash_ignores_case_accents_spacing_punctuation_and_links():
    original = "Été 2025 : Royal Air Maroc ouvre une ligne vers Toronto!"
    copy = "RT @ram: ete 2025   royal air maroc OUVRE une ligne vers toronto https://t.co/x"
    assert content_hash(original) == content_hash(copy)
    assert len(content_hash(original)) == 64


def test_content_hash_folds_arabic_letter_variants():
    assert content_hash("إعلان مهم للمسافرين") == content_hash("اعلان مهم للمسافرين")


def test_content_hash_differs_for_different_texts():
    assert content_hash("la ligne ouvre en juin") != content_hash("la ligne ferme en juin")


ARTICLE = (
    "Royal Air Maroc annonce l'ouverture d'une nouvelle ligne directe entre Casablanca et "
    "Toronto à partir du mois de juin, avec trois vols par semaine en Boeing 787 Dreamliner."
)


def test_a_repost_joins_the_cluster_of_the_original():
    index = NearDuplicateIndex()
    assert index.add("a", ARTICLE) == "a"
    assert index.add("b", "RT @ram: " + ARTICLE + " #RAM https://t.co/xyz") == "a"
    assert index.add("c", "Le match de ce soir est reporté à cause de la pluie.") == "c"


def test_a_lightly_edited_copy_is_a_near_duplicate_and_a_rewrite_is_not():
    index = NearDuplicateIndex()
    index.add("original", ARTICLE)
    edited = ARTICLE.replace("trois vols par semaine", "trois vols hebdomadaires")
    rewrite = (
        "Nouvelle liaison Casablanca Toronto : la compagnie nationale vise les Marocains du Canada."
    )
    assert index.add("edited", edited) == "original"
    assert index.add("rewrite", rewrite) == "rewrite"


def test_adding_the_same_key_twice_changes_nothing():
    index = NearDuplicateIndex()
    index.add("a", ARTICLE)
    assert index.add("a", "something else entirely") == "a"
    assert len(index) == 1


def test_texts_without_words_stay_alone():
    index = NearDuplicateIndex()
    assert index.add("x", "😂😂") == "x"
    assert index.add("y", "") == "y"


def test_the_index_rebuilds_from_stored_signatures():
    texts = {
        "a": ARTICLE,
        "b": ARTICLE + " via @ram",
        "c": "Le match de ce soir est reporté à cause de la pluie.",
    }
    original = NearDuplicateIndex()
    clusters = {key: original.add(key, text) for key, text in texts.items()}
    stored = [(key, signature(text)) for key, text in texts.items()]

    rebuilt = NearDuplicateIndex.from_signatures(stored)
    with_clusters = NearDuplicateIndex.from_signatures(
        (key, sig, clusters[key]) for key, sig in stored
    )

    assert {key: rebuilt.cluster_of(key) for key in texts} == clusters
    assert {key: with_clusters.cluster_of(key) for key in texts} == clusters
    assert rebuilt.add("d", "RT @x: " + ARTICLE) == "a"


def test_a_signature_is_512_stable_bytes():
    assert len(signature(ARTICLE)) == 512
    assert signature(ARTICLE) == signature(ARTICLE.upper())


def test_a_truncated_signature_is_refused():
    with pytest.raises(ValueError, match="512 bytes"):
        NearDuplicateIndex().add_signature("a", signature(ARTICLE)[:100])


def test_signatures_are_datasketch_minhashes_so_stored_ones_stay_comparable():
    texts = varied_texts()
    rows = signature_rows(texts)
    for text, row in zip(texts, rows, strict=True):
        minhash = MinHash(num_perm=128, seed=1, scheme="affine32")
        minhash.update_batch(list(shingles(text)))
        expected = np.asarray(minhash.hashvalues, dtype="<u4").tobytes()
        assert as_bytes(row) == signature(text) == expected


def test_many_texts_placed_at_once_land_where_one_by_one_would_put_them():
    texts = [ARTICLE, "RT @ram: " + ARTICLE, *varied_texts(), ARTICLE + " #RAM"]
    keys = [f"k{n}" for n in range(len(texts))]
    one_by_one = NearDuplicateIndex()
    expected = [one_by_one.add(key, text) for key, text in zip(keys, texts, strict=True)]

    at_once = NearDuplicateIndex().add_rows(keys, signature_rows(texts))

    assert at_once == expected
    assert at_once[1] == at_once[-1] == "k0"


def test_of_two_equally_near_clusters_the_older_wins():
    index = NearDuplicateIndex()
    index.add_signature("first", signature(ARTICLE), "first")
    index.add_signature("second", signature(ARTICLE + " !"), "second")  # stored apart
    assert index.add("third", ARTICLE + " via @ram") == "first"
