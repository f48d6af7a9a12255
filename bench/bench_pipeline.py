"""The listening path's throughput on the embedded profile: parsed items → stored mentions.

Prints per-stage figures (one core, the items of the demo corpus made unique) and the whole
path's items/s, batched as workers run it, next to the same items fed one at a time (the
baseline), in one run. Target: ≥ 2,000 items/s from parsed items to stored mentions.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ["MAJLIS_DATA_DIR"] = tempfile.mkdtemp(prefix="majlis-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "majlis.settings"
os.environ.setdefault("MAJLIS_QUEUE_URL", "memory:")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.core.management import call_command

from majlis.core.bootstrap import demo_rows
from majlis.core.models import Workspace
from majlis.core.settle import settle_process
from majlis.listening import clusters
from majlis.listening.ingest import Incoming, ingest
from majlis.listening.models import Item, Mention, Query
from majlis.text.dedupe import canonical_url, content_hash, signature, signature_rows
from majlis.text.langid import detect_language, detect_languages
from majlis.text.normalize import normalize
from majlis.text.sentiment import classify_sentiment, classify_sentiments

ITEMS = int(os.environ.get("BENCH_ITEMS", "4000"))
BASELINE_ITEMS = ITEMS // 8
UNRELATED_SHARE = 0.7  # most items of general news feeds are about something else
OTHER_NEWS = [
    "Les prévisions météo du week-end annoncent des averses orageuses sur le Nord du pays.",
    "CHAN 2024 : une finale Maroc-RDC dimanche prochain au complexe Moulay Abdellah.",
    "أعلنت وزارة الفلاحة عن ارتفاع صادرات الحوامض خلال الموسم الحالي.",
    "The central bank kept its key rate unchanged at its quarterly meeting.",
    "Rabat accueille la première édition d'un salon consacré à l'artisanat.",
    "hadchi bzaf, l match dyal lbareh kan zwin walakin l7akam khayb",
]
WORDS = [
    "telecom", "réseau", "fibre", "panne", "offre", "client", "rezo", "bzaf", "الشبكة", "أطلس",
    "عرض", "network",
]  # fmt: skip


def corpus(count: int, seed: int) -> list[Incoming]:
    rows = demo_rows()
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    items = []
    for n in range(count):
        row = rows[n % len(rows)]
        if rng.random() < UNRELATED_SHARE:
            row = {"text": rng.choice(OTHER_NEWS), "title": "", "author": "", "source": "Fil"}
        extra = " ".join(rng.choice(WORDS) for _ in range(4))
        items.append(
            Incoming(
                url=f"https://bench{seed}.example/{n}",
                text=f"{row['text']} {extra} #{n}",
                title=row.get("title") or "",
                author=row.get("author") or "",
                source_name=row.get("source") or "",
                published_at=start + timedelta(minutes=n),
            )
        )
    return items


def per_second(count: int, seconds: float) -> str:
    return f"{count / seconds:>10,.0f}/s"


def stage(name: str, func, texts: list[str]) -> None:
    started = time.perf_counter()
    for text in texts:
        func(text)
    print(f"  {name:<28}{per_second(len(texts), time.perf_counter() - started)}")


def batch_stage(name: str, func, inputs: list, size: int = 500) -> None:
    """As `stage`, the inputs given `size` at a time, as the listening path gives them."""
    started = time.perf_counter()
    for start in range(0, len(inputs), size):
        func(inputs[start : start + size])
    print(f"  {name:<28}{per_second(len(inputs), time.perf_counter() - started)}")


def main() -> None:
    call_command("migrate", verbosity=0)
    topics = ["panne", "fibre", "offre*", "5G", "client", "prix", "réseau", "rezo", "الشبكة", "عرض"]
    for n in range(5):
        workspace = Workspace.objects.create(slug=f"brand{n}", name=f"Brand {n}")
        brand = '"atlas telecom" OR "أطلس تيليكوم" OR atlastel OR #AtlasTelecom'
        Query.objects.create(workspace=workspace, name="Marque", text=brand)
        Query.objects.create(
            workspace=workspace, name="Concurrents", text='"sahara mobile" OR "medina net"'
        )
        # The rest are narrower, as real topic queries are: a brand and one subject each.
        for k in range(38):
            topic = topics[k % len(topics)]
            Query.objects.create(
                workspace=workspace,
                name=f"Sujet {k}",
                text=f"(atlas OR أطلس) AND {topic} AND NOT x{k}z",
            )
    print(
        f"Listening path, embedded profile (SQLite WAL), {Query.objects.count()} queries in 5 workspaces"
    )
    sample = [f"{i.title}\n{i.text}" for i in corpus(2000, seed=9)]
    print("Stages (one core):")
    stage("normalize + content hash", lambda t: content_hash(normalize(t)), sample)
    stage(
        "canonical URL",
        canonical_url,
        [f"https://Example.ma/a?utm_source=x&id={n}" for n in range(2000)],
    )
    stage("language ID", detect_language, sample)
    stage("MinHash signature", signature, sample)
    stage("sentiment", classify_sentiment, sample)
    print("Stages, 500 texts at a time as the path runs them (one core):")
    batch_stage("language ID", detect_languages, sample)
    batch_stage("MinHash signature", signature_rows, sample)
    batch_stage(
        "sentiment, language known",
        lambda pairs: classify_sentiments([text for text, _ in pairs], [lang for _, lang in pairs]),
        list(zip(sample, detect_languages(sample), strict=True)),
    )

    clusters.reset()
    batched = corpus(ITEMS, seed=1)
    # As a worker does after its first job (majlis/tasks.py): what is loaded stays.
    settle_process()
    started = time.perf_counter()
    statuses = ingest(batched)
    batched_s = time.perf_counter() - started

    clusters.reset()
    single = corpus(BASELINE_ITEMS, seed=2)
    started = time.perf_counter()
    for entry in single:
        ingest([entry])
    single_s = time.perf_counter() - started

    created = statuses.count("created")
    print("Whole path, parsed items → stored mentions:")
    print(f"  batched ({ITEMS} items, {created} matched){per_second(ITEMS, batched_s)}")
    print(f"  one at a time, baseline ({BASELINE_ITEMS}){per_second(BASELINE_ITEMS, single_s)}")
    print(f"  ratio: {(ITEMS / batched_s) / (BASELINE_ITEMS / single_s):.1f}x")
    print(f"  stored: {Item.objects.count()} items, {Mention.objects.count()} mentions")
    target = ITEMS / batched_s >= 2000
    print(f"  target ≥ 2,000 items/s: {'met' if target else 'NOT met'}")


if __name__ == "__main__":
    main()
