"""`majlis train MODEL`: rebuild a shipped model from the public data in ../shared/data.

By default the model is written into the data dir and used from there on; `--ship` writes it
into the package instead (what the maintainers commit). See docs/models/ for each model card.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from majlis.cli.errors import InputError

PACKAGE_MODELS = Path(__file__).resolve().parent.parent / "text" / "models"


def default_data_dir() -> Path:
    # The checkout sits beside shared/: ../shared/data from the repository root.
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def train(args: argparse.Namespace) -> int:
    from django.conf import settings

    if args.ship and args.all_data:
        raise InputError(
            "--ship with --all-data would put a model trained on data with no stated licence "
            "into the package; train it into the data dir instead (see docs/models/sentiment.md)"
        )
    data_dir = Path(args.data or default_data_dir())
    if not data_dir.is_dir():
        raise InputError(f"no training data at {data_dir} (give --data DIR)")
    out_dir = PACKAGE_MODELS if args.ship else Path(settings.DATA_DIR) / "models"
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.model == "sentiment":
        from majlis.text.sentiment.train import train_sentiment

        out = out_dir / "sentiment.npz"
        metrics = train_sentiment(data_dir, out, seed=args.seed, include_unlicensed=args.all_data)
    elif args.model == "spam":
        from majlis.text.spam.train import train_spam

        out = out_dir / "spam.npz"
        metrics = train_spam(data_dir / "spam" / "youtube", out, seed=args.seed)
    else:
        from majlis.text.langid.train import train_langid

        out = out_dir / "langid.npz"
        metrics = train_langid(data_dir, out, seed=args.seed)
    print(json.dumps({"model": args.model, "written": str(out), "metrics": metrics}, indent=2))
    return 0
