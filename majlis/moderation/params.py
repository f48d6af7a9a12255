"""The fields of an Akismet request, decoded in the charset the site declares.

Django decodes a form as UTF-8 unless the Content-Type says otherwise, but Akismet clients name
their charset in the `blog_charset` field (WordPress sites in ISO-8859-1 or windows-1256 still
exist). So the body is parsed here, byte for byte: the charset comes from the Content-Type, else
from `blog_charset`, else UTF-8, and undecodable bytes become U+FFFD instead of an error.
"""

from __future__ import annotations

import codecs
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest

MAX_BODY_BYTES = 1024 * 1024
MAX_FIELDS = 300
_DEFAULT_CHARSET = "utf-8"


class BodyTooLarge(Exception):
    pass


def _pairs(body: bytes) -> list[tuple[bytes, bytes]]:
    pairs = []
    for chunk in body.split(b"&")[:MAX_FIELDS]:
        if not chunk:
            continue
        name, _sep, value = chunk.partition(b"=")
        pairs.append(
            (
                unquote_to_bytes(name.replace(b"+", b" ")),
                unquote_to_bytes(value.replace(b"+", b" ")),
            )
        )
    return pairs


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip('"')).name if label.strip() else None
    except LookupError:
        return None


def _declared_charset(request: HttpRequest, pairs: list[tuple[bytes, bytes]]) -> str:
    header = request.META.get("CONTENT_TYPE", "")
    for part in header.split(";")[1:]:
        name, _sep, value = part.partition("=")
        if name.strip().lower() == "charset" and (codec := _codec(value)):
            return codec
    for name, value in pairs:
        if name == b"blog_charset" and (codec := _codec(value.decode("latin-1"))):
            return codec
    return _DEFAULT_CHARSET


def form_fields(request: HttpRequest) -> dict[str, str]:
    """The query string and the form body as one dict; on a repeated name, the last wins."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise BodyTooLarge
    if request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data"):
        merged = {**request.GET.dict(), **request.POST.dict()}
        return {k.replace("\x00", ""): v.replace("\x00", "") for k, v in merged.items()}
    body = request.body if request.method == "POST" else b""
    if len(body) > MAX_BODY_BYTES:
        raise BodyTooLarge
    query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
    pairs = _pairs(query) + _pairs(body)
    charset = _declared_charset(request, pairs)
    fields: dict[str, str] = {}
    for name, value in pairs:
        key = name.decode(charset, "replace").replace("\x00", "")
        fields[key] = value.decode(charset, "replace").replace("\x00", "")
    return fields
