"""Whether a phrase stands in a text, asked of the normalized text with one regular expression.

Cutting a long text into words only to find two of them side by side costs far more than one
search of the text: a phrase's words are whole words (no word character before the first or
after the last) separated by characters that are not word characters, which is exactly how
``tokens.words`` cuts text. An Arabic word may carry proclitics, so it is the alternation of
its forms, written as the proclitics they start with and the ending they share.

A pattern that starts with an alternation makes the engine try it at every position of the
text. So the pattern starts at the word with the longest ending: the search jumps from one
occurrence of that string to the next, and a look-behind checks what stands before it.
"""

from __future__ import annotations

import re

import regex

from majlis.text.tokens import NOT_WORD_CHAR, WORD_CHAR, proclitic_forms

_BEFORE_WORD = f"(?<!{WORD_CHAR})"
_AFTER_WORD = f"(?!{WORD_CHAR})"
_BETWEEN = f"{NOT_WORD_CHAR}+"


class PhrasePattern:
    """Finds ``words`` next to each other in normalized text.

    Compiled on first use: most phrases of a large query set are never searched for (their
    words rarely all come together), and compiling thousands would slow every rebuild.
    """

    __slots__ = ("_pattern", "_words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words
        self._pattern: regex.Pattern[str] | None = None

    def found_in(self, text: str) -> bool:
        if self._pattern is None:
            self._pattern = regex.compile(phrase_pattern(self._words))
        return self._pattern.search(text) is not None


def phrase_pattern(words: tuple[str, ...]) -> str:
    """The regular expression of ``PhrasePattern``."""
    parts = [_proclitics_and_ending(proclitic_forms(word)) for word in words]
    anchor = max(range(len(parts)), key=lambda index: len(parts[index][1]))
    proclitics, ending = parts[anchor]
    behind = "".join(_word(*part) + _BETWEEN for part in parts[:anchor]) + _one_of(proclitics)
    ahead = "".join(_BETWEEN + _word(*part) for part in parts[anchor + 1 :])
    start = f"(?<={_BEFORE_WORD}{behind})" if behind else _BEFORE_WORD
    return start + re.escape(ending) + ahead + _AFTER_WORD


def _proclitics_and_ending(forms: frozenset[str]) -> tuple[set[str], str]:
    """The longest string that every form ends with, and what each form has before it."""
    ending = min(forms, key=len)
    while not all(form.endswith(ending) for form in forms):
        ending = ending[1:]
    return {form[: len(form) - len(ending)] for form in forms}, ending


def _word(proclitics: set[str], ending: str) -> str:
    return _one_of(proclitics) + re.escape(ending)


def _one_of(proclitics: set[str]) -> str:
    if proclitics == {""}:
        return ""
    # Longest first; "" last makes the proclitics optional.
    return "(?:" + "|".join(map(re.escape, sorted(proclitics, key=len, reverse=True))) + ")"
