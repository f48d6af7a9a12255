"""Fold a social-media text into the tokens the sentiment model sees.

The model's weights are tied to this exact folding, so it is frozen here rather than shared with
`majlis.text.normalize` (which may evolve with the query language): changing anything below
means retraining and shipping a new model file.
"""

from __future__ import annotations

import html
import re
import unicodedata

import regex

# UMSAB's English tweets carry JSON escapes as literal text ("\u2019"); decode them first.
_LITERAL_ESCAPE = regex.compile(r"\\u([0-9a-fA-F]{4})")
# UMSAB replaced every link with a bare "http"; treat real links the same way.
_URL = regex.compile(r"(?:https?://|www\.)\S+|\bhttps?\b|<a\s[^>]*>|</a>", regex.IGNORECASE)
_MENTION = regex.compile(r"@\w+")
_EMOTICON = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[:;=][\-o']?[)(\]\[dpo/\\|*]|<3|\^\^)(?![\p{L}\p{N}])", regex.IGNORECASE
)
_EMOTICON_STARTS = frozenset(":;=<^")  # every emoticon holds one of these
# The standard library's engine finds these runs twice as fast, with the same meaning.
_LONG_RUN = re.compile(r"(.)\1{2,}")
_TOKEN = regex.compile(
    r"#?[\p{L}\p{M}\p{N}_]+|\p{Extended_Pictographic}|\uFE0F|[!?]+|<(?:url|user|emo[+-])>"
)
_ARABIC_LETTER_FIXES = str.maketrans({"ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_POSITIVE_EMOTICONS = frozenset(
    {":)", ":-)", ":d", ":-d", ";)", ";-)", "=)", ":p", "<3", "^^", ":*"}
)

NEGATORS = frozenset(
    {
        # English ("n't" is rewritten to " not" before tokenizing)
        "not", "no", "never", "nothing", "nobody", "nor", "cannot", "without",
        # French
        "ne", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni",
        # Arabic and Darija, Arabic script
        "لا", "ما", "لم", "لن", "ليس", "ليست", "مش", "ماشي", "بلا", "والو",
        # Darija, Latin script
        "ma", "machi", "mashi", "mchi", "walo", "bla",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Case, accents, Arabic letter variants and elongations folded; links and users replaced."""
    # The checks before three of the patterns skip them on texts they cannot match (most).
    if "\\u" in text:
        text = _LITERAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = html.unescape(text)
    text = _URL.sub(" <url> ", text)
    if "@" in text:
        text = _MENTION.sub(" <user> ", text)
    if not _EMOTICON_STARTS.isdisjoint(text):
        text = _EMOTICON.sub(_emoticon_token, text)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("n't", " not")
    # NFD then dropping marks removes Latin accents, Arabic harakat and the hamza/madda
    # carried by alef, waw and yeh in one pass.
    text = unicodedata.normalize("NFD", text)
    if not text.isascii():  # ASCII holds no marks
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_ARABIC_LETTER_FIXES)
    return str(_LONG_RUN.sub(r"\1\1", text))


def tokenize(folded: str) -> list[str]:
    """Words (Arabizi digits stay inside words), hashtags, emoji, runs of ! and ?."""
    return [t for t in _TOKEN.findall(folded) if t != "\ufe0f"]


def _emoticon_token(match: regex.Match[str]) -> str:
    face = match.group(0).casefold()
    return " <emo+> " if face in _POSITIVE_EMOTICONS else " <emo-> "
