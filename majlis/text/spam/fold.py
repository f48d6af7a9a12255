"""The text normalization the spam model was trained on.

It follows the project's normalization (NFKC, case folding, Latin and Arabic diacritics off,
Arabic letter variants merged) but lives here, frozen: the shipped weights are only valid for
the exact features they were trained on, so a change to the shared normalizer must not shift
them silently. Change this file only together with a retrained model.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACE = re.compile(r"\s+")
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
        "ک": "ك", "ی": "ي", "ۀ": "ه",
    }
    | {chr(0x0660 + d): str(d) for d in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + d): str(d) for d in range(10)}  # Eastern Arabic-Indic digits
)  # fmt: skip


def strip_markup(text: str) -> str:
    """Tags out, entities decoded, `<br>` and paragraphs turned into spaces."""
    return html.unescape(_TAG.sub(" ", text))


def fold(text: str) -> str:
    """Lower-case, accent-free, variant-free text with single spaces."""
    if text.isascii():  # most comments: nothing to compose, strip or merge
        return _SPACE.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    # Combining marks carry Latin accents and Arabic harakat alike: both are dropped.
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.translate(_ARABIC_FOLD)
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
