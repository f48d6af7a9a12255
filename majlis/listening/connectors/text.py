"""HTML fragments (feed summaries, toots, e-mails) to plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_TEXT = 100_000

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return  # <br/> is one line break, not two
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def squash(text: str) -> str:
    """Trim every line, keep at most one blank line between paragraphs."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    joined = "\n".join(lines).strip()
    return _BLANK_LINES.sub("\n\n", joined)[:MAX_TEXT]


def html_to_text(html: str) -> str:
    if "<" not in html and "&" not in html:
        return squash(html)
    parser = _Text()
    parser.feed(html)
    parser.close()
    return squash("".join(parser.parts))
