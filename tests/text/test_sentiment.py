import hashlib
import sys

import pytest

from majlis.text.langid import detect_languages
from majlis.text.sentiment import (
    LABELS,
    ModelUnavailableError,
    SentimentModel,
    classify_sentiment,
    classify_sentiments,
    load_default_model,
    load_model,
)
from majlis.text.sentiment.features import FeatureSpace
from tests.text.varied_texts import AWKWARD, varied_texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci beaucoup, le service était excellent, je recommande !", "positive"),
        ("Service client nul, trois semaines sans réponse. Honteux.", "negative"),
        ("I love this phone, the camera is amazing!", "positive"),
        ("Worst airline ever, they lost my luggage again.", "negative"),
        ("The meeting is scheduled for Monday at 10am.", "neutral"),
        ("الخدمة ممتازة شكرا جزيلا", "positive"),
        ("للاسف خدمة سيئة وتأخير كبير", "negative"),
        ("wa3r bzaf had lproduit 😍😍", "positive"),
        ("khayb bzaf had service 😡😡", "negative"),
        ("هاد الشركة خايبة بزاف 😡", "negative"),
        ("Le conseil municipal se réunira mardi à 18h.", "neutral"),
    ],
)
def test_it_reads_the_sentiment_of_clear_posts(text, expected):
    label, score = classify_sentiment(text)
    assert label == expected
    assert 1 / 3 < score <= 1


def test_the_score_is_the_probability_of_the_label():
    model = load_default_model()
    text = "Je suis très content de ma nouvelle carte"
    label, score = model.classify(text, "fr")
    probabilities = model.probabilities(text, "fr")
    assert set(probabilities) == set(LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert score == pytest.approx(max(probabilities.values()))
    assert probabilities[label] == pytest.approx(score)


def test_a_given_language_skips_detection_and_gives_the_same_kind_of_answer():
    label, score = classify_sentiment("Quelle belle journée, bravo à toute l'équipe !", lang="fr")
    assert label == "positive"
    assert 0 <= score <= 1


def test_text_without_words_still_gets_an_answer():
    for text in ("", "   ", "http://example.com"):
        label, score = classify_sentiment(text)
        assert label in LABELS
        assert 0 <= score <= 1


def test_many_texts_at_once_get_the_readings_each_gets_alone():
    texts = varied_texts()
    langs = detect_languages(texts)

    together = classify_sentiments(texts, langs)
    alone = [classify_sentiment(text, lang) for text, lang in zip(texts, langs, strict=True)]

    assert [label for label, _ in together] == [label for label, _ in alone]
    assert [score for _, score in together] == pytest.approx([s for _, s in alone], abs=1e-5)
    assert {label for label, _ in together} == set(LABELS)


def test_many_texts_without_their_language_are_read_as_each_alone():
    texts = AWKWARD
    assert [label for label, _ in classify_sentiments(texts)] == [
        classify_sentiment(text)[0] for text in texts
    ]


# Digests of the (column, value) pairs that the feature code the shipped model was trained with
# gives these texts: a faster extraction must give the model exactly the same rows.
TRAINED_ROWS = [
    (AWKWARD[5], "fr", "31642256607a62c7"),
    (AWKWARD[6], None, "51af8de20f48e26e"),
    (AWKWARD[8], "ar", "7f90f7f8ab141fa8"),
    (AWKWARD[11], "fr", "c4f36b326e31cd80"),
    (AWKWARD[12], "en", "f883d557c94bf018"),
    (AWKWARD[13], "fr", "8d368acae39b1934"),
    (AWKWARD[15], "fr", "c511ca7798049a43"),
]


@pytest.mark.parametrize(("text", "domain", "digest"), TRAINED_ROWS)
def test_texts_become_the_rows_the_shipped_model_was_trained_on(text, domain, digest):
    space = FeatureSpace(n_bits=18, char_min=2, char_max=5, char_weight=1.0, lexicon_weight=0.5)
    cols, vals = space.vector(text, domain)
    pairs = sorted(zip(cols.tolist(), [round(float(v), 6) for v in vals], strict=True))
    assert hashlib.sha256(repr(pairs).encode()).hexdigest()[:16] == digest

    row = space.matrix([text], [domain])
    assert sorted(zip(row.indices.tolist(), row.data.tolist(), strict=True)) == sorted(
        zip(cols.tolist(), vals.tolist(), strict=True)
    )


def test_a_workspace_correction_flips_that_text_and_leaves_the_base_model_alone():
    base = load_default_model()
    assert isinstance(base, SentimentModel)
    text = "Nouvelle offre Ramadan chez Inwi, les prix ont encore bougé"
    before, _ = base.classify(text, "fr")
    wanted = "negative" if before != "negative" else "positive"

    adapted = base.adapted([(text, wanted)])

    assert adapted.classify(text, "fr")[0] == wanted
    assert adapted.classify(text.upper() + "  https://t.co/x", "fr")[0] == wanted
    assert base.classify(text, "fr")[0] == before


def test_corrections_hold_when_many_texts_are_read_at_once():
    base = load_default_model()
    assert isinstance(base, SentimentModel)
    text = "Nouvelle offre Ramadan chez Inwi, les prix ont encore bougé"
    other = "Coupure de réseau chez Inwi ce matin"
    wanted = "negative" if base.classify(text, "fr")[0] != "negative" else "positive"
    adapted = base.adapted([(text, wanted)])

    answers = adapted.classify_many([other, text.upper()], ["fr", "fr"])

    label, score = adapted.classify(other, "fr")
    assert answers == [(label, pytest.approx(score)), (wanted, pytest.approx(0.99))]


def test_a_correction_carries_over_to_similar_texts():
    base = load_default_model()
    assert isinstance(base, SentimentModel)
    corrections = [("Encore une coupure de réseau chez Inwi ce soir", "negative")]
    similar = "Coupure de réseau chez Inwi ce matin"

    adapted = base.adapted(corrections)

    assert (
        adapted.probabilities(similar, "fr")["negative"]
        > base.probabilities(similar, "fr")["negative"]
    )


def test_an_unknown_label_in_corrections_is_refused():
    with pytest.raises(ValueError, match="unknown sentiment label"):
        load_default_model().adapted([("texte", "angry")])


def test_an_adapted_model_saves_and_loads_with_its_corrections(tmp_path):
    base = load_default_model()
    assert isinstance(base, SentimentModel)
    adapted = base.adapted([("le colis est arrivé", "positive")])
    path = tmp_path / "workspace.npz"

    adapted.save(path)
    loaded = load_model(path)

    assert loaded.classify("Le colis est arrivé", "fr") == ("positive", pytest.approx(0.99))


def test_a_directory_without_a_model_is_refused(tmp_path):
    with pytest.raises(ModelUnavailableError, match="no sentiment model"):
        load_model(tmp_path)


def test_an_onnx_model_without_onnxruntime_gives_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "model.onnx").write_bytes(b"not really onnx")
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ModelUnavailableError, match="needs onnxruntime"):
        load_model(tmp_path)


