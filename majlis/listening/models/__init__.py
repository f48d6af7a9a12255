from majlis.listening.models.mention import Item, Mention, Sentiment
from majlis.listening.models.query import Query, QueryGroup
from majlis.listening.models.source import Source, SourceKind

__all__ = ["Item", "Mention", "Query", "QueryGroup", "Sentiment", "Source", "SourceKind"]
