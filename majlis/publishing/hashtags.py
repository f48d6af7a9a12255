"""Hashtag suggestions: the tags people use most in the workspace's recent mentions."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import regex
from django.utils import timezone

from majlis.core.models import Workspace

WINDOW = timedelta(days=30)
SAMPLE = 2000
_HASHTAG = regex.compile(r"(?<![\w#&])[#＃](?P<tag>[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)")


def suggestions(workspace: Workspace, limit: int = 10, now: datetime | None = None) -> list[str]:
    from majlis.listening.models import Mention

    since = (now or timezone.now()) - WINDOW
    texts = (
        Mention.objects.filter(workspace=workspace, published_at__gte=since, irrelevant=False)
        .order_by("-published_at")
        .values_list("item__text", flat=True)[:SAMPLE]
    )
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for text in texts:
        for match in _HASHTAG.finditer(text):
            tag = match["tag"]
            key = tag.casefold()
            counts[key] += 1
            spellings.setdefault(key, Counter())[tag] += 1
    # Shown as most people write it: #Maroc rather than #maroc when most write the former.
    return [spellings[key].most_common(1)[0][0] for key, _count in counts.most_common(limit)]
