"""Short links and the published-posts feed, outside the language prefixes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
