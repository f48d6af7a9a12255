"""Finding links the way twitter-text does.

X counts every link as 23 characters and Mastodon's server reuses the same extractor (with the
scheme required), so both must agree with twitter-text on what a link is, down to the trailing
punctuation it leaves out and the TLD it needs. This follows twitter-text's `extractUrl`
pattern and `extractUrlsWithIndices` (v3, JavaScript edition).
"""

from __future__ import annotations

import regex

from majlis.publishing.rules.tlds import COUNTRY_CODE_TLDS, GENERIC_TLDS, trie_pattern

_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263"
    r"\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"

_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
# A TLD must not run on into more of a word: `example.comm` is not `example.com`.
_TLD_END = r"(?=[^0-9a-zA-Z@+-]|$)"
_GTLD = rf"(?:(?:{trie_pattern(GENERIC_TLDS)}){_TLD_END})"
_CCTLD = rf"(?:(?:{trie_pattern(COUNTRY_CODE_TLDS)}){_TLD_END})"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"
_DOMAIN = rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}(?:{_GTLD}|{_CCTLD}|{_PUNYCODE}))"

_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
# So that `/foo.` does not swallow the full stop that ends the sentence.
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{_BALANCED_PARENS})"
_PATH = (
    rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
    rf"|(?:@{_PATH_CHAR}+/))"
)
_QUERY_CHAR = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"

URL = regex.compile(
    rf"(?P<before>{_PRECEDING})"
    r"(?P<url>"
    r"(?P<scheme>https?://)?"
    rf"(?P<domain>{_DOMAIN})"
    r"(?::[0-9]+)?"
    rf"(?P<path>/{_PATH}*)?"
    rf"(?:\?{_QUERY_CHAR}*{_QUERY_END})?"
    r")",
    flags=regex.IGNORECASE,
)
_ASCII_DOMAIN = regex.compile(
    rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+(?:{_GTLD}|{_CCTLD}|{_PUNYCODE})",
    flags=regex.IGNORECASE,
)
_BAD_BEFORE_SCHEMELESS = regex.compile(r"[-_./]$")
# A link never holds a space, and its host always holds a dot.
_DOTTED_RUN = regex.compile(rf"(?<![^{_SPACES}])[^{_SPACES}]*\.[^{_SPACES}]*")
_TCO = regex.compile(
    rf"https?://t\.co/([a-z0-9]+)(?:\?{_QUERY_CHAR}*{_QUERY_END})?", flags=regex.IGNORECASE
)

_MAX_URL_LENGTH = 4096
_MAX_LABEL_LENGTH = 63
_MAX_TCO_SLUG = 40


def find_urls(text: str, *, scheme_required: bool = False) -> list[tuple[int, int]]:
    """(start, end) of every link in `text`, in order."""
    if "." not in text:
        return []
    spans: list[tuple[int, int]] = []
    # Running the big pattern only over dotted runs of non-spaces (plus the character before,
    # which the pattern inspects) finds the same links an order of magnitude faster.
    for run in _DOTTED_RUN.finditer(text):
        for match in URL.finditer(text, max(run.start() - 1, 0), run.end()):
            if not _fits_dns(match["url"], match["scheme"] or "https://", match["domain"]):
                continue
            if match["scheme"]:
                spans.extend(_with_scheme(match))
            elif not scheme_required and not _BAD_BEFORE_SCHEMELESS.search(match["before"]):
                spans.extend(_without_scheme(match))
    return spans


def _with_scheme(match: regex.Match[str]) -> list[tuple[int, int]]:
    start, end = match.span("url")
    # A t.co link ends with its slug and query: twitter-text leaves `'s`, `-` or `:` out.
    tco = _TCO.match(match["url"])
    if tco:
        if len(tco[1]) > _MAX_TCO_SLUG:
            return []
        end = start + tco.end()
    return [(start, end)]


def _without_scheme(match: regex.Match[str]) -> list[tuple[int, int]]:
    # Without a scheme only the ASCII part of the host counts: in `exampleこれ.com` nothing does,
    # and in `これはexample.com` only `example.com`.
    start = match.start("url")
    spans = [
        (start + found.start(), start + found.end())
        for found in _ASCII_DOMAIN.finditer(match["domain"])
    ]
    if spans and match["path"]:
        spans[-1] = (spans[-1][0], match.end("url"))
    return spans


def _fits_dns(url: str, scheme: str, domain: str) -> bool:
    """twitter-text's `isValidUrl`: every host label must fit DNS once punycode-encoded."""
    if domain.lower().startswith("xn--") and not _ASCII_DOMAIN.search(domain):
        return False
    for label in domain.split("."):
        encoded = label if label.isascii() else "xn--" + label.encode("punycode").decode()
        if not 1 <= len(encoded) <= _MAX_LABEL_LENGTH:
            return False
    return len(scheme) + _utf16_length(url) <= _MAX_URL_LENGTH


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
