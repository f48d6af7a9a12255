"""The one normalization every piece of text goes through before it is searched or compared.

NFKC, case folding, Latin diacritics removed (été = ete), Arabic diacritics and tatweel
removed, and the Arabic letter variants that people write interchangeably folded together:
``أ إ آ ٱ`` → ``ا``, ``ى`` → ``ي``, ``ة`` → ``ه``. Invisible characters that only steer
rendering (soft hyphens, zero-width spaces and joiners, variation selectors) are removed too,
and ``œ æ ø ł đ`` become ``oe ae o l d``.

It runs on every mention, so the common cases stay in C: ASCII text is done after NFKC and case
folding, Latin-1 text (French) and Arabic text (with French or English in it: Windows-1256 holds
both) go through one byte translation each, and other text only pays for the characters it
actually contains.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC_LETTER_VARIANTS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}

_DELETED_RANGES = (
    # Harakat, tanwin, shadda, sukun, hamza and madda marks, superscript alef, Quranic
    # annotation marks, and tatweel (the elongation stroke is typography, not spelling).
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
    (0x0640, 0x0640),
    # Combining diacritics left over when no precomposed letter exists.
    (0x0300, 0x036F),
    # Invisible characters: soft hyphen, zero-width space and joiners, word joiner, BOM,
    # variation selectors (❤️ is ❤ plus one).
    (0x00AD, 0x00AD),
    (0x200B, 0x200D),
    (0x2060, 0x2060),
    (0xFEFF, 0xFEFF),
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)

_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF))

# Letters that are not "a letter plus an accent" for Unicode but that French and Maghrebi users
# write either way (cœur / coeur).
_LATIN_EXTRAS = {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d"}

# NFKC of a long text that holds one compatibility character would recompose all of it. The
# commonest ones are replaced first by what NFKC gives them, and the rest is cut at ASCII
# spaces, which never combine with a neighbour, so only the pieces that need it are redone.
_COMMON_COMPATIBILITY = {"…": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " "}
_NFKC_PIECE = 256


def _latin_without_diacritics() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, last in _LATIN_RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            decomposed = unicodedata.normalize("NFD", char)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            if base != char and base:
                table[char] = base
    return table


def _build_replacements() -> dict[str, str]:
    replacements = _latin_without_diacritics()
    replacements.update(_LATIN_EXTRAS)
    for first, last in _DELETED_RANGES:
        for code in range(first, last + 1):
            replacements[chr(code)] = ""
    replacements.update(_ARABIC_LETTER_VARIANTS)
    # Resolve chains (ǿ → ø → o) so that one pass, in any order, gives the final text.
    for char, replacement in replacements.items():
        while True:
            resolved = "".join(replacements.get(c, c) for c in replacement.casefold())
            if resolved == replacement:
                break
            replacement = resolved
        replacements[char] = replacement
    return replacements


def _character_class(chars: list[str]) -> str:
    """A compact regular-expression class: runs of code points become ranges."""
    runs: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    parts = (
        re.escape(chr(first)) + ("" if first == last else "-" + re.escape(chr(last)))
        for first, last in runs
    )
    return "[" + "".join(parts) + "]"


def _latin1_table() -> bytes:
    """Latin-1 bytes case-folded and without diacritics, where that stays one byte."""
    table = bytearray(range(256))
    for code in range(256):
        folded = chr(code).casefold()
        for candidate in (_REPLACEMENTS.get(folded, folded), folded):
            if len(candidate) == 1 and ord(candidate) < 256:
                table[code] = ord(candidate)
                break
    return bytes(table)


def _arabic_tables() -> tuple[bytes, bytes, bytes]:
    """Windows-1256 bytes normalized: a translation table, the bytes to delete (diacritics,
    tatweel, invisible characters), and the bytes the table cannot do (œ → oe)."""
    table = bytearray(range(256))
    deleted = bytearray()
    expanding = bytearray()
    for code in range(256):
        char = bytes([code]).decode(ARABIC_CODEC)
        if not unicodedata.is_normalized("NFKC", char):
            continue  # … ™ ¼: gone once the text is in NFKC
        try:
            encoded = _replace_present(char.casefold()).encode(ARABIC_CODEC)
        except UnicodeEncodeError:
            expanding.append(code)
            continue
        if not encoded:
            deleted.append(code)
        elif len(encoded) == 1:
            table[code] = encoded[0]
        else:
            expanding.append(code)
    return bytes(table), bytes(deleted), bytes(expanding)


_REPLACEMENTS = _build_replacements()
_NEEDS_REPLACING = re.compile(_character_class(list(_REPLACEMENTS)))
_LATIN1_TABLE = _latin1_table()
# What the Latin-1 table cannot do in one byte: ß → ss, æ → ae, soft hyphen → nothing.
_LATIN1_LEFTOVERS = {"ß": "ss", "æ": "ae", "\u00ad": ""}
# Windows-1256: Arabic letters and marks, Latin-1's French letters, œ, and the usual punctuation.
ARABIC_CODEC = "cp1256"


def normalize(text: str) -> str:
    """Return ``text`` as the matcher, the query language and the classifiers see it."""
    text = _nfkc(text)
    if text.isascii():
        return text.casefold()
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:
        return _arabic_or_other(text)
    text = latin1.translate(_LATIN1_TABLE).decode("latin-1")
    for char, replacement in _LATIN1_LEFTOVERS.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def _arabic_or_other(text: str) -> str:
    try:
        encoded = text.encode(ARABIC_CODEC)
    except UnicodeEncodeError:
        return _replace_present(text.casefold())
    if any(code in encoded for code in _ARABIC_UNTRANSLATABLE):
        return _replace_present(text.casefold())
    return encoded.translate(_ARABIC_TABLE, _ARABIC_DELETED).decode(ARABIC_CODEC)


def _nfkc(text: str) -> str:
    if unicodedata.is_normalized("NFKC", text):
        return text
    for compatibility, plain in _COMMON_COMPATIBILITY.items():
        if compatibility in text:
            text = text.replace(compatibility, plain)
    if unicodedata.is_normalized("NFKC", text):
        return text
    if len(text) <= _NFKC_PIECE:
        return unicodedata.normalize("NFKC", text)
    pieces = []
    start = 0
    while start < len(text):
        end = text.find(" ", start + _NFKC_PIECE)
        if end == -1:
            end = len(text)
        piece = text[start:end]
        if not unicodedata.is_normalized("NFKC", piece):
            piece = unicodedata.normalize("NFKC", piece)
        pieces.append(piece)
        start = end
    return "".join(pieces)


def _replace_present(text: str) -> str:
    for char in set(_NEEDS_REPLACING.findall(text)):
        text = text.replace(char, _REPLACEMENTS[char])
    return text


_ARABIC_TABLE, _ARABIC_DELETED, _ARABIC_UNTRANSLATABLE = _arabic_tables()
