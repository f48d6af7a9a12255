"""Cutting normalized text into words, hashtags and mentions, and the Arabic proclitic rule.

A word is a maximal run of letters, digits and combining marks; anything else separates words
(``maroc-rdc`` holds ``maroc`` and ``rdc``). Hashtags and mentions are recognised on top of that:
their text is also ordinary words, so ``#maroc`` holds the word ``maroc``.

Every function here expects text that has already gone through ``normalize``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from majlis.text.normalize import ARABIC_CODEC

# Regular-expression character classes, shared with the naive matcher so that both agree on
# what a word is.
WORD_CHAR = r"[\p{L}\p{N}\p{M}]"
NOT_WORD_CHAR = r"[^\p{L}\p{N}\p{M}]"
HANDLE_CHAR = r"[\p{L}\p{N}\p{M}_]"
ARABIC_LETTER = r"[\p{Arabic}&&\p{L}]"

# A handle part may hold inner dots and hyphens (alice.bsky.social, jean-paul) but not end
# with them, so "merci @alice." mentions "alice".
_HANDLE_PART = rf"{HANDLE_CHAR}+(?:[.\-]{HANDLE_CHAR}+)*"
HASHTAG_BODY = rf"{HANDLE_CHAR}+"
MENTION_BODY = rf"{_HANDLE_PART}(?:@{_HANDLE_PART})?"

_SEPARATORS = regex.compile(r"[^\p{L}\p{N}\p{M} ]+")
_IS_WORD_CHAR = regex.compile(WORD_CHAR)


def _separators_to_spaces(codec: str) -> bytes:
    """A byte table that turns what is not a word character in ``codec`` into a space."""
    return bytes(
        code if _IS_WORD_CHAR.match(bytes([code]).decode(codec)) else ord(" ")
        for code in range(256)
    )


_LATIN1_SEPARATORS = _separators_to_spaces("latin-1")
_ARABIC_SEPARATORS = _separators_to_spaces(ARABIC_CODEC)
# The # or @ comes first so that the search jumps from one to the next instead of testing every
# position; the look-behind then checks what stands before it.
_HASHTAG = regex.compile(rf"#(?<!{HANDLE_CHAR}#)({HASHTAG_BODY})")
_MENTION = regex.compile(rf"@(?<!{HANDLE_CHAR}@)({_HANDLE_PART})(?:@({_HANDLE_PART}))?")
_ARABIC_WORD = regex.compile(rf"{ARABIC_LETTER}+", regex.V1)
_HASHTAG_WHOLE = regex.compile(HASHTAG_BODY)
_MENTION_WHOLE = regex.compile(MENTION_BODY)

# What may stand before an Arabic word: و or ف, then ب, ك or ل, then ال; or لل after و/ف.
_CONJUNCTIONS = ("", "و", "ف")
_ARTICLE = "ال"
_SHORT_ARTICLE = "لل"
PROCLITICS: tuple[str, ...] = tuple(
    sorted(
        {
            conjunction + preposition + article
            for conjunction in _CONJUNCTIONS
            for preposition in ("", "ب", "ك", "ل")
            for article in ("", _ARTICLE)
        }
        | {conjunction + _SHORT_ARTICLE for conjunction in _CONJUNCTIONS}
    )[1:]  # drop the empty sequence
)
_PROCLITIC_FIRST_LETTERS = frozenset(p[0] for p in PROCLITICS)
_PROCLITIC_SET = frozenset(PROCLITICS)
_PROCLITIC_LENGTHS = sorted({len(p) for p in PROCLITICS})
MIN_ARABIC_STEM = 2


@dataclass(frozen=True, slots=True)
class Tokens:
    """What a piece of normalized text holds: its words in order, its hashtags, its mentions.

    ``mentions`` holds each full handle and, for a handle with a server (alice@mastodon.social),
    its local part too, since that is how people refer to an account.
    """

    words: list[str]
    hashtags: frozenset[str]
    mentions: frozenset[str]


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    # Turning separators into spaces and splitting stays in C. Latin-1 text (English, French,
    # Darija in Latin letters) and Arabic text take a byte translation, several times faster
    # than the regular expression that other scripts need.
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:
        return _arabic_or_other_words(text)
    return latin1.translate(_LATIN1_SEPARATORS).decode("latin-1").split()


def _arabic_or_other_words(text: str) -> list[str]:
    try:
        arabic = text.encode(ARABIC_CODEC)
    except UnicodeEncodeError:
        spaced: str = _SEPARATORS.sub(" ", text)
        return spaced.split()
    return arabic.translate(_ARABIC_SEPARATORS).decode(ARABIC_CODEC).split()


def hashtags(text: str) -> frozenset[str]:
    """The hashtags of ``text``, without their ``#``."""
    if "#" not in text:
        return frozenset()
    return frozenset(_HASHTAG.findall(text))


