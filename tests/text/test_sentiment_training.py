import json

import numpy as np
import pytest

from majlis.text.sentiment import classify_sentiment, load_model, set_default_model
from majlis.text.sentiment.metrics import macro_f1
from majlis.text.sentiment.train import evaluate, train_sentiment

WORDS = {
    "fr": {"positive": "super génial merci", "negative": "nul honteux horrible",
           "neutral": "réunion mardi mairie"},
    "en": {"positive": "great awesome thanks", "negative": "awful terrible worst",
           "neutral": "meeting monday office"},
    "ar": {"positive": "رائع ممتاز شكرا", "negative": "سيء فاشل كارثة",
           "neutral": "اجتماع الثلاثاء المجلس"},
}  # fmt: skip


def _write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


@pytest.fixture
def tiny_data(tmp_path):
    """Three words per label and language, in the layout of the shared data folder."""
    data = tmp_path / "data" / "sentiment"
    for lang, labels in WORDS.items():
        rows = [
            {"text": f"{word} {n}", "label": label, "lang": lang}
            for label, words in labels.items()
            for word in words.split()
            for n in range(3)
        ]
        _write_jsonl(data / "umsab" / f"{lang}.train.jsonl", rows)
        _write_jsonl(data / "umsab" / f"{lang}.val.jsonl", rows[::3])
    darija = {"positive": ["زوين بزاف", "zwin bzaf"], "negative": ["خايب بزاف", "khayb bzaf"]}
    mac = [{"text": f"{texts[0]} {n}", "label": label, "variety": "dialectal"}
           for label, texts in darija.items() for n in range(8)]  # fmt: skip
    mac += [{"text": "خبر عادي", "label": "mixed", "variety": "standard"}] * 2
    myc = [{"text": f"{texts[1]} {n}", "label": label, "script": "latin"}
           for label, texts in darija.items() for n in range(8)]  # fmt: skip
    _write_jsonl(data / "mac_darija" / "train.jsonl", mac)
    _write_jsonl(data / "myc_darija" / "train.jsonl", myc)
    return tmp_path / "data"


def test_training_writes_a_model_and_its_dev_metrics(tiny_data, tmp_path):
    out = tmp_path / "models" / "sentiment.npz"

    metrics = train_sentiment(tiny_data, out, seed=0)

    assert metrics["trained_on"] == ["umsab"]
    assert json.loads((out.parent / "sentiment.npz.metrics.json").read_text()) == metrics
    assert {"ar", "fr", "en", "ary", "ary-Latn"} <= set(metrics["dev"])
    model = load_model(out)
    assert model.classify("vraiment génial", "fr")[0] == "positive"
    assert model.classify("terrible", "en")[0] == "negative"
    assert model.classify("اجتماع", "ar")[0] == "neutral"


def test_training_is_deterministic(tiny_data, tmp_path):
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    train_sentiment(tiny_data, first, seed=0)
    train_sentiment(tiny_data, second, seed=0)
    with np.load(first) as a, np.load(second) as b:
        assert np.array_equal(a["weights"], b["weights"])
        assert np.array_equal(a["bias"], b["bias"])


def test_the_unlicensed_darija_sets_are_used_only_when_asked(tiny_data, tmp_path):
    metrics = train_sentiment(tiny_data, tmp_path / "full.npz", include_unlicensed=True)

    assert metrics["trained_on"] == ["mac", "myc", "umsab"]
    model = load_model(tmp_path / "full.npz")
    assert model.classify("zwin bzaf", "ary-Latn")[0] == "positive"
    assert model.classify("خايب بزاف", "ary")[0] == "negative"


def test_evaluate_prints_macro_f1_per_language(tiny_data, tmp_path, capsys):
    train_sentiment(tiny_data, tmp_path / "m.npz")

    results = evaluate(load_model(tmp_path / "m.npz"), tiny_data)

    printed = capsys.readouterr().out
    for language in ("ar", "fr", "en", "ary", "ary-Latn"):
        assert language in results
        assert f"{language} " in printed
    assert "macro-F1" in printed


def test_macro_f1_averages_over_the_labels_present():
    assert macro_f1(["positive", "negative"], ["positive", "negative"]) == 1.0
    assert macro_f1(["positive", "negative"], ["positive", "neutral"]) == pytest.approx(1 / 2)


def test_an_operator_model_can_replace_the_packaged_one(tiny_data, tmp_path):
    out = tmp_path / "operator.npz"
    train_sentiment(tiny_data, out)
    try:
        set_default_model(out)
        assert classify_sentiment("réunion", "fr")[0] == "neutral"
    finally:
        set_default_model(None)
    assert classify_sentiment("I love it, amazing!", "en")[0] == "positive"
