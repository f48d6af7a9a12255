"""LinkedIn's "little text" format, which the Posts API reads `commentary` in.

In little text, `@[Name](urn:li:organization:1)` is a mention and `{hashtag|#|tag}` a hashtag,
so these characters mean markup and must be backslash-escaped to show as typed:
`| { } @ [ ] ( ) < > # \\ * _ ~`. LinkedIn asks for the escape even where the character
could not start an element, so we escape every one. The 3000-character limit applies to
what readers see, the text before escaping.
"""

from __future__ import annotations

import regex

MAX_CHARACTERS = 3000

_RESERVED = regex.compile(r"[|{}@\[\]()<>#\\*_~]")
# Only letters and digits: an `_` inside the template would itself need escaping.
_HASHTAG = regex.compile(r"(?<![\w#])#(?P<tag>[\p{L}\p{M}\p{N}]*\p{L}[\p{L}\p{M}\p{N}]*)(?![\w])")


def escape_little_text(text: str, *, hashtags: bool = False) -> str:
    """`text` as literal little text; with `hashtags`, `#tag` becomes a LinkedIn hashtag."""
    if not hashtags:
        return _escape(text)
    pieces: list[str] = []
    position = 0
    for match in _HASHTAG.finditer(text):
        pieces += [_escape(text[position : match.start()]), "{hashtag|#|" + match["tag"] + "}"]
        position = match.end()
    pieces.append(_escape(text[position:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    escaped: str = _RESERVED.sub(lambda match: "\\" + match.group(), text)
    return escaped
