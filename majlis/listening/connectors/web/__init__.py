"""The web connector: a page watched for new articles, a sitemap, or a forum thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from majlis.listening.connectors.base import FetchedItem, FetchOutcome, SourceState, reading
from majlis.listening.connectors.dates import published
from majlis.listening.connectors.web.article import extract_article
from majlis.listening.connectors.web.forum import forum_posts
from majlis.listening.connectors.web.links import article_links
from majlis.listening.connectors.web.sitemap import is_sitemap, sitemap_pages, sitemap_urls
from majlis.listening.fetch import FetchError, FetchOptions, FetchResponse, Reason

__all__ = ["WebConnector", "article_links", "extract_article", "forum_posts", "sitemap_urls"]

PAGE_ACCEPT = "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.5"
# Worth another try on the next run; any other failure marks the article as seen.
_TRANSIENT = frozenset(
    {Reason.TIMEOUT, Reason.CONNECTION_FAILED, Reason.RATE_LIMITED, Reason.HOST_BUSY}
)


def _transient(error: FetchError) -> bool:
    return error.reason in _TRANSIENT or (error.status or 0) >= 500


class WebConnector:
    kind = "web"

    def __init__(self, max_articles: int = 10, max_sitemap_urls: int = 5000) -> None:
        self.max_articles = max_articles
        self.max_sitemap_urls = max_sitemap_urls

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        page = options.fetch(
            source_url, etag=state.etag, last_modified=state.last_modified, accept=PAGE_ACCEPT
        )
        if page.not_modified:
            return FetchOutcome(etag=page.etag, last_modified=page.last_modified, not_modified=True)
        with reading(f"The page at {page.url_final}"):
            items, seen, warnings = self._read(page, state, options)
        return FetchOutcome(
            items,
            etag=page.etag,
            last_modified=page.last_modified,
            seen_urls=frozenset(seen),
            warnings=tuple(warnings),
        )

    def _read(
        self, page: FetchResponse, state: SourceState, options: FetchOptions
    ) -> tuple[list[FetchedItem], list[str], list[str]]:
        dates: dict[str, datetime | None] = {}
        if is_sitemap(page):
            dates = sitemap_pages(page, options, max_urls=self.max_sitemap_urls)
            candidates = list(dates)
        else:
            posts = forum_posts(page.text, page.url_final)
            if len(posts) >= 2:
                new_posts = [post for post in posts if post.url not in state.seen_urls]
                return new_posts, [post.url for post in new_posts], []
            candidates = article_links(page.text, page.url_final)
            if not candidates:
                return self._page_itself(page, state)
        fresh = [url for url in candidates if url not in state.seen_urls][: self.max_articles]
        return self._articles(fresh, options, dates)

    def _page_itself(
        self, page: FetchResponse, state: SourceState
    ) -> tuple[list[FetchedItem], list[str], list[str]]:
        if page.url_final in state.seen_urls:
            return [], [], []
        item = extract_article(page)
        return ([item] if item else []), [page.url_final], []

    def _articles(
        self, urls: list[str], options: FetchOptions, dates: dict[str, datetime | None]
    ) -> tuple[list[FetchedItem], list[str], list[str]]:
        """Each article at `urls`; a news sitemap's publication date (`dates`) wins over the
        page's, which often gives the day alone."""
        items: list[FetchedItem] = []
        seen: list[str] = []
        warnings: list[str] = []
        for url in urls:
            try:
                with reading(f"The article at {url}"):
                    item = extract_article(options.fetch(url, accept=PAGE_ACCEPT))
            except FetchError as error:
                warnings.append(f"{url}: {error.message}")
                if not _transient(error):
                    seen.append(url)
                continue
            seen.append(url)
            if item is not None:
                when = dates.get(url)
                items.append(replace(item, published_at=published(when)) if when else item)
        return items, seen, warnings
