"""How many drafts per second `check` counts for each network.

The composer re-counts on every keystroke for every selected network, so this must stay far
above typing speed. The baseline is the naive count (`len()`), measured in the same run on
the same drafts, so the ratio says what the networks' real rules cost.

    .venv/bin/python bench/bench_counting.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from majlis.publishing.rules import NETWORKS, check, split_thread

DRAFTS = [
    "Bonjour à toutes et à tous ! Le festival des musiques sacrées de Fès ouvre ses portes "
    "ce soir 🎶 Programme complet : https://www.fesfestival.com/programme?lang=fr #Fès #Maroc",
    "Merci @amina@mastodon.social et @oncf.bsky.social pour l'accueil 🙏🏽 Prochaine étape : "
    "Marrakech, puis Agadir. Infos sur maroc.ma.",
    "مهرجان فاس للموسيقى العريقة يعود هذا العام ببرنامج استثنائي 🇲🇦 التذاكر متوفرة على "
    "https://www.fesfestival.com/ar #فاس #المغرب",
    "Salam khouya, chno rak dir? L'match dial lyoum kan wa3er bzaf 😂👏🏽 @rajaclubathletic "
    "#Botola #DimaRaja",
    "👨‍👩‍👧‍👦 Ftour jma3i ce soir à la maison des jeunes de Hay Mohammadi, venez nombreux ! "
    "Inscription : https://forms.example.org/ftour-2025 ✨",
]
SECONDS_PER_MEASURE = 0.5


def rate(count: Callable[[str], object]) -> float:
    """Drafts per second, repeating the drafts for about SECONDS_PER_MEASURE."""
    done = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < SECONDS_PER_MEASURE:
        for draft in DRAFTS:
            count(draft)
        done += len(DRAFTS)
    return done / elapsed


def main() -> None:
    baseline = rate(len)
    print(f"{'baseline len()':<24} {baseline:>12,.0f} checks/s")
    for network in NETWORKS:
        checks = rate(partial(check, network))
        slower = baseline / checks
        print(f"{'check ' + network:<24} {checks:>12,.0f} checks/s   {slower:>6.0f}x len()")
    long_draft = " ".join(DRAFTS * 8)
    splits = rate(lambda _draft: split_thread("x", long_draft))
    print(f"{'split_thread x (3 kB)':<24} {splits:>12,.0f} splits/s")


if __name__ == "__main__":
    main()
