"""Turning what the user typed for one term into a normalized leaf of the query tree."""

from __future__ import annotations

from majlis.text.normalize import normalize
from majlis.text.query import errors
from majlis.text.query.ast import (
    Author,
    FieldTerm,
    Hashtag,
    Language,
    Mention,
    Phrase,
    Prefix,
    Site,
    Word,
)
from majlis.text.query.errors import QuerySyntaxError
from majlis.text.query.fields import (
    is_host,
    is_language_code,
    normalize_author,
    normalize_host,
    normalize_language,
)
from majlis.text.tokens import is_hashtag_body, is_mention_body, words

MIN_PREFIX_LENGTH = 3

Leaf = Word | Phrase | Prefix | Hashtag | Mention


def bare_term(raw: str, position: int) -> Leaf:
    """A term typed without quotes: a word, a prefix, a hashtag or a mention.

    A bare term that holds several words (Maroc-RDC, l'été) is searched as a phrase.
    """
    if raw.startswith("#"):
        return _hashtag(raw, position)
    if raw.startswith("@"):
        return _mention(raw, position)
    if "*" in raw:
        return _prefix(raw, position)
    return _words(words(normalize(raw)), position, errors.NOTHING_TO_SEARCH)


def phrase_term(raw: str, position: int) -> Word | Phrase:
    return _words(words(normalize(raw)), position, errors.EMPTY_PHRASE)


def field_term(name: str, raw: str, position: int) -> FieldTerm:
    if name == "lang":
        code = normalize_language(raw)
        if not is_language_code(code):
            raise QuerySyntaxError(errors.INVALID_LANGUAGE, position)
        return Language(code)
    if name == "site":
        host = normalize_host(_host_part(raw))
        if not is_host(host):
            raise QuerySyntaxError(errors.INVALID_SITE, position)
        return Site(host)
    author = normalize_author(raw)
    if not author:
        raise QuerySyntaxError(errors.FIELD_NEEDS_VALUE, position)
    return Author(author)


def _words(found: list[str], position: int, message_when_empty: str) -> Word | Phrase:
    if not found:
        raise QuerySyntaxError(message_when_empty, position)
    if len(found) == 1:
        return Word(found[0])
    return Phrase(tuple(found))


def _hashtag(raw: str, position: int) -> Hashtag:
    name = normalize(raw[1:])
    if not is_hashtag_body(name):
        raise QuerySyntaxError(errors.INVALID_HASHTAG, position)
    return Hashtag(name)


def _mention(raw: str, position: int) -> Mention:
    handle = normalize(raw[1:])
    if not is_mention_body(handle):
        raise QuerySyntaxError(errors.INVALID_MENTION, position)
    return Mention(handle)


def _prefix(raw: str, position: int) -> Prefix:
    star = raw.index("*")
    if star != len(raw) - 1:
        raise QuerySyntaxError(errors.MISPLACED_STAR, position + star)
    found = words(normalize(raw[:-1]))
    if len(found) > 1:
        raise QuerySyntaxError(errors.PREFIX_ONE_WORD, position)
    if not found or len(found[0]) < MIN_PREFIX_LENGTH:
        raise QuerySyntaxError(errors.PREFIX_TOO_SHORT, position)
    return Prefix(found[0])


def _host_part(raw: str) -> str:
    """example.com from what people paste: https://www.example.com/page, example.com:8080."""
    host = raw.strip()
    if "://" in host:
        host = host.split("://", 1)[1]
    return host.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
