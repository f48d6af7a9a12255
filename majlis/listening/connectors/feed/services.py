"""Services whose listening is a feed: YouTube channels and playlists, Reddit searches.

Google Alerts feeds need no helper: paste the alert's feed address, and the feed parser
unwraps its google.com/url links to the articles themselves.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlencode, urlsplit

_YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com"})
YOUTUBE_FEED = "https://www.youtube.com/feeds/videos.xml"


def youtube_feed_url(url: str) -> str:
    """The Atom feed of a YouTube channel (/channel/UC…, /user/NAME) or playlist (?list=…).

    A handle page (/@name) has no address-only mapping: it is returned unchanged, and the feed
    connector finds the feed link that the page itself declares.
    """
    parts = urlsplit(url.strip())
    if (parts.hostname or "").lower() not in _YOUTUBE_HOSTS:
        return url
    playlist = parse_qs(parts.query).get("list")
    if playlist:
        return f"{YOUTUBE_FEED}?playlist_id={quote(playlist[0], safe='')}"
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) >= 2 and segments[0] == "channel":
        return f"{YOUTUBE_FEED}?channel_id={quote(segments[1], safe='')}"
    if len(segments) >= 2 and segments[0] == "user":
        return f"{YOUTUBE_FEED}?user={quote(segments[1], safe='')}"
    return url


def reddit_search_feed_url(query: str, *, subreddit: str = "", sort: str = "new") -> str:
    """The RSS of a Reddit search, newest first; within one subreddit when given."""
    params = {"q": query, "sort": sort}
    if subreddit:
        params["restrict_sr"] = "on"
        return (
            f"https://www.reddit.com/r/{quote(subreddit, safe='')}/search.rss?{urlencode(params)}"
        )
    return f"https://www.reddit.com/search.rss?{urlencode(params)}"
