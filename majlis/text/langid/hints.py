"""The language a source declares for an item (RSS <language>, html lang, Mastodon's status
language, Bluesky's langs, Content-Language), weighed against what the detector found.

A declaration is often a default (the instance's, the client's, the site template's) rather than
a statement about the post, so it only decides when the detector found too little to go on, and
only for a text whose letters are in the declared language's script. It never chooses between
Darija and other Arabic: that is the detector's job. docs/models/langid.md states the rule.
"""

from __future__ import annotations

import re

from majlis.text.langid.detector import MIN_LETTERS, NOT_ARABIC_LETTERS
from majlis.text.langid.script import Script, script_of

# A tag naming one of our languages, with script, region and variant, fits in 35 characters;
# a longer "hint" is noise, not worth running a regular expression over.
MAX_HINT = 35
_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
# ISO 639-1, -2 and -3 codes of the languages we label. `arb` is Standard Arabic; other Arabic
# dialect codes are ignored rather than guessed at.
_PRIMARY = {
    "fr": "fr", "fra": "fr", "fre": "fr",
    "en": "en", "eng": "en",
    "ar": "ar", "ara": "ar", "arb": "ar",
    "ary": "ary",
}  # fmt: skip
# The label a declared language gives, by the script the text's letters are in. Darija is
# written in both scripts, so a bare `ary` follows the letters; `ar` is Arabic script only, and
# `ar-Latn` is refused: saying that Latin letters are Darija is the detector's call, not the
# source's.
_BY_SCRIPT = {
    "fr": {"latin": "fr"},
    "en": {"latin": "en"},
    "ar": {"arabic": "ar"},
    "ary": {"arabic": "ary", "latin": "ary-Latn"},
    "ary-Latn": {"latin": "ary-Latn"},
}


def normalize_hint(hint: str) -> str:
    """`fr`, `en`, `ar`, `ary` or `ary-Latn` for a declaration naming one of them, else ""."""
    if len(hint) > MAX_HINT or not hint.isascii():
        return ""
    tag = hint.strip().lower().replace("_", "-")  # `en_US`: a POSIX locale, not BCP 47
    if not _TAG.fullmatch(tag):
        return ""
    subtags = tag.split("-")
    if len(subtags) > 1 and len(subtags[1]) == 3 and subtags[1].isalpha():
        subtags = subtags[1:]  # an extended language subtag: `ar-ary` is `ary`
    language = _PRIMARY.get(subtags[0], "")
    script = subtags[1] if len(subtags) > 1 and len(subtags[1]) == 4 else ""
    if not language or not script:
        return language
    if script == "latn":
        return {"fr": "fr", "en": "en", "ary": "ary-Latn"}.get(language, "")
    if script == "arab" and language in ("ar", "ary"):
        return language
    return ""


def weigh_hint(detected: str, text: str, hint: str) -> str:
    """The detector's answer for `text`, unless it is `und` for want of text and the source's
    declared language fits the letters there are."""
    if detected != "und" or not hint:
        return detected
    by_script = _BY_SCRIPT.get(normalize_hint(hint))
    if by_script is None:
        return detected
    script = script_of(text)
    if not _too_little(script):
        return detected  # an `und` with text behind it: another language or another script
    return by_script.get(_script_name(script, text), detected)


def _too_little(script: Script) -> bool:
    # One Latin word is too little too: lingua cannot tell `merci` or `top` from Italian. One
    # Arabic-script word the detector calls `und` held a Persian or Urdu letter: that is
    # evidence, and the script check below refuses it anyway.
    return script.letters < MIN_LETTERS or (len(script.words) == 1 and not script.arabic)


def _script_name(script: Script, text: str) -> str:
    """`latin` or `arabic` when every letter is in that script; "" for none or a mixture."""
    if script.other or (script.latin and script.arabic):
        return ""
    if script.latin:
        return "latin"
    if script.arabic and NOT_ARABIC_LETTERS.isdisjoint(text):
        return "arabic"
    return ""
