"""Find the links in a comment and say what kind of host each one points to."""

from __future__ import annotations

import html
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex

# Hosts that hide where a link goes. A commenter has no need of them on a brand's page.
SHORTENERS: frozenset[str] = frozenset(
    {
        "bit.ly", "bitly.com", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "is.gd", "v.gd",
        "buff.ly", "cutt.ly", "rb.gy", "shorturl.at", "tiny.cc", "rebrand.ly", "s.id", "t.ly",
        "bl.ink", "shorte.st", "adf.ly", "lnkd.in", "soo.gd", "clck.ru", "qps.ru", "u.to",
        "x.co", "mcaf.ee", "su.pr", "tr.im", "cli.re", "linktr.ee", "tiny.one", "shorturl.ly",
        "snip.ly", "urlz.fr", "lstu.fr", "bit.do", "db.tt", "po.st", "hyperurl.co", "kutt.it",
        "short.gy", "cutt.us", "gg.gg", "1url.com", "zpr.io", "tinu.be", "wa.link", "ln.run",
    }
)  # fmt: skip

# Top-level domains that abuse reports (Spamhaus, Interisle) rank far above the rest, and the
# ones named after the very trades that comment spam sells.
SUSPICIOUS_TLDS: frozenset[str] = frozenset(
    {
        "xyz", "top", "click", "loan", "win", "bet", "casino", "poker", "icu", "buzz", "work",
        "tk", "ml", "ga", "cf", "gq", "pw", "vip", "fun", "monster", "rest", "cam", "mom",
        "sbs", "cfd", "lol", "quest", "bid", "racing", "review", "download", "stream", "date",
        "party", "trade", "webcam", "men", "kim", "country", "science", "cricket", "accountant",
        "faith", "gdn", "zip", "mov", "porn", "sex", "sexy", "adult", "xxx", "su", "best",
        "beauty", "hair", "makeup", "skin", "boats", "autos", "yachts", "homes", "motorcycles",
    }
)  # fmt: skip

# Hosts whose very name advertises the trades of comment spam ("casino-maroc.bet", "1xbet.com").
_SPAM_HOST_WORDS = frozenset(
    {
        "bet", "bets", "slot", "slots", "pills", "sex", "xxx", "escort", "escorts", "loan",
        "loans", "pharma", "casino", "casinos", "poker", "porn", "viagra", "cialis", "kazino",
    }
)  # fmt: skip
_SPAM_HOST_PARTS = ("casino", "viagra", "cialis", "porn", "poker", "betting", "pharmacy", "xbet")
_HOST_SPLIT = regex.compile(r"[^a-z]+")

# Bare domains ("murdev.com", "gana-bet.ma") count as links only with a TLD from this list, so
# "e.g." or "fichier.txt" in a comment are not mistaken for links.
_BARE_TLDS = (
    "com|net|org|info|biz|io|tv|cc|ly|gl|gd|ru|su|uk|fr|ma|tn|dz|eg|sa|ae|qa|nl|pl|br|au|ch|"
    "eu|xyz|top|click|bet|casino|online|site|shop|store|live|vip|win|fun|pw|tk|ml|ga|cf|gq|"
    "club|link|pro|app|ws"
)  # not "de", "es", "me", "to", "ca"...: "merci.ca va" is French, not a link

_URL = regex.compile(
    r"""
    (?:https?://|www\.)[^\s<>"'`{}|\\^\[\]]+
    | (?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:"""
    + _BARE_TLDS
    + r""")\b(?![.@-]?\w)(?:/[^\s<>"'`]*)?
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
_HREF = regex.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", regex.IGNORECASE)
_BBCODE_URL = regex.compile(r"\[url(?:=[^\]]*)?\]", regex.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?)]}>»”’'\""
# Arabic in a URL travels as UTF-8 bytes D8xx..DBxx, percent-encoded.
_PERCENT_ARABIC = regex.compile(r"(?:%D[89AB]%[89AB][0-9A-F]){3,}", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    host: str  # lower-case, without "www." and without port; "" when unparsable

    @property
    def tld(self) -> str:
        return self.host.rsplit(".", 1)[-1] if "." in self.host else ""

    @property
    def domain(self) -> str:
        """The last two labels: what a person registered (close enough for ranking hosts)."""
        return ".".join(self.host.split(".")[-2:])

    @property
    def is_shortener(self) -> bool:
        return self.host in SHORTENERS

    @property
    def has_suspicious_tld(self) -> bool:
        return self.tld in SUSPICIOUS_TLDS

    @property
    def is_ip_address(self) -> bool:
        try:
            ipaddress.ip_address(self.host.strip("[]"))
        except ValueError:
            return False
        return True

    @property
    def is_spammy_host(self) -> bool:
        words = set(_HOST_SPLIT.split(self.host))
        return bool(words & _SPAM_HOST_WORDS) or any(p in self.host for p in _SPAM_HOST_PARTS)

    @property
    def has_percent_encoded_arabic(self) -> bool:
        return _PERCENT_ARABIC.search(self.url) is not None


def host_of(url: str) -> str:
    candidate = url if "://" in url else "http://" + url
    try:
        host = urlsplit(candidate).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


def find_links(text: str) -> list[Link]:
    """Every link in `text`, whether written out, in an `href` or in BBCode, in order."""
    found: list[str] = [next(g for g in m.groups() if g is not None) for m in _HREF.finditer(text)]
    found += [m.group().rstrip(_TRAILING_PUNCT) for m in _URL.finditer(html.unescape(text))]
    seen: set[str] = set()
    links: list[Link] = []
    for url in found:
        url = html.unescape(url).strip()
        if url and url not in seen and not url.lower().startswith(("mailto:", "#")):
            seen.add(url)
            links.append(Link(url, host_of(url)))
    return links


def has_bbcode_link(text: str) -> bool:
    return _BBCODE_URL.search(text) is not None


def looks_like_url(text: str) -> bool:
    """True when `text` (an author name, say) holds a link or a bare domain."""
    return _URL.search(text) is not None
