"""How the batch matcher cuts a batch's texts into pieces and hashes them (NumPy, no split)."""

import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from majlis.text.matcher import piece_cuts
from majlis.text.matcher.piece_cuts import LONGEST, ROW, cut

WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def _pieces(texts: list[str]) -> list[tuple[int, str]]:
    cuts = cut(texts)
    return [(int(cuts.documents[i]), cuts.piece(i)) for i in range(len(cuts.hashes))]


def _hashes_by_piece(texts: list[str]) -> dict[str, set[int]]:
    cuts = cut(texts)
    found: dict[str, set[int]] = {}
    for index, piece_hash in enumerate(cuts.hashes.tolist()):
        found.setdefault(cuts.piece(index), set()).add(piece_hash)
    return found


def test_it_cuts_where_str_split_does_and_knows_each_piece_s_text():
    texts = ["Bonjour  le\tmonde", "", "مرحبا بكم\u00a0#promo\u3000@salma", " \n ", "x"]
    assert _pieces(texts) == [
        (0, "Bonjour"),
        (0, "le"),
        (0, "monde"),
        (2, "مرحبا"),
        (2, "بكم"),
        (2, "#promo"),
        (2, "@salma"),
        (4, "x"),
    ]
    assert _pieces([]) == []


def test_every_whitespace_character_lies_where_the_cutter_looks_for_it():
    assert max(map(ord, WHITESPACE)) <= 0x3000
    assert _pieces([f"a{WHITESPACE}b"]) == [(0, "a"), (0, "b")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec=None) | st.sampled_from(WHITESPACE))))
def test_the_pieces_are_those_of_str_split_for_any_texts(texts: list[str]):
    expected = [(number, piece) for number, text in enumerate(texts) for piece in text.split()]
    assert _pieces(texts) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda w: not w.isspace()), min_size=1))
def test_the_same_piece_hashes_the_same_wherever_it_stands(words: list[str]):
    words = [piece for word in words for piece in word.split()]
    texts = [" ".join(words), " ".join(reversed(words)), "x " + " ".join(words)]
    for piece, hashes in _hashes_by_piece(texts).items():
        assert len(hashes) == 1, piece


def test_a_piece_across_a_row_boundary_or_longer_than_longest_hashes_as_elsewhere():
    piece = "وبالخطوط"
    # The same piece before, across and after the first multiple of ROW in the batch.
    texts = ["a" * (ROW - 4) + " " + piece, piece, "b" * (LONGEST + 1), "b" * (LONGEST + 1)]
    cuts = cut(texts)
    assert cuts.piece(1) == piece
    assert cuts.starts[1] < ROW < cuts.ends[1]
    assert len(_hashes_by_piece(texts)[piece]) == 1
    assert len(_hashes_by_piece(texts)["b" * (LONGEST + 1)]) == 1
    assert cuts.hashes[3] == hash("b" * (LONGEST + 1))


def test_different_pieces_get_different_hashes():
    words = [f"mot{number}" for number in range(20_000)] + ["Maroc", "maroc", "maroc,", "#maroc"]
    hashes = _hashes_by_piece([" ".join(words)])
    assert len(set().union(*hashes.values())) == len(words)


def test_strings_made_to_collide_under_a_plain_polynomial_hash_do_not_collide():
    # Thue-Morse strings and their complements share every polynomial hash modulo 2^64 with
    # an odd base once they are 2,048 characters long; so long a piece is hashed by Python.
    thue_morse = "".join("ab"[bin(i).count("1") % 2] for i in range(2048))
    complement = thue_morse.translate(str.maketrans("ab", "ba"))
    assert len(set(cut([thue_morse, complement]).hashes.tolist())) == 2


def _unshift(value: int, shift: int) -> int:
    """The x for which x ^ (x >> shift) == value, on 64 bits."""
    x = value
    for _ in range(64 // shift + 1):
        x = value ^ (x >> shift)
    return x


def test_a_piece_whose_hash_comes_out_as_minus_one_is_moved_off_it(monkeypatch):
    # -1 marks a free slot in the piece table: a piece hashed to it would read as holding
    # nothing. Choose the key so that the piece "a" hashes to -1 before the move.
    mask = (1 << 64) - 1
    spread = int(piece_cuts._SPREAD)
    summed = _unshift(_unshift(mask, 29) * pow(spread, -1, 1 << 64) & mask, 32)
    monkeypatch.setattr(piece_cuts, "_MIX", np.uint64(1))
    monkeypatch.setattr(piece_cuts, "_KEY", np.uint64(_unshift(summed, 29) ^ ord("a")))
    hashes = cut(["a", "b"]).hashes.tolist()
    assert hashes[0] == -2
    assert hashes[1] not in (-1, -2)
