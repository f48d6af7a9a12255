"""Rising terms: which words a period talks about much more than the period before.

Plain functions on texts, no Django. A text's terms are its normalized words minus stopwords,
short words and numbers; an Arabic word loses its article (``الشبكة`` and ``والشبكة`` are one
term). Each text counts once per term, so one author repeating a word does not make it rise.

The score of a term seen in ``now`` of ``n_now`` texts and ``before`` of ``n_before`` texts is
``(now - e) / sqrt(e + 1)`` with ``e = n_now * (before + 1) / (n_before + 2)``, the count the
previous period predicts: a term must be both frequent and new to rank high. A term needs at
least three texts and half again its predicted count to be listed at all.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from majlis.insights.stopwords import STOPWORDS
from majlis.text.normalize import normalize
from majlis.text.tokens import is_arabic_word, words

MIN_LATIN_LENGTH = 3
MIN_ARABIC_LENGTH = 3
MIN_COUNT = 3
MIN_GROWTH = 1.5
# Longest first, so that "وال" is stripped whole rather than leaving "ال".
_ARABIC_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")


@dataclass(frozen=True)
class RisingTerm:
    term: str  # the normalized form: what is counted
    label: str  # the way people wrote it most often: what is shown
    count: int  # texts of the period holding it
    previous: int  # texts of the previous period holding it
    score: float

    @property
    def growth(self) -> float | None:
        """How many times more frequent than before; None for a term that is new."""
        return None if self.previous == 0 else self.count / self.previous


@dataclass
class Frequencies:
    counts: Counter[str] = field(default_factory=Counter)  # term → texts holding it
    texts: int = 0
    spellings: dict[str, Counter[str]] = field(default_factory=dict)

    def label(self, term: str) -> str:
        spellings = self.spellings.get(term)
        return spellings.most_common(1)[0][0] if spellings else term


def _strip_article(word: str) -> str:
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= MIN_ARABIC_LENGTH:
            return word[len(article) :]
    return word


def spelled_terms(text: str) -> dict[str, str]:
    """The terms of `text`, each with the way it is written there (in lower case)."""
    found: dict[str, str] = {}
    for written in words(text.casefold()):
        word = normalize(written)
        if word.isdigit() or word in STOPWORDS:
            continue
        if is_arabic_word(word):
            stem = _strip_article(word)
            if stem != word:
                word, written = stem, _strip_article(written)
            if len(word) < MIN_ARABIC_LENGTH or word in STOPWORDS:
                continue
        elif len(word) < MIN_LATIN_LENGTH:
            continue
        found.setdefault(word, written)
    return found


def terms_of(text: str) -> set[str]:
    return set(spelled_terms(text))


def document_frequencies(texts: Iterable[str]) -> Frequencies:
    found = Frequencies()
    for text in texts:
        spelled = spelled_terms(text)
        found.counts.update(spelled.keys())
        for term, written in spelled.items():
            found.spellings.setdefault(term, Counter())[written] += 1
        found.texts += 1
    return found


def rising(
    now: Frequencies, before: Frequencies, limit: int = 15, min_count: int = MIN_COUNT
) -> list[RisingTerm]:
    ranked = []
    for term, count in now.counts.items():
        if count < min_count:
            continue
        previous = before.counts.get(term, 0)
        expected = now.texts * (previous + 1) / (before.texts + 2)
        if count < MIN_GROWTH * expected:
            continue
        score = (count - expected) / math.sqrt(expected + 1)
        ranked.append(RisingTerm(term, now.label(term), count, previous, score))
    ranked.sort(key=lambda t: (-t.score, t.term))
    return ranked[:limit]


def rising_terms(
    texts_now: Iterable[str], texts_before: Iterable[str], limit: int = 15
) -> list[RisingTerm]:
    return rising(document_frequencies(texts_now), document_frequencies(texts_before), limit)
