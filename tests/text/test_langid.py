import json

import pytest

from majlis.text.langid import (
    LANGUAGES,
    detect_language,
    detect_languages,
    load_detector,
    set_default_detector,
)
from majlis.text.langid.train import train_langid
from tests.text.varied_texts import varied_texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci pour votre réponse rapide, le colis est bien arrivé ce matin.", "fr"),
        ("Je ne comprends pas pourquoi ma commande est toujours bloquée.", "fr"),
        ("The delivery was late again and nobody answers the phone.", "en"),
        ("Great customer service, thanks for the quick refund!", "en"),
        ("أعلنت الحكومة عن خطة جديدة لتطوير البنية التحتية في المدن الكبرى", "ar"),
        ("نشكر إدارة الشركة على حسن الاستقبال والتنظيم", "ar"),
        ("واش كاين شي واحد عندو نفس المشكل مع هاد الشركة؟", "ary"),
        ("بغيت نشري هاد التيليفون ولكن غالي بزاف", "ary"),
        ("wach nta mzyan a khoya?", "ary-Latn"),
        ("3afak fin kayn had lmagasin", "ary-Latn"),
        ("bghit nchri tomobil jdida", "ary-Latn"),
        ("had lkhedma 7chuma, ma3reftch 3lach", "ary-Latn"),
    ],
)
def test_it_names_the_language_of_clear_posts(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ok",
        "😂😂😂",
        "https://example.com/article @someone #maroc",
        "¿Dónde está la estación de tren más cercana?",
        "Das Wetter ist heute wirklich schön und warm.",
        "Привет, как дела у тебя сегодня?",
        "این یک متن کوتاه به زبان فارسی است",
    ],
)
def test_it_says_und_for_too_little_text_or_another_language(text):
    assert detect_language(text) == "und"


def test_links_mentions_and_emoji_do_not_change_the_answer():
    text = "Le service client a été très efficace"
    assert detect_language(f"@orange {text} 👍 https://t.co/abc") == detect_language(text) == "fr"


def test_many_texts_at_once_get_the_answers_each_gets_alone():
    texts = varied_texts()
    answers = detect_languages(texts)
    assert answers == [detect_language(text) for text in texts]
    assert set(answers) == set(LANGUAGES)  # the sample holds every language and und


def test_every_answer_is_one_of_the_documented_codes():
    for text in ("salam", "مرحبا", "hello there", "1234", "RT @x: lol"):
        assert detect_language(text) in LANGUAGES


def _write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


@pytest.fixture
def tiny_data(tmp_path):
    """A handful of rows in the layout of the shared data folder."""
    data = tmp_path / "data" / "sentiment"
    msa = ["ذهب الوزير إلى المؤتمر", "تم افتتاح المستشفى الجديد", "صدر القرار الرسمي اليوم"]
    darija = ["واش نتا مزيان", "بغيت نمشي دابا", "هاد الشي زوين بزاف"]
    arabizi = ["wach nta mzyan", "bghit nmchi daba", "had chi zwin bzaf"]
    for lang, texts in (("ar", msa), ("fr", ["il fait beau aujourd'hui"] * 3),
                        ("en", ["the weather is nice today"] * 3)):  # fmt: skip
        rows = [{"text": t, "label": "neutral", "lang": lang} for t in texts]
        _write_jsonl(data / "umsab" / f"{lang}.train.jsonl", rows)
        _write_jsonl(data / "umsab" / f"{lang}.val.jsonl", rows)
    mac = [{"text": t, "label": "neutral", "variety": "standard"} for t in msa * 4]
    mac += [{"text": t, "label": "neutral", "variety": "dialectal"} for t in darija * 4]
    _write_jsonl(data / "mac_darija" / "train.jsonl", mac)
    myc = [{"text": t, "label": "positive", "script": "arabic"} for t in darija * 4]
    myc += [{"text": t, "label": "positive", "script": "latin"} for t in arabizi * 4]
    _write_jsonl(data / "myc_darija" / "train.jsonl", myc)
    return tmp_path / "data"


def test_an_operator_can_train_and_use_a_learned_darija_model(tiny_data, tmp_path):
    out = tmp_path / "langid.npz"

    metrics = train_langid(tiny_data, out, seed=0)

    assert out.exists()
    assert json.loads(out.with_name("langid.npz.metrics.json").read_text()) == metrics
    assert set(metrics["accuracy"]) == {"ar", "ary", "ary-Latn", "en", "fr"}
    detector = load_detector(out)
    assert detector.detect("هاد الشي زوين بزاف") == "ary"
    assert detector.detect("صدر القرار الرسمي اليوم") == "ar"


def test_the_default_detector_can_be_switched_and_restored(tiny_data, tmp_path):
    out = tmp_path / "langid.npz"
    train_langid(tiny_data, out)
    try:
        set_default_detector(out)
        assert detect_language("بغيت نمشي دابا") == "ary"
    finally:
        set_default_detector(None)
    assert detect_language("wach nta mzyan") == "ary-Latn"
