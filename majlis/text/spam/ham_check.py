"""How often ordinary posts in French, Arabic and English are called spam (training only).

There is no labelled comment spam in those languages to train on, but there are tweets that
nobody sent as spam: the toxicity sets (MLMA in fr/ar/en, OSACT4 in Arabic). Every one of them
goes through `decide` as a comment on a site in its own language; the share called spam is an
upper bound on the false-positive rate there (a few of those tweets are adverts). They are
never trained on.
"""

from __future__ import annotations

import re
from pathlib import Path

from majlis.text.spam.data import load_texts
from majlis.text.spam.decide import decide
from majlis.text.spam.inputs import SpamInput
from majlis.text.spam.model import SpamModel

SETS = {
    "mlma-fr": ("mlma/fr.train.jsonl", "fr"),
    "mlma-ar": ("mlma/ar.train.jsonl", "ar"),
    "mlma-en": ("mlma/en.train.jsonl", "en"),
    "osact4-ar": ("osact4_ar/train.jsonl", "ar"),
}
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
# The sets replace links and handles with placeholders; left in, they would read as words.
_PLACEHOLDER = re.compile(r"@url|@user|\bURL\b", re.IGNORECASE)


def flagged_share(texts: list[str], lang: str, model: SpamModel) -> float:
    comments = [
        SpamInput(content=_PLACEHOLDER.sub(" ", t), user_agent=BROWSER, blog_lang=lang)
        for t in texts
    ]
    flagged = sum(decide(c, model=model).is_spam for c in comments)
    return round(flagged / len(comments), 4) if comments else 0.0


def ham_check(toxicity_dir: Path, model: SpamModel) -> dict[str, dict[str, float]]:
    """Per set: how many posts, and the share that `decide` calls spam."""
    report: dict[str, dict[str, float]] = {}
    for name, (relative, lang) in SETS.items():
        path = toxicity_dir / relative
        if path.exists():
            texts = load_texts(path)
            report[name] = {"posts": len(texts), "flagged": flagged_share(texts, lang, model)}
    return report
