"""Posts of a forum thread, for the forum engines whose markup says where a post is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urlsplit

import lxml.etree
import lxml.html

from majlis.listening.connectors.base import FetchedItem
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.text import html_to_text, squash


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@dataclass(frozen=True)
class _Engine:
    posts: str  # XPath to every post of the page
    body: str  # relative XPath to the post's own text
    author: str
    date: str


ENGINES = (
    # schema.org microdata: Discourse, Flarum, Invision and most recent forum software.
    _Engine(
        posts="//*[contains(@itemtype, 'schema.org/Comment') "
        "or contains(@itemtype, 'schema.org/DiscussionForumPosting')]",
        body=".//*[@itemprop='text' or @itemprop='articleBody']",
        author=".//*[@itemprop='author']//*[@itemprop='name'] | .//*[@itemprop='author']",
        date=".//*[@itemprop='datePublished' or @itemprop='dateCreated']/@datetime"
        " | .//*[@itemprop='datePublished' or @itemprop='dateCreated']/@content",
    ),
    _Engine(  # XenForo
        posts=f"//article[{_has_class('message')}][@data-author]",
        body=f".//*[{_has_class('bbWrapper')}]",
        author="@data-author",
        date=".//time/@datetime",
    ),
    _Engine(  # phpBB
        posts=f"//div[{_has_class('post')}][starts-with(@id, 'p')]",
        body=f".//div[{_has_class('content')}]",
        author=f".//*[{_has_class('username')} or {_has_class('username-coloured')}]",
        date=".//time/@datetime",
    ),
    _Engine(  # vBulletin
        posts="//*[starts-with(@id, 'post_')][.//*[starts-with(@id, 'post_message_')]]",
        body=".//*[starts-with(@id, 'post_message_')]",
        author=f".//*[{_has_class('username')}]",
        date=".//time/@datetime",
    ),
)


def _first(node: Any, xpath: str) -> Any:
    found = node.xpath(xpath)
    return found[0] if found else None


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return squash(value)
    return squash(value.text_content())


def _body_text(element: Any) -> str:
    for quote in element.xpath(".//blockquote"):
        quote.drop_tree()  # a reply's own words, not the post it quotes
    return html_to_text(lxml.html.tostring(element, encoding="unicode"))


def forum_posts(html: str, page_url: str) -> list[FetchedItem]:
    """Each identifiable post as an item (page address + #post id); [] when none is found."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    title = squash(tree.findtext(".//title") or "")
    page = urldefrag(page_url)[0]
    host = urlsplit(page_url).hostname or page_url
    for engine in ENGINES:
        posts = []
        for index, node in enumerate(tree.xpath(engine.posts), start=1):
            body = _first(node, engine.body)
            text = _body_text(body) if body is not None else ""
            if not text:
                continue
            anchor = node.get("id") or node.get("data-content") or f"post-{index}"
            posts.append(
                FetchedItem(
                    url=f"{page}#{anchor}",
                    title=title,
                    text=text,
                    author=_text_of(_first(node, engine.author)),
                    published_at=published(from_iso(_text_of(_first(node, engine.date)))),
                    source_name=host,
                    lang_hint=tree.get("lang", ""),
                    fragment_names_item=True,
                )
            )
        if posts:
            return posts
    return []