def _write_lookup_onnx(directory, table):
    """A tiny ONNX graph: exact text -> row of probabilities (a stand-in for a real model)."""
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from onnx import TensorProto, helper

    texts = list(table)
    probabilities = [table[t] for t in texts] + [[0.2, 0.6, 0.2]]
    graph = helper.make_graph(
        [
            helper.make_node(
                "CategoryMapper", ["text"], ["row"], domain="ai.onnx.ml",
                cats_strings=texts, cats_int64s=list(range(len(texts))), default_int64=len(texts),
            ),
            helper.make_node("Gather", ["table", "row"], ["probabilities"], axis=0),
        ],
        "lookup",
        [helper.make_tensor_value_info("text", TensorProto.STRING, [None])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 3])],
        [helper.make_tensor("table", TensorProto.FLOAT, [len(probabilities), 3],
                            [p for row in probabilities for p in row])],
    )  # fmt: skip
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 2)]
    )
    model.ir_version = 8
    onnx.save(model, directory / "model.onnx")


def test_an_operator_onnx_model_is_used_through_the_same_interface(tmp_path):
    _write_lookup_onnx(tmp_path, {"top": [0.05, 0.05, 0.9], "nul": [0.8, 0.1, 0.1]})

    model = load_model(tmp_path)

    assert model.classify("top") == ("positive", pytest.approx(0.9))
    assert model.classify("nul") == ("negative", pytest.approx(0.8))
    assert model.classify("autre chose")[0] == "neutral"
    assert [label for label, _ in model.classify_many(["top", "nul"], [None, None])] == [
        "positive",
        "negative",
    ]
    assert model.adapted([("nul", "positive")]).classify("nul")[0] == "positive"