def mentions(text: str) -> frozenset[str]:
    """The mentioned handles of ``text``, without their ``@``."""
    if "@" not in text:
        return frozenset()
    found: set[str] = set()
    for local, server in _MENTION.findall(text):
        found.add(local)
        if server:
            found.add(f"{local}@{server}")
    return frozenset(found)


def tokenize(text: str) -> Tokens:
    return Tokens(words(text), hashtags(text), mentions(text))


def is_hashtag_body(text: str) -> bool:
    return _HASHTAG_WHOLE.fullmatch(text) is not None


def is_mention_body(text: str) -> bool:
    return _MENTION_WHOLE.fullmatch(text) is not None


def is_arabic_word(word: str) -> bool:
    return _ARABIC_WORD.fullmatch(word) is not None


def takes_proclitics(word: str) -> bool:
    """Whether a query word also matches the same word carrying proclitics."""
    return len(word) >= MIN_ARABIC_STEM and is_arabic_word(word)


def proclitic_stems(word: str) -> tuple[str, ...]:
    """What ``word`` can be once its proclitics are taken off: وبالخطوط → بالخطوط, الخطوط, خطوط.

    After لل the article is restored too, since لل is ل + ال written short: للمغرب → المغرب.
    Only strips that leave at least two letters count, so short words are not reduced to noise.
    """
    if not word or word[0] not in _PROCLITIC_FIRST_LETTERS or not is_arabic_word(word):
        return ()
    stems: list[str] = []
    # A word's proclitics are among its first few letters: looking those up beats trying
    # every proclitic in turn (this runs for each new Arabic word a document brings).
    found = [word[:length] for length in _PROCLITIC_LENGTHS if word[:length] in _PROCLITIC_SET]
    for proclitic in sorted(found):
        if len(word) - len(proclitic) >= MIN_ARABIC_STEM:
            stems.append(word[len(proclitic) :])
            if proclitic.endswith(_SHORT_ARTICLE):
                stems.append(_ARTICLE + word[len(proclitic) :])
    return tuple(stems)


def proclitic_spellings(start: str) -> tuple[str, ...]:
    """How a word that begins with ``start`` begins once it carries proclitics."""
    spellings = [proclitic + start for proclitic in PROCLITICS]
    if start.startswith(_ARTICLE):
        bare = start[len(_ARTICLE) :]
        spellings += [conjunction + _SHORT_ARTICLE + bare for conjunction in _CONJUNCTIONS]
    return tuple(spellings)


def proclitic_forms(word: str) -> frozenset[str]:
    """The document words that count as ``word``: itself and, in Arabic, with its proclitics."""
    if not takes_proclitics(word):
        return frozenset((word,))
    forms = {word, *(proclitic + word for proclitic in PROCLITICS)}
    bare = word.removeprefix(_ARTICLE)
    # Behind لل the article is gone, and what is left must still be a two-letter stem.
    if bare != word and len(bare) >= MIN_ARABIC_STEM:
        forms.update(conjunction + _SHORT_ARTICLE + bare for conjunction in _CONJUNCTIONS)
    return frozenset(forms)
