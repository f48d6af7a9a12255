"""Turn a comment into the hashed, sparse feature vector the spam model reads.

A bag of words, word pairs and character n-grams (binary, scaled to unit length so a long
comment weighs no more than a short one), then shape features with value 1: length, shouting,
exclamation marks, emoji, and what the comment wants the reader to follow (how many links and to
which domains, e-mail addresses, phone numbers). Names are hashed with CRC-32, which, unlike
`hash()`, is the same in every process, so weights trained once stay valid.
"""

from __future__ import annotations

import functools
import itertools
import math
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import regex

from majlis.text.spam.fold import fold, strip_markup
from majlis.text.spam.urls import Link, find_links

DIM_BITS = 20
DIM = 1 << DIM_BITS
CHAR_NGRAMS = (3, 4, 5)

_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_DIGITS = regex.compile(r"\d")
_URLISH = regex.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|net|org|ly|gl)\S*", regex.IGNORECASE)
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = regex.compile(r"(?:\+|00)?\d(?:[\s.-]?\d){7,}")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")
_LETTER = regex.compile(r"\p{L}")
_UPPER = regex.compile(r"\p{Lu}")


@dataclass(frozen=True, slots=True)
class Features:
    """Indices and values of the non-zero features; the words come first."""

    indices: npt.NDArray[np.int64]
    values: npt.NDArray[np.float32]
    word_count: int  # the first `word_count` entries are whole words (how familiar is the text?)
    bag_size: int  # the first `bag_size` entries are words, word pairs and n-grams
    links: tuple[Link, ...]


def _h(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & (DIM - 1)


def _bucket(value: int, bounds: tuple[int, ...]) -> int:
    return next((i for i, bound in enumerate(bounds) if value < bound), len(bounds))


def _bag(plain: str) -> tuple[list[int], list[int]]:
    """Whole words, then word pairs and n-grams of each word padded with spaces."""
    text = _DIGITS.sub("0", fold(_URLISH.sub(" ", plain)))
    words = _WORD.findall(text)
    parts = {_h(f"b:{a} {b}") for a, b in itertools.pairwise(words)}
    whole = set()
    for word in words:
        word_hash, ngram_hashes = _word_features(word)
        whole.add(word_hash)
        parts.update(ngram_hashes)
    return list(whole), list(parts - whole)


# Words repeat from one comment to the next; their n-grams are hashed once per process.
@functools.lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[int, frozenset[int]]:
    padded = f" {word} "
    ngrams = {_h("c:" + padded[i : i + n]) for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)}
    return _h("w:" + word), frozenset(ngrams)


def _style(plain: str) -> set[int]:
    letters = len(_LETTER.findall(plain))
    upper = len(_UPPER.findall(plain))
    names = {
        f"len:{_bucket(len(plain), (20, 50, 100, 200, 400))}",
        f"bang:{_bucket(plain.count('!'), (1, 3))}",
        f"emoji:{_bucket(len(_EMOJI.findall(plain)), (1, 3))}",
    }
    if letters >= 10:
        names.add(f"upper:{_bucket(10 * upper // letters, (1, 3, 6))}")
    return {_h("m:" + name) for name in names}


def _contacts(raw: str, plain: str, links: list[Link]) -> set[int]:
    """Links, addresses and numbers: what spam wants the reader to follow, in any language."""
    names = {
        f"links:{min(len(links), 3)}",
        f"html-link:{'href' in raw.lower()}",
        f"email:{_EMAIL.search(plain) is not None}",
        f"phone:{_PHONE.search(plain) is not None}",
    }
    for link in links:
        names.update({"d:" + link.domain, "tld:" + link.tld})
    return {_h("m:" + name) for name in names}


def extract(text: str) -> Features:
    links = find_links(text)
    plain = strip_markup(text)
    words, parts = _bag(plain)
    shape = _style(plain) | _contacts(text, plain, links)
    bag_size = len(words) + len(parts)
    count = bag_size + len(shape)
    indices = np.fromiter([*words, *parts, *shape], dtype=np.int64, count=count)
    values = np.ones(count, dtype=np.float32)
    values[:bag_size] = 1.0 / math.sqrt(bag_size) if bag_size else 0.0
    return Features(indices, values, len(words), bag_size, tuple(links))
