"""Cutting a long draft into a thread whose every post fits the network.

Each post gets a " 2/5" counter, counted like the rest of the post. Cuts fall, by preference,
between paragraphs, then after a sentence (`.`, `!`, `?`, `…`, Arabic `؟` and `۔`) or at a line
break, then between words, as long as that does not leave a post less than half full. A word,
and so a link, is only cut when it cannot fit in a post on its own, and then between grapheme
clusters, never inside one. Nothing depends on the writing direction: Arabic and mixed text
are cut on the same logical boundaries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import regex

from majlis.publishing.rules.check import Network, rules_for, validate_limit
from majlis.publishing.rules.graphemes import graphemes

_WORD = regex.compile(r"\S+")
_SPACE = regex.compile(r"\s+")
_SENTENCE_END = regex.compile(r"[.!?…؟۔。](?:[\"'»”’)\]]*)$")
_MAX_POSTS = 9999


def split_thread(network: str, text: str, limit: int | None = None) -> list[str]:
    """`text` as posts that each fit `network` (with `limit` if given), numbered " i/n"."""
    rules = rules_for(network)
    validate_limit(limit)
    text = text.strip()
    if rules.fits(text, limit):
        return [text]
    for digits in range(1, len(str(_MAX_POSTS)) + 1):
        # Reserve room for the widest counter of this many digits; smaller numbers fit too.
        widest = f" {'9' * digits}/{'9' * digits}"
        posts = _cut_all(text, partial(_fits_with_counter, rules, widest, limit))
        if len(posts) < 10**digits:
            total = len(posts)
            return [f"{post} {number}/{total}" for number, post in enumerate(posts, start=1)]
    raise ValueError(f"{network}: this text needs more than {_MAX_POSTS} posts")


def _fits_with_counter(rules: Network, counter: str, limit: int | None, part: str) -> bool:
    return rules.fits(part + counter, limit)


def _cut_all(text: str, fits: Callable[[str], bool]) -> list[str]:
    posts: list[str] = []
    rest = text
    while rest:
        post, rest = _cut(rest, fits)
        posts.append(post.rstrip())
        rest = rest.lstrip()
    return posts


def _cut(text: str, fits: Callable[[str], bool]) -> tuple[str, str]:
    """The longest good first post of `text`, and what is left."""
    ends = [match.end() for match in _WORD.finditer(text)]
    fitting = _longest_fitting(ends, lambda end: fits(text[:end]))
    if fitting == 0:
        return _cut_word(text, ends[0], fits)
    if fitting == len(ends):
        return text, ""
    end = _preferred_end(text, ends[:fitting])
    return text[:end], text[end:]


def _longest_fitting(ends: list[int], fits: Callable[[int], bool]) -> int:
    """How many of the first words fit: gallop, then bisect (counts grow with each word).

    Galloping keeps every probe near the size of one post, so a long draft is not
    re-counted in full for each post.
    """
    low, high = 0, 1
    while high <= len(ends) and fits(ends[high - 1]):
        low, high = high, high * 2
    high = min(high - 1, len(ends))
    while low < high:
        middle = (low + high + 1) // 2
        if fits(ends[middle - 1]):
            low = middle
        else:
            high = middle - 1
    return low


def _preferred_end(text: str, ends: list[int]) -> int:
    longest = ends[-1]
    for strength in (2, 1):
        for end in reversed(ends):
            if end * 2 < longest:
                break
            if _break_strength(text, end) >= strength:
                return end
    return longest


def _break_strength(text: str, end: int) -> int:
    """2 between paragraphs, 1 after a sentence or at a line break, 0 between words."""
    gap = _SPACE.match(text, end)
    line_breaks = gap.group().count("\n") if gap else 0
    if line_breaks >= 2:
        return 2
    if line_breaks or _SENTENCE_END.search(text, max(0, end - 8), end):
        return 1
    return 0


def _cut_word(text: str, word_end: int, fits: Callable[[str], bool]) -> tuple[str, str]:
    """Cut a word (often a long link) too big for a post, between grapheme clusters."""
    clusters = graphemes(text[:word_end])
    lengths = [0]
    for cluster in clusters:
        lengths.append(lengths[-1] + len(cluster))
    count = _longest_fitting(lengths[1:], lambda end: fits(text[:end]))
    if count == 0:
        raise ValueError("the limit is too small to hold even one character and the counter")
    return text[: lengths[count]], text[lengths[count] :]
