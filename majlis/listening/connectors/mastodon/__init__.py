"""The Mastodon connector: public hashtag timelines and accounts, over the REST API, no key.

Follows https://docs.joinmastodon.org/methods/timelines/ (GET /api/v1/timelines/tag/:hashtag)
and /methods/accounts/ (GET /api/v1/accounts/lookup, GET /api/v1/accounts/:id/statuses).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from majlis.listening.connectors.base import FetchedItem, FetchOutcome, SourceState, reading
from majlis.listening.connectors.dates import from_iso, published
from majlis.listening.connectors.jsonapi import call, error_text
from majlis.listening.connectors.links import web_url
from majlis.listening.connectors.mastodon.targets import Target, parse_target
from majlis.listening.connectors.text import html_to_text
from majlis.listening.fetch import FetchError, FetchOptions, Reason

__all__ = ["MastodonConnector", "Target", "parse_target", "status_item"]

PAGE_SIZE = 40  # the most the API returns per page


def _id_order(status_id: str) -> tuple[int, str]:
    # Mastodon ids are numbers in strings, longer is newer; compare them as such.
    return len(status_id), status_id


def status_item(status: dict[str, Any], instance_host: str) -> FetchedItem | None:
    """A status as an item; a boost stands for the post it boosts."""
    reblog = status.get("reblog")
    original: dict[str, Any] = reblog if isinstance(reblog, dict) else status
    url = web_url(str(original.get("url") or "")) or web_url(str(original.get("uri") or ""))
    text = html_to_text(str(original.get("content") or ""))
    warning = html_to_text(str(original.get("spoiler_text") or ""))
    if not url or not (text or warning):
        return None
    found = original.get("account")
    account: dict[str, Any] = found if isinstance(found, dict) else {}
    name, acct = str(account.get("display_name") or ""), str(account.get("acct") or "")
    return FetchedItem(
        url=url,
        title="",
        text=f"{warning}\n\n{text}".strip() if warning else text,
        author=f"{name} (@{acct})" if name and acct else name or (f"@{acct}" if acct else ""),
        published_at=published(from_iso(original.get("created_at"))),
        source_name=instance_host,
        lang_hint=str(original.get("language") or ""),
    )


class MastodonConnector:
    kind = "mastodon"

    def __init__(self, max_pages: int = 5) -> None:
        self.max_pages = max_pages

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        target = parse_target(source_url)
        host = urlsplit(target.instance).netloc
        if target.kind == "tag":
            endpoint = f"{target.instance}/api/v1/timelines/tag/{quote(target.name, safe='')}"
        else:
            endpoint = (
                f"{target.instance}/api/v1/accounts/{self._account_id(target, options)}/statuses"
            )
        with reading(f"The timeline of {source_url}"):
            statuses = self._statuses(endpoint, state.cursor, options)
            items = [item for status in statuses if (item := status_item(status, host))]
        ids = [str(status["id"]) for status in statuses]
        cursor = max([*ids, state.cursor], key=_id_order) if ids else state.cursor
        return FetchOutcome(items, cursor=cursor)

    def _get(self, url: str, options: FetchOptions, what: str) -> Any:
        status, document = call(options, url)
        host = urlsplit(url).netloc
        if status in (401, 403, 422):
            raise FetchError(
                Reason.AUTH_FAILED,
                f"{host} only shows {what} to signed-in users ({error_text(document) or status}).",
                status=status,
            )
        if status == 404:
            raise FetchError(Reason.HTTP_ERROR, f"{host} has no {what}.", status=status)
        if status >= 400:
            raise FetchError(
                Reason.HTTP_ERROR,
                f"{host} answered {status} for {what} ({error_text(document) or 'no detail'}).",
                status=status,
            )
        return document

    def _account_id(self, target: Target, options: FetchOptions) -> str:
        lookup = f"{target.instance}/api/v1/accounts/lookup?{urlencode({'acct': target.name})}"
        account = self._get(lookup, options, f"account @{target.name}")
        if not isinstance(account, dict) or not isinstance(account.get("id"), str):
            raise FetchError(
                Reason.PARSE_ERROR, f"The account @{target.name} came back unreadable."
            )
        return quote(account["id"], safe="")

    def _statuses(
        self, endpoint: str, since_id: str, options: FetchOptions
    ) -> list[dict[str, Any]]:
        """Statuses newer than `since_id`, paging back with max_id to close the gap; the first
        run (no since_id) takes one page only."""
        collected: list[dict[str, Any]] = []
        max_id = ""
        for _ in range(self.max_pages):
            query = {"limit": str(PAGE_SIZE)}
            query |= {"since_id": since_id} if since_id else {}
            query |= {"max_id": max_id} if max_id else {}
            page = self._get(f"{endpoint}?{urlencode(query)}", options, "this timeline")
            if not isinstance(page, list):
                raise FetchError(Reason.PARSE_ERROR, f"{endpoint} did not answer a list of posts.")
            statuses = [s for s in page if isinstance(s, dict) and isinstance(s.get("id"), str)]
            collected.extend(statuses)
            if not since_id or len(page) < PAGE_SIZE or not statuses:
                break
            max_id = min((str(s["id"]) for s in statuses), key=_id_order)
        return collected
