"""Full-text search over stored items: SQLite FTS5 in the embedded profile, PostgreSQL's own
full-text search when scaled out. User text never reaches either engine's query syntax raw."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import QuerySet

from majlis.listening.models import Mention
from majlis.text.tokens import words

MAX_TERMS = 12


def search_terms(text: str) -> list[str]:
    """The words of a search box, as the matcher splits them; operators are not honoured."""
    return words(text)[:MAX_TERMS]


def search_mentions(mentions: QuerySet[Mention], text: str) -> QuerySet[Mention]:
    terms = search_terms(text)
    if not terms:
        return mentions
    if connection.vendor == "postgresql":
        vector = SearchVector("item__title", "item__text", config="simple")
        query = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        return mentions.annotate(search=vector).filter(search=query)
    # Each term quoted: FTS5 then reads it as a string, never as syntax.
    match = " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)
    return mentions.extra(
        where=[
            "listening_mention.item_id IN "
            "(SELECT rowid FROM listening_item_fts WHERE listening_item_fts MATCH %s)"
        ],
        params=[match],
    )
