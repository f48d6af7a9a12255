"""Short links, the images networks fetch, and the published-posts feed: outside the
language prefixes, open to the world."""

from django.urls import path

from majlis.publishing.views import public

urlpatterns = [
    path("l/<str:code>", public.short_link, name="publishing_short_link"),
    path("m/<str:token>", public.media_file, name="publishing_media"),
    path("feeds/<str:token>/atom.xml", public.feed, {"kind": "atom"}, name="publishing_feed_atom"),
    path("feeds/<str:token>/rss.xml", public.feed, {"kind": "rss"}, name="publishing_feed_rss"),
    path("feeds/<str:token>/posts/<str:key>/", public.feed_entry, name="publishing_feed_entry"),
]
