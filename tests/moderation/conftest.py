"""A moderated site of the Atlas workspace with its key, and a way to speak Akismet to Majlis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client

from majlis.moderation import history, keys, sites, usage
from majlis.moderation.models import Site

BLOG = "https://blog.atlas.ma"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@dataclass
class SiteWithKey:
    site: Site
    key: str


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Keys and site lessons are cached per process; database ids repeat from test to test.
    keys.cache.clear()
    history.layers.clear()
    usage.forget_pending()
    yield
    keys.cache.clear()
    history.layers.clear()


@pytest.fixture
def blog(team) -> SiteWithKey:
    site, key = sites.new_key(team.workspace, BLOG, by=team.manager)
    return SiteWithKey(site, key)


def comment(key: str, **fields: Any) -> dict[str, Any]:
    """A plausible comment-check request from the Atlas blog; fields override."""
    data = {
        "api_key": key,
        "blog": BLOG,
        "user_ip": "196.200.130.15",
        "user_agent": BROWSER,
        "referrer": f"{BLOG}/forfaits-4g/",
        "permalink": f"{BLOG}/forfaits-4g/",
        "comment_type": "comment",
        "comment_author": "Salma",
        "comment_author_email": "salma@example.ma",
        "comment_content": "Merci pour les explications, le nouveau forfait 4G marche bien à Fès.",
        "blog_lang": "fr_FR",
        "blog_charset": "UTF-8",
    }
    data.update(fields)
    return data


def akismet(client: Client, endpoint: str, data: dict[str, Any], **extra: Any) -> Any:
    """POST a form the way Akismet clients do: URL-encoded, in UTF-8."""
    body = urlencode(data)
    return client.post(
        f"/1.1/{endpoint}", body, content_type="application/x-www-form-urlencoded", **extra
    )
