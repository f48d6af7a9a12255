"""Links in a post: UTM parameters per network, and Majlis's own short links.

The short code is derived from the post and the target, so the composer's preview shows the
very address that will be published, and publishing twice creates the link once.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings

from majlis.core.models import Workspace
from majlis.publishing.models import Post, ShortLink
from majlis.publishing.rules.urls import find_urls

CODE_LENGTH = 8
_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def with_utm(url: str, network: str, campaign: str) -> str:
    """`url` with utm_source (the network), utm_medium=social and utm_campaign, unless set."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {name for name, _value in query}
    wanted = [("utm_source", network), ("utm_medium", "social"), ("utm_campaign", campaign)]
    query += [(name, value) for name, value in wanted if name not in present]
    return urlunsplit(parts._replace(query=urlencode(query)))


def short_code(post_id: int | None, target: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{post_id}:{target}".encode(), hashlib.sha256
    ).digest()
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    return "".join(chars)


def short_url(code: str) -> str:
    return f"{settings.SITE_URL}/l/{code}"


def rewrite(
    text: str,
    network: str,
    campaign: str = "",
    shorten: bool = False,
    post: Post | None = None,
    create: bool = False,
) -> str:
    """The text with each web address tagged and, if asked, shortened.

    With `create`, the short links are stored (at publishing time); without, the text only
    shows the addresses they will have (in the preview).
    """
    if not campaign and not shorten:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in find_urls(text, scheme_required=True):
        url = text[start:end]
        if not is_web_address(url):
            continue
        target = with_utm(url, network, campaign) if campaign else url
        if shorten:
            code = short_code(post.pk if post else None, target)
            if create and post is not None:
                _store(post.workspace, post, network, code, target)
            target = short_url(code)
        pieces += [text[position:start], target]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _store(workspace: Workspace, post: Post, network: str, code: str, target: str) -> None:
    ShortLink.objects.get_or_create(
        code=code,
        defaults={"workspace": workspace, "post": post, "network": network, "target": target},
    )
