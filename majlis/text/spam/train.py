"""Train the content model and measure it on videos it never saw (needs the `train` extras).

    python -m majlis.text.spam.train DATA_DIR OUT.npz [--seed N] [--ham-check TOXICITY_DIR]

The regularization strength is chosen inside the training videos only (train on one, validate
on the other), so the held-out video plays no part in any choice made for its own test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from majlis.text.spam.data import Example, load_youtube
from majlis.text.spam.decide import decide
from majlis.text.spam.features import DIM, extract
from majlis.text.spam.inputs import SpamInput
from majlis.text.spam.model import SpamModel

C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
C_FALLBACK = 10.0
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
SOURCE = {
    "data": "YouTube Spam Collection (Alberto, Lochter & Almeida, ICMLA 2015), 3 of 5 videos",
    "repository": "alberto-ai/youtubespam @ aeb17a44",
    "licence": "UCI Machine Learning Repository terms (cite the authors)",
}


@dataclass(frozen=True)
class Group:
    """Examples with their feature matrix, built once: extraction is most of the training time."""

    examples: list[Example]
    matrix: Any

    @classmethod
    def of(cls, examples: Sequence[Example]) -> Group:
        from scipy import sparse

        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for row, example in enumerate(examples):
            features = extract(example.text)
            rows += [row] * len(features.indices)
            cols += features.indices.tolist()
            vals += features.values.tolist()
        shape = (len(examples), DIM)
        return cls(list(examples), sparse.csr_matrix((vals, (rows, cols)), shape=shape))

    @classmethod
    def joined(cls, groups: Sequence[Group]) -> Group:
        from scipy import sparse

        examples = [e for group in groups for e in group.examples]
        return cls(examples, sparse.vstack([group.matrix for group in groups], format="csr"))


def fit(group: Group, c: float, seed: int) -> SpamModel:
    from sklearn.linear_model import LogisticRegression

    labels = np.array([e.is_spam for e in group.examples])
    # Only a few ten thousand of the million hashed columns are ever used: solving on those
    # alone is ten times faster and gives the same weights.
    used = np.unique(group.matrix.indices)
    classifier = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=seed)
    classifier.fit(group.matrix[:, used], labels)
    weights = np.zeros(DIM, dtype=np.float32)
    weights[used] = classifier.coef_[0]
    return SpamModel(weights, float(classifier.intercept_[0]), {"C": c, "seed": seed})


def scores(truth: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def model_scores(model: SpamModel, examples: Sequence[Example]) -> dict[str, float]:
    predicted = [model.logit(extract(e.text)) >= 0 for e in examples]
    return scores([e.is_spam for e in examples], predicted)


def as_comment(example: Example) -> SpamInput:
    """What a YouTube comment tells of itself; the agent stands for the commenter's browser."""
    return SpamInput(
        content=example.text, author=example.author, user_agent=BROWSER, blog_lang="en"
    )


def decision_scores(model: SpamModel, examples: Sequence[Example]) -> dict[str, float]:
    """The whole decision: the model and every rule that the comment's fields can trigger."""
    predicted = [decide(as_comment(e), model=model).is_spam for e in examples]
    return scores([e.is_spam for e in examples], predicted)


def choose_c(groups: Sequence[Group], seed: int) -> float:
    """The C with the best mean F1 when each group is predicted from the others."""
    if len(groups) < 2:
        return C_FALLBACK  # one group leaves nothing to validate on

    def mean_f1(c: float) -> float:
        f1s = []
        for i, held in enumerate(groups):
            rest = Group.joined([group for j, group in enumerate(groups) if j != i])
            f1s.append(model_scores(fit(rest, c, seed), held.examples)["f1"])
        return float(np.mean(f1s))

    return max(C_GRID, key=mean_f1)


def leave_one_video_out(videos: dict[str, Group], seed: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for held, test in videos.items():
        training = [group for name, group in videos.items() if name != held]
        c = choose_c(training, seed)
        model = fit(Group.joined(training), c, seed)
        results[held] = {
            "C": c,
            "rows": len(test.examples),
            "spam": sum(e.is_spam for e in test.examples),
            "model": model_scores(model, test.examples),
            "decision": decision_scores(model, test.examples),
        }
    return results


def train_spam(data_dir: Path, out_path: Path, seed: int = 0) -> dict[str, Any]:
    """Evaluate leave-one-video-out, then train on every video and write the model."""
    videos = {name: Group.of(examples) for name, examples in load_youtube(data_dir).items()}
    evaluation = leave_one_video_out(videos, seed)
    c = choose_c(list(videos.values()), seed)
    model = fit(Group.joined(list(videos.values())), c, seed)
    info = {
        **SOURCE,
        "videos": sorted(videos),
        "rows": sum(len(group.examples) for group in videos.values()),
        "C": c,
        "seed": seed,
        "leave_one_video_out": evaluation,
    }
    model = SpamModel(model.weights, model.intercept, info)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    model.save(out_path)
    return {**info, "nonzero_weights": int(np.count_nonzero(model.weights))}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out_path", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--ham-check", type=Path, metavar="TOXICITY_DIR", help="also count false alarms there"
    )
    args = parser.parse_args(argv)
    report = train_spam(args.data_dir, args.out_path, args.seed)
    if args.ham_check:
        from majlis.text.spam.ham_check import ham_check

        report["ham_check"] = ham_check(args.ham_check, SpamModel.load(args.out_path))
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
