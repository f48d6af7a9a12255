"""One spelling per web address, so the same article reached by different links is stored once."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that say how a visitor arrived, never what page they reached.
_TRACKING_PREFIXES = ("utm_", "__hs", "_hs", "mtm_", "pk_", "hsa_")
_TRACKING_TEXT = """
    fbclid gclid gclsrc dclid gbraid wbraid msclkid mc_cid mc_eid igshid igsh yclid twclid
    ttclid li_fat_id _ga _gl mkt_tok oly_anon_id oly_enc_id vero_id vero_conv rb_clickid s_cid
    wickedid epik ref_src ref_url spm scid srsltid"""
_TRACKING = frozenset(_TRACKING_TEXT.split())
_INDEX_PAGES_TEXT = """
    index.html index.htm index.shtml index.php index.asp index.aspx index.jsp index.cfm
    default.asp default.aspx default.htm default.html"""
_INDEX_PAGES = frozenset(_INDEX_PAGES_TEXT.split())
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters a path may hold as they are (RFC 3986 pchar and "/"), plus "%" of existing escapes.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


# Addresses that name a thing rather than a place on a web server (RFC 2392 mid: for e-mail).
_OPAQUE_SCHEMES = ("mid:", "cid:", "urn:")
# A fragment that names one item of a page holds a number (#post-2, #p123, #comment-45);
# one without (#top, #comments, #respond) is a place on the page, and one with "=" is a text
# fragment (#:~:text=) or tracking (#xtor=RSS-3).
_ITEM_FRAGMENT = re.compile(r"^[^=]*[0-9][^=]*$")


def canonical_url(url: str, keep_fragment: bool = False) -> str:
    """Lower-case scheme and host (IDNA), no default port, fragment, tracking parameters or
    trailing index page; dot segments resolved, escapes normalised, query sorted.

    `keep_fragment` when the fragment is the item's identity (a forum post at thread#post-id):
    the caller knows, the address alone does not say.
    """
    url = url.strip()
    if url.lower().startswith(_OPAQUE_SCHEMES):
        scheme, _, rest = url.partition(":")
        return f"{scheme.lower()}:{rest}"
    if "://" not in url:
        url = "http://" + url.removeprefix("//")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = _netloc(scheme, parts.netloc)
    fragment = parts.fragment if keep_fragment else ""
    return urlunsplit((scheme, netloc, _path(parts.path), _query(parts.query), fragment))


def fragment_names_item(url: str) -> bool:
    """Whether an address of unknown origin (an imported row) names one item of its page by
    its fragment: `#post-2` does, `#comments`, `#top` and `#xtor=RSS-3` do not."""
    return bool(_ITEM_FRAGMENT.match(urlsplit(url.strip()).fragment))


def _netloc(scheme: str, netloc: str) -> str:
    userinfo, _, hostport = netloc.rpartition("@")
    host, port = hostport, ""
    if not hostport.endswith("]") and ":" in hostport:  # not a bare IPv6 literal
        host, _, port = hostport.rpartition(":")
    host = _ascii_host(host.lower().rstrip("."))
    if port == "" or (port.isdigit() and int(port) == _DEFAULT_PORTS.get(scheme)):
        port = ""
    return (userinfo + "@" if userinfo else "") + host + (":" + port if port else "")


def _ascii_host(host: str) -> str:
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # a label IDNA 2003 refuses (emoji, too long): keep it readable
        return host


def _path(path: str) -> str:
    path = quote(_PERCENT.sub(_normalise_escape, path), safe=_PATH_SAFE)
    segments = _without_dot_segments(
        path.split("/")[1:] if path.startswith("/") else path.split("/")
    )
    if segments and segments[-1].lower() in _INDEX_PAGES:
        segments[-1] = ""
    return "/" + "/".join(segments)


def _without_dot_segments(segments: list[str]) -> list[str]:
    """RFC 3986 5.2.4: "." and ".." resolved; empty segments ("a//b") kept, they can matter."""
    out: list[str] = []
    for segment in segments:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if segments and segments[-1] in (".", ".."):
        out.append("")  # "/a/b/.." is the directory "/a/"
    return out


def _normalise_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else "%" + match.group(1).upper()


def _query(query: str) -> str:
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(key.lower())
    ]
    return urlencode(sorted(pairs), quote_via=quote)


def _is_tracking(key: str) -> bool:
    return key in _TRACKING or key.startswith(_TRACKING_PREFIXES)
