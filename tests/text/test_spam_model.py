"""The shipped content model, how it is read, and how it is trained."""

import json
import subprocess
import sys

from majlis.text.spam import SpamModel, load_spam_model
from majlis.text.spam.train import train_spam


def test_the_shipped_model_is_read_once_and_says_where_it_comes_from():
    model = load_spam_model()

    assert load_spam_model() is model
    assert "YouTube Spam Collection" in model.info["data"]
    assert set(model.info["leave_one_video_out"]) == {
        "Youtube01-Psy",
        "Youtube02-KatyPerry",
        "Youtube03-LMFAO",
    }


def test_the_shipped_model_tells_clear_spam_from_clear_comments():
    model = load_spam_model()

    assert model.probability("Check out my channel, subscribe please!!! http://bit.ly/xyz") > 0.9
    assert model.probability("Subscribe to my channel for free iPhone giveaway") > 0.9
    assert model.probability("This song is amazing, I listen to it every day") < 0.1
    assert model.probability("I love the part at 2:30, the dance is so funny") < 0.1


def test_deciding_needs_neither_scikit_learn_nor_django():
    code = (
        "import sys\n"
        "from majlis.text.spam import SpamInput, decide\n"
        "decide(SpamInput(content='Bonjour'))\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'django') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"


SPAM = [
    "check out my channel http://bit.ly/{}",
    "subscribe to my channel please {} !!!",
    "free gift cards here http://gift{}.example.com",
    "make money online now visit http://cash{}.example.com",
]
HAM = [
    "this song is great {}",
    "love this video so much {}",
    "who is watching in {} ?",
    "the dance at the end is funny {}",
]


def write_video(path, seed):
    with path.open("w", encoding="utf-8") as out:
        for i in range(6):
            for template in SPAM:
                row = {"text": template.format(seed * 100 + i), "author": "a", "label": "spam"}
                out.write(json.dumps(row) + "\n")
            for template in HAM:
                row = {"text": template.format(seed * 100 + i), "author": "b", "label": "ham"}
                out.write(json.dumps(row) + "\n")


def test_training_reports_each_held_out_video_and_writes_a_usable_model(tmp_path):
    data = tmp_path / "youtube"
    data.mkdir()
    write_video(data / "Youtube01-A.jsonl", 1)
    write_video(data / "Youtube02-B.jsonl", 2)
    out = tmp_path / "spam.npz"

    report = train_spam(data, out, seed=0)

    assert set(report["leave_one_video_out"]) == {"Youtube01-A", "Youtube02-B"}
    for figures in report["leave_one_video_out"].values():
        assert figures["model"]["f1"] > 0.9
        assert set(figures["decision"]) == {"f1", "precision", "recall"}
    model = SpamModel.load(out)
    assert model.probability("subscribe to my channel http://bit.ly/zz") > 0.5
    assert model.probability("this song is great") < 0.5
