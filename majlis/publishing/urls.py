"""Pages of the composer and calendar, under the language prefixes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
