"""Who fetches a short link to draw a preview or to index it, rather than to follow it.

When a post goes out, every network fetches its links to build a card, each Mastodon server
on its own; chat apps do it again whenever the post is shared; search engines crawl. They
still get the redirect (a card needs the page behind the link), but only a person is a click.
"""

from __future__ import annotations

# Parts of the User-Agent header, compared in lower case, and where each comes from. Names
# that also contain "bot" are listed anyway, so this list says who was meant.
MARKERS = (
    # Facebook and Instagram's link previews, and Meta's other fetchers, as documented in
    # Meta's "Web crawlers" page ("meta-externalagent/1.1", "meta-externalfetcher/1.1").
    "facebookexternalhit",
    "facebot",
    "meta-external",
    # X's cards: "Twitterbot/1.0" (X developer docs, "Cards troubleshooting").
    "twitterbot",
    # LinkedIn's previews and Post Inspector: "LinkedInBot/1.0 (compatible; Mozilla/5.0; …)".
    "linkedinbot",
    # Slack unfurls: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)".
    "slackbot",
    # Discord embeds: "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)".
    "discordbot",
    # Telegram's link previews: "TelegramBot (like TwitterBot)".
    "telegrambot",
    # WhatsApp's previews: "WhatsApp/2.23.20.0 A" (the app opens links in the browser).
    "whatsapp",
    # Skype and Teams: "SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com".
    "skypeuripreview",
    # Embedding services behind many previewers: "Iframely/1.3.1 (+https://iframely.com/…)",
    # "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)".
    "iframely",
    "embedly",
    # Reddit and Pinterest: "redditbot/1.0",
    # "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)".
    "redditbot",
    "pinterestbot",
    # VK's share previews: "Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)".
    "vkshare",
    # Every Mastodon server fetches the card itself; Mastodon's HTTP client sends
    # "http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/)" (app/lib/request.rb).
    "mastodon/",
    # Bluesky's card service (cardyb.bsky.app) looks like a browser but for this part:
    # "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Bluesky Cardyb/1.1;
    # +mailto:support@bsky.app) Chrome/… Safari/…" (bluesky-social/social-app issue 6521).
    "bluesky cardyb",
    # Search engines, by the names in their crawler documentation.
    "googlebot",
    "bingbot",
    "applebot",
    "yandexbot",
    "duckduckbot",
    # The words crawlers and previewers call themselves by. A browser on a phone whose model
    # name contains "bot" is missed as a click: fewer clicks is the honest error.
    "bot",
    "crawler",
    "spider",
    "preview",
)


def is_previewer(user_agent: str) -> bool:
    """True for a preview fetcher or a crawler; an empty User-Agent is never a browser."""
    lowered = user_agent.strip().lower()
    return not lowered or any(marker in lowered for marker in MARKERS)
