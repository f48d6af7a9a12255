"""Texts of every kind the listening path meets: the demo corpus (news, posts and reviews in
French, Arabic, Darija in both scripts, English) and the awkward cases around it."""

from __future__ import annotations

import json
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "majlis" / "core" / "demo" / "data" / "mentions.jsonl"
AWKWARD = [
    "",
    "   ",
    "ok",
    "😂😂😂",
    "https://example.com/article @someone #maroc",
    "RT @atlas: Coupure réseau à Casa 😡😡 https://t.co/x",
    "wach nta mzyan a khoya? 3afak fin kayn had lmagasin",
    "بغيت نشري هاد التيليفون ولكن غالي بزااااف",
    "مَا عَجَبْنِيش هَادْ الْعَرْض",
    "این یک متن کوتاه به زبان فارسی است",
    "¿Dónde está la estación de tren más cercana?",
    "Ce n'est pas bon du tout, jamais plus !!!",
    "I don't like it, not good at all :(",
    "Atlas Telecom &amp; Sahara Mobile : &quot;la 5G&quot; arrive \\u2019enfin",
    "ＡＴＬＡＳ ｔｅｌｅｃｏｍ Ⅻ ﬁbre",
    "Super service 👍🏽 merci Atlas Telecom, رائع",
    "ma3jbnich had l3ard, machi mzyan",
]


def varied_texts() -> list[str]:
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line]
    return [f"{row.get('title') or ''}\n{row['text']}" for row in rows] + AWKWARD
