"""The obvious matcher: one regular expression per query, tried on every document.

It is the benchmark's baseline and the tests' oracle, so it shares nothing with the compiled
matcher but the parser, ``normalize`` and the definition of a word character: it works on the
normalized text itself, not on words cut out of it.

A document becomes one string, ``title \\x00 text \\x01 lang \\x02 host \\x02 author \\x02``, and
every query one pattern of zero-width assertions anchored at its start. Text terms scan only up
to ``\\x01``; phrases and NEAR cannot cross ``\\x00``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from majlis.text.matcher.document import Document
from majlis.text.normalize import normalize
from majlis.text.query import QuerySyntaxError, parse_query
from majlis.text.query.ast import (
    And,
    Author,
    Hashtag,
    Language,
    Mention,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Proximal,
    Site,
    Word,
)
from majlis.text.query.fields import host_of_url, normalize_author, normalize_language
from majlis.text.tokens import ARABIC_LETTER, HANDLE_CHAR, WORD_CHAR

_START = rf"(?<!{WORD_CHAR})"
_END = rf"(?!{WORD_CHAR})"
_GAP = r"[^\p{L}\p{N}\p{M}\x00\x01]++"
_PROCLITICS = "(?:[وف]?(?:[بكل]?(?:ال)?|لل))"
_SHORT_ARTICLE = "[وف]?لل"
_ARABIC_WORD = regex.compile(rf"{ARABIC_LETTER}{{2,}}", regex.V1)
_CONTROLS = re.compile("[\x00-\x02]")


class NaiveMatcher:
    def __init__(self, patterns: list[tuple[str, regex.Pattern[str]]]) -> None:
        self._patterns = patterns

    @classmethod
    def build(cls, queries: Iterable[tuple[str, str]]) -> NaiveMatcher:
        patterns = []
        for query_id, text in queries:
            try:
                node = parse_query(text)
            except QuerySyntaxError as error:
                raise error.for_query(query_id) from None
            patterns.append((query_id, regex.compile(r"\A" + _assertion(node), regex.V1)))
        return cls(patterns)

    def __len__(self) -> int:
        return len(self._patterns)

    def match(self, document: Document) -> list[str]:
        subject = _subject(document)
        return sorted({query_id for query_id, pattern in self._patterns if pattern.match(subject)})


def _subject(document: Document) -> str:
    title = _CONTROLS.sub(" ", normalize(document.title))
    text = _CONTROLS.sub(" ", normalize(document.text))
    header = (
        normalize_language(document.lang),
        host_of_url(document.url),
        normalize_author(document.author),
    )
    fields = "".join(_CONTROLS.sub("\ufffd", value) + "\x02" for value in header)
    return f"{title}\x00{text}\x01{fields}"


def _assertion(node: Node) -> str:
    """A zero-width pattern, tried at the start of the subject, that holds when ``node`` does."""
    match node:
        case Word() | Phrase() | Prefix():
            return _somewhere(_proximal(node))
        case Hashtag(name=name):
            return _somewhere(rf"(?<!{HANDLE_CHAR})#{re.escape(name)}(?!{HANDLE_CHAR})")
        case Mention(handle=handle):
            after = rf"(?!{HANDLE_CHAR}|[.\-]{HANDLE_CHAR})"
            return _somewhere(rf"(?<!{HANDLE_CHAR})@{re.escape(handle)}{after}")
        case Near(left=left, right=right, distance=distance):
            between = rf"(?:{_GAP}{WORD_CHAR}++){{0,{distance}}}{_GAP}"
            a, b = _proximal(left), _proximal(right)
            return _somewhere(f"(?:{a}{between}{b}|{b}{between}{a})")
        case Language(code=code):
            return rf"(?=[^\x01]*\x01{re.escape(code)}(?:-[^\x02]*)?\x02)"
        case Site(host=host):
            return rf"(?=[^\x01]*\x01[^\x02]*\x02(?:[^\x02]*\.)?{re.escape(host)}\x02)"
        case Author(name=name):
            return rf"(?=[^\x01]*\x01[^\x02]*\x02[^\x02]*\x02{re.escape(name)}\x02)"
        case And(children=children):
            return "".join(map(_assertion, children))
        case Or(children=children):
            return "(?:" + "|".join(map(_assertion, children)) + ")"
        case Not(child=child):
            return f"(?!{_assertion(child)})"
    raise TypeError(node)  # pragma: no cover


def _somewhere(pattern: str) -> str:
    return rf"(?=[^\x01]*?{pattern})"


def _proximal(node: Proximal) -> str:
    """A pattern that consumes the whole words of a word, phrase or prefix occurrence."""
    match node:
        case Word(text=text):
            return _START + _word(text) + _END
        case Phrase(words=words):
            return _START + _GAP.join(map(_word, words)) + _END
        case Prefix(stem=stem):
            plain = re.escape(stem) + rf"{WORD_CHAR}*+"
            if _ARABIC_WORD.fullmatch(stem) is None:
                return _START + plain
            with_proclitics = f"{_PROCLITICS}{re.escape(stem)}{ARABIC_LETTER}*+{_END}"
            if not stem.startswith("ال"):
                return f"{_START}(?:{plain}|{with_proclitics})"
            # لل stands for ل + ال; what follows it must still be two letters or more.
            bare = stem[2:]
            more = "*+" if len(bare) >= 2 else "++"
            short = f"{_SHORT_ARTICLE}{re.escape(bare)}{ARABIC_LETTER}{more}{_END}"
            return f"{_START}(?:{plain}|{with_proclitics}|{short})"
    raise TypeError(node)  # pragma: no cover


def _word(text: str) -> str:
    if _ARABIC_WORD.fullmatch(text) is None:
        return re.escape(text)
    with_proclitics = _PROCLITICS + re.escape(text)
    if text.startswith("ال") and len(text) >= 4:
        return f"(?:{with_proclitics}|{_SHORT_ARTICLE}{re.escape(text[2:])})"
    return with_proclitics
