"""Emoji sequences, as twemoji-parser (which X's counter uses) recognises them.

X counts each emoji sequence as weight 200 (two characters) however many code points it holds:
a ZWJ family, a flag, a keycap, a skin tone. Only the cases where that differs from the sum of
the code-point weights matter, so a bare pictograph is matched only when it is outside
Latin-1: twemoji leaves a bare `©` or `®` alone (it needs U+FE0F to become an emoji).
"""

from __future__ import annotations

import regex

_PICTOGRAPH = r"[[\p{Extended_Pictographic}\p{Emoji_Presentation}]--[\x00-\xff]]"
_TAG_SEQUENCE = r"[\U000E0020-\U000E007E]+\U000E007F"
_ELEMENT = (
    rf"(?:\p{{Emoji_Modifier_Base}}\p{{Emoji_Modifier}}"
    rf"|{_PICTOGRAPH}\uFE0F?"
    r"|\p{Emoji_Modifier}"
    r"|[\u00A9\u00AE]\uFE0F)"
    rf"(?:{_TAG_SEQUENCE})?"
)

EMOJI_SEQUENCE = regex.compile(
    r"[\U0001F1E6-\U0001F1FF]{2}"  # a flag: two regional indicators
    r"|[#*0-9]\uFE0F?\u20E3"  # a keycap
    rf"|{_ELEMENT}(?:\u200D{_ELEMENT})*",
    flags=regex.VERSION1,
)


def emoji_spans(text: str) -> dict[int, int]:
    """Start index → end index of every emoji sequence in `text`."""
    return {match.start(): match.end() for match in EMOJI_SEQUENCE.finditer(text)}
