"""What a document term leads to, worked out once per distinct term.

A term leads to the queries indexed under the same word, under the words it is once its Arabic
proclitics are taken off (وبالخطوط → الخطوط, خطوط), and under every query prefix that it, or
one of those stems, starts with. Working that out takes a few dictionary lookups; documents
then repeat the same words over and over, so each later sighting costs one lookup in C.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from majlis.text.matcher.evaluate import Predicate
from majlis.text.tokens import proclitic_stems

# A query to check: its id, terms the document must hold and must not hold, and a predicate
# for the rest (None when the terms decide).
Candidate = tuple[str, frozenset[str], frozenset[str], Predicate | None]


@dataclass(slots=True)
class Entry:
    """The queries behind one term or prefix: those it alone decides, and those to check."""

    decided: list[str] = field(default_factory=list)
    to_check: list[Candidate] = field(default_factory=list)


# What a term leads to: the ids it decides and the candidates it raises, or None for nothing,
# so that documents can skip the terms that lead nowhere without looking at them.
Hits = tuple[frozenset[str], frozenset[Candidate]]


class Lexicon(dict[str, Hits | None]):
    """Maps a document term to what it leads to; index it with any term."""

    # Bounds memory on a long-running worker; forgetting only costs recomputation.
    LIMIT = 300_000

    def __init__(self, by_term: dict[str, Entry], by_prefix: dict[str, Entry]) -> None:
        super().__init__()
        self._by_term = by_term
        self._by_prefix = by_prefix
        self._prefix_lengths = sorted({len(prefix) for prefix in by_prefix})

    def __missing__(self, term: str) -> Hits | None:
        if len(self) >= self.LIMIT:
            self.clear()
        entries = self._entries(term)
        decided = frozenset(query_id for entry in entries for query_id in entry.decided)
        to_check = frozenset(candidate for entry in entries for candidate in entry.to_check)
        hits = (decided, to_check) if decided or to_check else None
        self[term] = hits
        return hits

    def _entries(self, term: str) -> list[Entry]:
        found = []
        for form in (term, *proclitic_stems(term)):
            entry = self._by_term.get(form)
            if entry is not None:
                found.append(entry)
            for length in self._prefix_lengths:
                if length > len(form):
                    break
                entry = self._by_prefix.get(form[:length])
                if entry is not None:
                    found.append(entry)
        return found
