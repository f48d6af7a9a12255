"""Train the learned Darija judge and measure language ID (training needs the `train` extra).

The only Darija data, MAC and MYC, state no licence, so the judge trained here is for an
operator to build and keep locally (`set_default_detector(path)`); the package ships the
cue-based judge. `evaluate_langid` measures either on the same held-out slices as sentiment.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from sklearn.linear_model import LogisticRegression

from majlis.text.langid.backend import LATIN_LANGUAGES as _LATIN
from majlis.text.langid.cues import latin_cues
from majlis.text.langid.darija import N_BITS, LinearJudge, features
from majlis.text.langid.detector import MIN_LETTERS
from majlis.text.langid.detector import LanguageDetector as MajlisDetector
from majlis.text.langid.script import clean, script_of
from majlis.text.sentiment.data import Example, load_splits
from majlis.text.sentiment.train import SOLVER

C = 10.0


def train_langid(data_dir: Path, out_path: Path, seed: int = 0) -> dict[str, Any]:
    """Fit the two Darija classifiers, save them, return accuracy on the held-out slices."""
    train = load_splits(Path(data_dir), seed=seed, include_unlicensed=True).train
    arabic = _fit([e for e in train if e.lang in ("ar", "ary")], "ary", arabic=True)
    latin_rows = [e for e in train if e.lang in ("fr", "en", "ary-Latn") and gold_language(e)]
    latin = _fit(latin_rows, "ary-Latn", arabic=False)
    judge = LinearJudge(arabic[0], latin[0], (arabic[1], latin[1]))
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    judge.save(out_path, {"trained_on": ["umsab", "mac", "myc"], "seed": seed})
    metrics = evaluate_langid(MajlisDetector(judge=LinearJudge.load(out_path)), data_dir, seed)
    out_path.with_name(out_path.name + ".metrics.json").write_text(json.dumps(metrics, indent=2))
    return metrics


def gold_language(example: Example) -> str | None:
    """The language an example should get, or None when its data set's label says nothing.

    MYC's "latin" rows are YouTube comments under Moroccan videos: some are emoji alone, and
    many are plain French or English ("Respect from tunisia", "Le meilleur épisode"). Rows
    with no Darija cue that lingua (accurate mode) reads as French or English with confidence
    are set aside rather than counted as Arabizi.
    """
    if example.lang != "ary-Latn":
        return example.lang
    script = script_of(example.text)
    if script.latin < MIN_LETTERS or script.latin < script.arabic:
        return None
    if latin_cues(script.words).total == 0 and _confidently_french_or_english(clean(example.text)):
        return None
    return example.lang


@cache
def _accurate_lingua() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LATIN).build()


def _confidently_french_or_english(text: str) -> bool:
    best = _accurate_lingua().compute_language_confidence_values(text)[0]
    return best.language in (Language.FRENCH, Language.ENGLISH) and best.value >= 0.9


def evaluate_langid(detector: MajlisDetector, data_dir: Path, seed: int = 0) -> dict[str, Any]:
    """Accuracy per gold language, their mean, and the confusion counts."""
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for example in load_splits(Path(data_dir), seed=seed, include_unlicensed=True).dev:
        gold = gold_language(example)
        if gold is not None:
            confusion[gold][detector.detect(example.text)] += 1
    accuracy = {
        gold: round(100 * row[gold] / sum(row.values()), 1)
        for gold, row in sorted(confusion.items())
    }
    return {
        "accuracy": accuracy,
        "mean_accuracy": round(sum(accuracy.values()) / len(accuracy), 1),
        "confusion": {gold: dict(row.most_common()) for gold, row in sorted(confusion.items())},
    }


def _fit(examples: list[Example], positive: str, arabic: bool) -> tuple[np.ndarray, float]:
    rows = [features(script_of(e.text).words, arabic) for e in examples]
    indptr = np.cumsum([0] + [len(c) for c, _ in rows])
    matrix = sp.csr_matrix(
        (np.concatenate([v for _, v in rows]), np.concatenate([c for c, _ in rows]), indptr),
        shape=(len(rows), 1 << N_BITS),
    )
    matrix.sum_duplicates()
    target = np.asarray([e.lang == positive for e in examples])
    model = LogisticRegression(C=C, class_weight="balanced", **SOLVER).fit(matrix, target)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])
