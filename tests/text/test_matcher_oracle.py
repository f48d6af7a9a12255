"""The compiled matcher finds exactly what one regular expression per query finds.

NaiveMatcher shares only the parser and the definition of a word with CompiledMatcher, so random
queries and mentions in French, Arabic, Darija and English, built from a small vocabulary that
makes matches and near misses frequent, must give identical results.
"""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.text.matcher import CompiledMatcher, Document, NaiveMatcher
from majlis.text.query import QuerySyntaxError, parse_query


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words(
    "Maroc marocain marocaines Été été ete école banc bancaire banque Air Canada air-canada "
    "l'été cœur coeur RDC inwi Orange réseau panne retard vol flight delayed service down "
    "bzaf mzyan wakha 3ayan and or le Les the في وفي "
    "الخطوط والخطوط بالخطوط وبالخطوط للخطوط خطوط الملكية المغربية الملكيّة أورنج اورنج "
    "مدرسة مدرسه المغرب للمغرب وللمغربيات مغرب لل والد ولد و ل"
)
MARKS = _words("#Maroc #maroc_2030 #المغرب @alice @alice@mastodon.social @bob.bsky.social x@y.ma")
SEPARATORS = [" ", " ", " ", ", ", ". ", " - ", "'", "\n", " « ", " » ", "… ", "!", "_", "/"]
URLS = [
    "", "https://www.hespress.com/a/1", "http://news.example.com", "example.org/x",
    "HTTPS://News.Example.COM:8443/x", "https://user@hespress.com", "https://example.com?a=/b",
    "https://hespress.com/?u=https://example.com/", "?u=https://example.com/", "mailto:x@y.ma",
]  # fmt: skip
AUTHORS = ["", "Salma B.", "@karim", "هيئة التحرير"]
LANGUAGES = ["", "fr", "ar", "ary", "ary-Latn", "en"]


def _text(rng: random.Random, length: int) -> str:
    parts = []
    for _ in range(length):
        parts.append(rng.choice(MARKS) if rng.random() < 0.1 else rng.choice(WORDS))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


def _document(rng: random.Random, number: int) -> Document:
    return Document(
        id=f"d{number}",
        text=_text(rng, rng.randint(0, 30)),
        title=_text(rng, rng.randint(0, 5)) if rng.random() < 0.5 else "",
        url=rng.choice(URLS),
        author=rng.choice(AUTHORS),
        lang=rng.choice(LANGUAGES),
    )


def _term(rng: random.Random) -> str:
    roll = rng.random()
    word = rng.choice(WORDS)
    if roll < 0.45:
        return word
    if roll < 0.6:
        return '"' + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3))) + '"'
    if roll < 0.72:
        return word[: rng.randint(3, max(3, len(word)))] + "*"
    if roll < 0.82:
        return rng.choice(MARKS)
    return rng.choice(
        ["lang:fr", "lang:ary", "lang:ary-latn", "site:example.com", "site:hespress.com",
         'author:"salma b."', "author:karim"]
    )  # fmt: skip


def _query(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > 2 or roll < 0.3:
        return _term(rng)
    if roll < 0.45:
        return f"{_term(rng)} NEAR/{rng.randint(0, 4)} {_term(rng)}"
    if roll < 0.6:
        return f"{_query(rng, depth + 1)} AND NOT {_term(rng)}"
    operator = rng.choice([" ", " AND ", " OR "])
    group = operator.join(_query(rng, depth + 1) for _ in range(rng.randint(2, 3)))
    return f"({group})" if rng.random() < 0.5 else group


def _valid(query: str) -> bool:
    try:
        parse_query(query)
    except QuerySyntaxError:
        return False
    return True


def _assert_same_matches(queries: list[tuple[str, str]], documents: list[Document]) -> None:
    """One document at a time, and all of them as one batch, whatever its size."""
    compiled, naive = CompiledMatcher.build(queries), NaiveMatcher.build(queries)
    compiled.BATCH_FROM = 1
    expected = [naive.match(document) for document in documents]
    for document, found in zip(documents, expected, strict=True):
        assert compiled.match(document) == found, document
    for document, found, batched in zip(
        documents, expected, compiled.match_many(documents), strict=True
    ):
        assert batched == found, document


def test_both_matchers_agree_on_a_generated_corpus():
    rng = random.Random(20250601)
    queries = [(f"q{number}", _query(rng)) for number in range(300)]
    queries = [(query_id, text) for query_id, text in queries if _valid(text)]
    documents = [_document(rng, number) for number in range(120)]
    assert len(queries) > 200
    _assert_same_matches(queries, documents)
    assert any(CompiledMatcher.build(queries).match(document) for document in documents)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_both_matchers_agree_on_any_seed(seed):
    rng = random.Random(seed)
    queries = [(f"q{number}", _query(rng)) for number in range(12)]
    queries = [(query_id, text) for query_id, text in queries if _valid(text)]
    _assert_same_matches(queries, [_document(rng, number) for number in range(12)])


_PIECES = st.sampled_from(WORDS + MARKS + SEPARATORS + ["AND", "NOT", "NEAR/1", "(", ")", '"'])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=8), st.lists(_PIECES, max_size=25))
def test_both_matchers_agree_on_any_query_and_text(query_pieces, text_pieces):
    query = " ".join(query_pieces)
    if _valid(query):
        _assert_same_matches([("q", query)], [Document("d", "".join(text_pieces))])
