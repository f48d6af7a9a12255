"""XML written by strangers, made safe before any parser that could be fooled reads it.

Refused as hostile: entity declarations (billion laughs, external entities such as
file:///etc/passwd) and DTDs with an internal subset. A DOCTYPE that only names an external DTD
(as RSS 0.91 feeds do) is dropped unread. The check runs on defusedxml, whose parser raises on
any DTD, entity or external reference left after that.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from majlis.listening.fetch import FetchError, Reason

# What may precede the root element: blanks, the XML declaration, processing instructions,
# comments and one DOCTYPE (its internal subset in brackets).
_PROLOG_PART = re.compile(
    r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.DOTALL | re.IGNORECASE
)
_UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def _hostile(url: str, why: str) -> FetchError:
    return FetchError(Reason.HOSTILE_XML, f"{url} {why}; Majlis refuses such XML.")


def _split_prolog(text: str) -> tuple[str, str]:
    position = 0
    while (match := _PROLOG_PART.match(text, position)) and match.end() > position:
        position = match.end()
    return text[:position], text[position:]


def guarded_xml(text: str, url: str) -> bytes:
    """`text` as UTF-8 XML bytes with a harmless prolog, or FetchError("hostile_xml")."""
    prolog, body = _split_prolog(text.lstrip("\ufeff"))
    if "<!ENTITY" in prolog.upper():
        raise _hostile(url, "declares XML entities")
    if re.search(r"<!DOCTYPE[^>\[]*\[", prolog, re.IGNORECASE):
        raise _hostile(url, "carries its own DTD")
    if body.startswith("<!") and not body.startswith("<![CDATA["):
        raise _hostile(url, "starts with a declaration Majlis cannot read safely")
    data = (_UTF8_DECLARATION + body).encode("utf-8")
    try:
        fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise _hostile(url, f"uses DTD features ({type(exc).__name__})") from exc
    except ParseError:
        pass  # broken but harmless: the feed parser keeps what it can
    return data


def parse_xml(text: str, url: str) -> Element:
    """A strict, safe parse (sitemaps): FetchError on hostile or malformed XML."""
    data = guarded_xml(text, url)
    try:
        root: Element = fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except ParseError as exc:
        raise FetchError(Reason.PARSE_ERROR, f"{url} is not well-formed XML ({exc}).") from exc
    return root
