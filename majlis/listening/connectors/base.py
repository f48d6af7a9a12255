"""What every connector is: a `kind` and a `fetch` that turns a source into items.

A connector raises FetchError (with a reason) and nothing else: parse errors are wrapped with
`reading`. It never imports Django; the worker hands it plain values and stores what it returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from majlis.listening.fetch import FetchError, FetchOptions, Reason


@dataclass(frozen=True)
class FetchedItem:
    url: str
    title: str
    text: str  # plain text, never HTML
    author: str
    published_at: datetime  # aware; UTC when the source gave no zone, now when it gave no date
    source_name: str
    lang_hint: str = ""  # what the source declared (BCP 47 or ISO 639), for language ID to weigh
    # The #fragment is part of the item's identity (a forum post at thread#post-id), so it
    # stays in the stored address; otherwise it is dropped (#comments, #top).
    fragment_names_item: bool = False


@dataclass(frozen=True)
class SourceState:
    """What the worker kept from the last fetch of a source."""

    etag: str = ""
    last_modified: str = ""
    cursor: str = ""  # connector-defined: Mastodon since_id, newest Bluesky post, IMAP UID
    seen_urls: frozenset[str] = frozenset()  # web: article and post URLs already read


@dataclass(frozen=True)
class FetchOutcome:
    """New items, and what to keep for next time (store every field back on the source)."""

    items: list[FetchedItem] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    cursor: str = ""
    seen_urls: frozenset[str] = frozenset()  # web: to add to the source's seen set
    feed_url: str = ""  # feed: the feed found behind a home page, to use as the source's address
    warnings: tuple[str, ...] = ()  # parts that failed while the rest succeeded


class Connector(Protocol):
    kind: str

    def fetch(self, source_url: str, state: SourceState, options: FetchOptions) -> FetchOutcome:
        """Read what is new at `source_url` since `state`."""
        ...


@contextmanager
def reading(what: str) -> Iterator[None]:
    """Turn a parser's surprise at hostile or broken input into a FetchError with a reason."""
    try:
        yield
    except FetchError:
        raise
    except (
        ValueError,
        TypeError,
        LookupError,
        AttributeError,
        RecursionError,
        OverflowError,
    ) as exc:
        raise FetchError(Reason.PARSE_ERROR, f"{what} could not be read ({exc}).") from exc
