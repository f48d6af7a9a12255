"""Many documents matched at once, with sparse tables in NumPy instead of a loop per document.

One document at a time, the work is a few hundred dictionary lookups and set insertions whose
objects (piece strings, term strings, query ids, tuples) lie all over memory: for a long article
most of the time goes to waiting for memory, not to computing. Over a batch, the pieces are
cut and hashed in NumPy (majlis.text.matcher.piece_cuts) and numbered through one table
(majlis.text.matcher.piece_hashes), and the rest is
the same as a few products of sparse 0/1 matrices held in compact arrays (the idea of a
term-document matrix times a term-query matrix), done as gathers and sorts of integer keys:

    documents × pieces   ·  pieces × queries  →  the queries a piece alone decides
    documents × pieces   ·  pieces × checks   →  the candidate checks (the presearch)
    documents × pieces   ·  pieces × terms    →  the terms each document holds
    documents × terms    ·  terms × checks    →  how many of a check's must-hold terms it holds

A candidate passes when it holds all its must-hold terms and none of its must-not terms; only
those that still have a predicate (phrases, NEAR, OR) are then checked in Python, one by one.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from functools import partial

import numpy as np
import numpy.typing as npt

from majlis.text.matcher.checks import Check
from majlis.text.matcher.document import Document
from majlis.text.matcher.piece_cuts import Cuts, cut
from majlis.text.matcher.piece_hashes import UNKNOWN, PieceHashes
from majlis.text.matcher.pieces import NOTHING, Pieces
from majlis.text.matcher.prepared import PreparedDocument

Keys = npt.NDArray[np.int64]


class _Rows:
    """A table of number lists, one row per piece or check, in two flat arrays: the row's
    numbers are ``columns[starts[row]:starts[row + 1]]``. Grows as pieces are met."""

    def __init__(self) -> None:
        self._starts = array("q", [0])
        self._columns = array("i")
        self.starts: Keys = np.zeros(1, dtype=np.int64)
        self.columns: Keys = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def add(self, columns: Iterable[int]) -> None:
        self._columns.extend(columns)
        self._starts.append(len(self._columns))

    def freeze(self) -> _Rows:
        """Makes the arrays match what was added."""
        self.starts = np.array(self._starts, dtype=np.int64)
        self.columns = np.array(self._columns, dtype=np.int64)
        return self

    def gather(self, keys: Keys, rows: Keys) -> tuple[Keys, Keys]:
        """Each ``(key, column)`` for the columns of each key's row, in the keys' order."""
        starts = self.starts[rows]
        sizes = self.starts[rows + 1] - starts
        total = int(sizes.sum())
        # Where each row's numbers start, made into one run of positions.
        ends = np.cumsum(sizes)
        positions = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - sizes), sizes)
        return np.repeat(keys, sizes), self.columns[positions]


class BatchMatcher:
    """The tables of one compiled matcher; see the module's docstring."""

    def __init__(
        self,
        pieces: Pieces,
        query_ids: list[str],
        checks: Sequence[tuple[str, Check]],
        always: frozenset[int],
        terms: list[str],
    ) -> None:
        self._pieces = pieces
        self._query_ids = np.array(query_ids, dtype=object)  # sorted: numbers sort as ids do
        self._query_numbers = {query_id: number for number, query_id in enumerate(query_ids)}
        self._terms = terms
        self._term_numbers = {term: number for number, term in enumerate(terms)}
        self._check_queries = np.array([self._query_numbers[q] for q, _ in checks], np.int64)
        self._predicates = [check.predicate for _, check in checks]
        self._has_predicate = np.array([p is not None for p in self._predicates], dtype=bool)
        self._needed = np.array([len(check.musts) for _, check in checks], dtype=np.int64)
        self._musts = self._term_rows([check.musts for _, check in checks])
        self._must_nots = self._term_rows([check.must_nots for _, check in checks])
        # Each check's sets of alternatives, and each set's terms.
        groups = [group for _, check in checks for group in check.any_of]
        self._alternatives = self._term_rows(groups)
        self._any_of = _Rows()
        numbered = iter(range(len(groups)))
        for _, check in checks:
            self._any_of.add([next(numbered) for _ in check.any_of])
        self._any_of.freeze()
        self._always = np.array(sorted(always), dtype=np.int64)
        self._generation = -1
        self._hashes = PieceHashes()
        self._piece_terms = self._piece_queries = self._piece_checks = _Rows()

    def _term_rows(self, term_sets: list[frozenset[str]]) -> _Rows:
        rows = _Rows()
        for terms in term_sets:
            rows.add(map(self._term_numbers.__getitem__, terms))
        return rows.freeze()

    def match(self, documents: Sequence[Document], fields: tuple[Keys, Keys]) -> list[list[str]]:
        """The sorted query ids each document matches, given each (document, number) of their
        field pieces (see majlis.text.matcher.field_pieces)."""
        count = len(documents)
        pieces = self._pieces
        if self._generation != pieces.generation:
            self._generation = pieces.generation
            self._hashes = PieceHashes()
            self._piece_terms, self._piece_queries, self._piece_checks = _Rows(), _Rows(), _Rows()
        text_documents, text_numbers = self._text_numbers(documents)
        field_documents, field_numbers = fields
        self._meet_pieces()
        # Each (document, piece) that holds something; a piece a document repeats comes as
        # often, and what it gives is made distinct further on.
        documents_of = np.concatenate([text_documents, field_documents])
        pieces_of = np.concatenate([text_numbers, field_numbers])
        holding = pieces_of != NOTHING
        documents_of, pieces_of = documents_of[holding], pieces_of[holding]
        decided = self._piece_queries.gather(documents_of, pieces_of)
        terms = self._terms_held(documents_of, pieces_of)
        documents_of, checks = self._candidates(count, documents_of, pieces_of)
        passed = self._pass(terms, documents_of, checks)
        documents_of, checks = documents_of[passed], checks[passed]
        plain = ~self._has_predicate[checks]
        checked = self._checked(documents, terms, documents_of[~plain], checks[~plain])
        return self._ids(
            count,
            np.concatenate([decided[0], documents_of[plain], checked[0]]),
            np.concatenate([decided[1], self._check_queries[checks[plain]], checked[1]]),
        )

    def _text_numbers(self, documents: Sequence[Document]) -> tuple[Keys, Keys]:
        """Each (document, number) of the pieces of the documents' titles and texts."""
        cuts = cut([part for document in documents for part in (document.title, document.text)])
        numbers = self._hashes.numbers(cuts.hashes)
        unknown = np.flatnonzero(numbers == UNKNOWN)
        if len(unknown):
            self._learn(cuts, numbers, unknown)
        return cuts.documents // 2, numbers

    def _learn(self, cuts: Cuts, numbers: Keys, unknown: Keys) -> None:
        """Works out the pieces first met in this batch (see majlis.text.matcher.pieces)."""
        met: dict[int, int] = {}
        lookup = self._pieces.__getitem__
        hashes = cuts.hashes
        for position in unknown.tolist():
            piece_hash = int(hashes[position])
            number = met.get(piece_hash)
            if number is None:
                number = met[piece_hash] = lookup(cuts.piece(position))
            numbers[position] = number
        self._hashes.add(list(met), list(met.values()))

    def _meet_pieces(self) -> None:
        """Adds the rows of the pieces met since the last batch."""
        pieces = self._pieces
        met = len(self._piece_terms)
        if met == len(pieces.terms):
            return
        term_numbers, query_numbers = self._term_numbers, self._query_numbers
        for number in range(met, len(pieces.terms)):
            # Terms no query names cannot change an answer (a site or an author seen once).
            named = [term_numbers[t] for t in pieces.terms[number] if t in term_numbers]
            self._piece_terms.add(named)
            self._piece_queries.add(map(query_numbers.__getitem__, pieces.decided[number]))
            self._piece_checks.add(pieces.checks[number])
        for rows in (self._piece_terms, self._piece_queries, self._piece_checks):
            rows.freeze()

    def _terms_held(self, documents_of: Keys, pieces: Keys) -> Keys:
        """Each (document, term) held, once, as sorted document * terms + term."""
        documents_of, terms = self._piece_terms.gather(documents_of, pieces)
        return _distinct(documents_of * len(self._terms) + terms)

    def _candidates(self, count: int, documents_of: Keys, pieces: Keys) -> tuple[Keys, Keys]:
        """Each (document, check) that the presearch raises, once."""
        documents_of, checks = self._piece_checks.gather(documents_of, pieces)
        if len(self._always):
            documents_of = np.concatenate(
                [documents_of, np.repeat(np.arange(count, dtype=np.int64), len(self._always))]
            )
            checks = np.concatenate([checks, np.tile(self._always, count)])
        width = len(self._predicates)
        keys = _distinct(documents_of * width + checks)
        return keys // width, keys % width

    def _pass(self, terms: Keys, documents_of: Keys, checks: Keys) -> npt.NDArray[np.bool_]:
        """Whether each candidate holds all its must-hold terms and none of its must-not."""
        candidates = np.arange(len(checks), dtype=np.int64)
        which, musts = self._musts.gather(candidates, checks)
        found = _contains(terms, documents_of[which] * len(self._terms) + musts)
        holds: npt.NDArray[np.bool_] = (
            np.bincount(which[found], minlength=len(checks)) == self._needed[checks]
        )
        which, must_nots = self._must_nots.gather(candidates, checks)
        found = _contains(terms, documents_of[which] * len(self._terms) + must_nots)
        holds[which[found]] = False
        # One (candidate, set of alternatives) per set, and one row per term of each set.
        which, groups = self._any_of.gather(candidates, checks)
        pairs, alternatives = self._alternatives.gather(np.arange(len(groups)), groups)
        found = _contains(terms, documents_of[which[pairs]] * len(self._terms) + alternatives)
        met = np.zeros(len(groups), dtype=bool)
        met[pairs[found]] = True
        holds[which[~met]] = False
        return holds

    def _checked(
        self, documents: Sequence[Document], terms: Keys, documents_of: Keys, checks: Keys
    ) -> tuple[Keys, Keys]:
        """The (document, query) pairs whose predicate holds, asked one by one."""
        found_documents: list[int] = []
        found_queries: list[int] = []
        prepared: dict[int, PreparedDocument] = {}
        width, names = len(self._terms), self._terms
        for document, check in zip(documents_of.tolist(), checks.tolist(), strict=True):
            if document not in prepared:
                prepared[document] = PreparedDocument(
                    documents[document], partial(_names, terms, document, width, names)
                )
            predicate = self._predicates[check]
            if predicate is not None and predicate(prepared[document]):
                found_documents.append(document)
                found_queries.append(int(self._check_queries[check]))
        return np.array(found_documents, dtype=np.int64), np.array(found_queries, dtype=np.int64)

    def _ids(self, count: int, documents: Keys, queries: Keys) -> list[list[str]]:
        """Each document's query ids, sorted and once each."""
        width = len(self._query_ids)
        keys = _distinct(documents * width + queries)
        ids = self._query_ids[keys % width].tolist()
        ends = np.cumsum(np.bincount(keys // width, minlength=count)).tolist()
        return [ids[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def _names(terms: Keys, document: int, width: int, names: list[str]) -> set[str]:
    """The terms a document holds, by name, from sorted document * width + term keys."""
    start = document * width
    first, end = np.searchsorted(terms, (start, start + width)).tolist()
    return set(map(names.__getitem__, (terms[first:end] - start).tolist()))


def _distinct(keys: Keys) -> Keys:
    """The keys sorted, each once (np.unique's hash table is slower on these sizes)."""
    keys = np.sort(keys)
    if len(keys) > 1:
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys


def _contains(sorted_keys: Keys, keys: Keys) -> npt.NDArray[np.bool_]:
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    where = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: npt.NDArray[np.bool_] = sorted_keys[where] == keys
    return found
