"""The Akismet protocol and the public reporting endpoints, outside the language prefixes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
