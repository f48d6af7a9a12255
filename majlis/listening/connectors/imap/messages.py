"""E-mails to items: one per message, or one per article for a Google Alert."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from email.message import EmailMessage
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_email, published
from majlis.listening.connectors.links import unwrap_google_redirect, web_url
from majlis.listening.connectors.text import html_to_text, squash

_GOOGLE = re.compile(r"(^|\.)google\.[a-z.]{2,6}$")
_PLAIN_LINK = re.compile(r"<?(https?://[^\s<>]+)>?")


def _is_google(url: str) -> bool:
    return bool(_GOOGLE.search(urlsplit(url).hostname or ""))


class _AlertResults(HTMLParser):
    """Anchors that go through google.com/url to an article start a result; the text after
    it is its snippet, up to the next link. Google's own links (share, feedback) are skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.results: dict[str, tuple[list[str], list[str]]] = {}  # url -> (title, snippet)
        self._current = ""
        self._in_link = ""  # "result", "other" or ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        href = dict(attrs).get("href") or ""
        target = unwrap_google_redirect(href)
        if target != href and web_url(target) and not _is_google(target):
            self._current, self._in_link = target, "result"
            self.results.setdefault(target, ([], []))
        else:
            # Share, feedback and settings links close a result: what follows is not its text.
            self._current, self._in_link = "", "other"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_link = ""

    def handle_data(self, data: str) -> None:
        if not self._current or self._in_link == "other":
            return
        title, snippet = self.results[self._current]
        (title if self._in_link == "result" else snippet).append(data)


def _alert_results(html: str) -> list[tuple[str, str, str]]:
    parser = _AlertResults()
    parser.feed(html)
    parser.close()
    return [
        (url, _one_line(title), _one_line(snippet))
        for url, (title, snippet) in parser.results.items()
    ]


def _one_line(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _article_link(line: str) -> str:
    match = _PLAIN_LINK.fullmatch(line)
    target = unwrap_google_redirect(match.group(1)) if match else ""
    return target if match and target != match.group(1) and not _is_google(target) else ""


def _plain_results(text: str) -> list[tuple[str, str, str]]:
    """Google Alerts in text/plain: one paragraph per article, its title on the first line
    and its google.com/url link on a line of its own."""
    results = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        links = [link for line in lines if (link := _article_link(line))]
        words = [line for line in lines if not _article_link(line)]
        if links and words:
            results.append((links[0], words[0], " ".join(words[1:])))
    return results


def _bodies(message: EmailMessage) -> tuple[str, str]:
    found = []
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        found.append(str(part.get_content()) if isinstance(part, EmailMessage) else "")
    return found[0], found[1]


def _is_google_alert(message: EmailMessage) -> bool:
    sender = str(message.get("from", "")).lower()
    return "googlealerts-noreply@google.com" in sender


def _author(message: EmailMessage) -> str:
    # A contact form sends from itself and puts the person in Reply-To.
    sender = message.get("reply-to") or message.get("from")
    addresses = getattr(sender, "addresses", ())
    if addresses:
        return str(addresses[0].display_name or addresses[0].addr_spec)
    return squash(str(sender or ""))


def message_items(raw: bytes, *, source_name: str, fallback_url: str) -> list[FetchedItem]:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    subject = squash(str(message.get("subject", "")))
    date = from_email(str(message.get("date", "")))
    plain, html = _bodies(message)
    if _is_google_alert(message):
        results = _alert_results(html) if html else _plain_results(plain)
        if results:
            return [_alert_item(url, title, snippet, date) for url, title, snippet in results]
    message_id = str(message.get("message-id", "")).strip().strip("<>")
    text = squash(plain) or html_to_text(html) or subject
    return [
        FetchedItem(
            # RFC 2392: a mid: URL names one message wherever it is stored.
            url=f"mid:{quote(message_id, safe='@!$&()*+,;=-._~')}" if message_id else fallback_url,
            title=subject,
            text=text,
            author=_author(message),
            published_at=published(date),
            source_name=source_name,
            lang_hint=str(message.get("content-language", "")).split(",")[0].strip(),
        )
    ]


def _alert_item(url: str, title: str, snippet: str, date: datetime | None) -> FetchedItem:
    return FetchedItem(
        url=url,
        title=title,
        text=snippet or title,
        author="",
        published_at=published(date),
        source_name="Google Alerts",
    )
