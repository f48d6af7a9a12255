"""Pages of the moderation queue, under the language prefixes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
