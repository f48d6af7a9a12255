"""`majlis train`: models rebuilt from the public data, reproducibly, into the data dir."""

from __future__ import annotations

import json
import random

from majlis.cli import main


def _youtube(tmp_path):
    folder = tmp_path / "spam" / "youtube"
    folder.mkdir(parents=True)
    rng = random.Random(0)
    for video in ("Youtube01-A", "Youtube02-B"):
        rows = []
        for n in range(40):
            spam = n % 2 == 0
            text = (
                f"check out my channel http://free-{n}.example subscribe now win money"
                if spam
                else f"this song is great, {rng.choice(['love', 'classic', 'nice'])} memories {n}"
            )
            rows.append(
                {
                    "id": f"{video}-{n}",
                    "text": text,
                    "label": "spam" if spam else "ham",
                    "author": f"u{n}",
                    "date": "2013-11-07T06:20:48",
                }
            )
        (folder / f"{video}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path


def test_train_spam_writes_a_model_and_reports_held_out_scores(db, tmp_path, capsys, settings):
    settings.DATA_DIR = tmp_path / "var"
    data = _youtube(tmp_path / "data")
    assert main(["train", "spam", "--data", str(data)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (tmp_path / "var" / "models" / "spam.npz").exists()
    assert report["written"].endswith("var/models/spam.npz")
    assert report["metrics"]


def test_training_on_unlicensed_data_is_never_shipped_in_the_package(db, capsys):
    assert main(["train", "sentiment", "--ship", "--all-data"]) == 2
    assert "no stated licence" in capsys.readouterr().err


def test_a_missing_data_folder_exits_2(db, tmp_path, capsys):
    assert main(["train", "spam", "--data", str(tmp_path / "none")]) == 2
    assert "no training data" in capsys.readouterr().err
