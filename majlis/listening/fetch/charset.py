"""Turn the bytes of a page or feed into text, whatever its author claimed about its encoding.

Order: a byte-order mark (it cannot lie), the charset of the HTTP header, the encoding the
document declares (XML prolog or HTML meta), then UTF-8. A label that fails to decode is
skipped, so an Arabic feed in windows-1256 that claims UTF-8 still reads as Arabic.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # Without a BOM these cannot be told apart from garbage; the BOM case is handled first.
    return None if name in ("utf-16", "utf-32") else name


def header_charset(content_type: str) -> str:
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else ""


def declared_charset(head: bytes) -> str:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else ""


def _single_byte(body: bytes) -> str:
    # windows-1256 keeps French accented letters where latin-1 has them, so a text that
    # decodes to Arabic letters there is Arabic; otherwise latin-1 is the safer guess.
    arabic = body.decode("cp1256", errors="replace")
    non_ascii = sum(1 for ch in arabic if ord(ch) > 127)
    if non_ascii and len(_ARABIC.findall(arabic)) * 2 >= non_ascii:
        return arabic
    return body.decode("latin-1")


def decode_text(body: bytes, content_type: str = "") -> str:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")
    for label in (header_charset(content_type), declared_charset(body[:4096])):
        codec = _codec(label) if label else None
        if codec is None:
            continue
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte(body)
