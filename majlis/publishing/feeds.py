"""The RSS 2.0 and Atom 1.0 documents of a feed account's published posts."""

from __future__ import annotations

from django.conf import settings
from django.utils import feedgenerator

from majlis.publishing.models import NetworkAccount, Variant, VariantState

ENTRIES = 50


def build(
    account: NetworkAccount, atom: bool = True
) -> feedgenerator.Atom1Feed | feedgenerator.Rss201rev2Feed:
    kind: type[feedgenerator.Atom1Feed | feedgenerator.Rss201rev2Feed]
    kind = feedgenerator.Atom1Feed if atom else feedgenerator.Rss201rev2Feed
    document = kind(
        title=account.name,
        link=account.base_url,
        description=account.workspace.brand or account.workspace.name,
        feed_url=f"{account.base_url}/{'atom' if atom else 'rss'}.xml",
        language=settings.LANGUAGE_CODE,
    )
    published = (
        Variant.objects.filter(account=account, state=VariantState.PUBLISHED)
        .select_related("post")
        .order_by("-published_at")[:ENTRIES]
    )
    for variant in published:
        text = variant.sent_text or variant.effective_text
        document.add_item(
            title=text.strip().split("\n", 1)[0][:100],
            link=variant.url,
            description=text,
            unique_id=variant.url,
            pubdate=variant.published_at,
            updateddate=variant.published_at,
        )
    return document
