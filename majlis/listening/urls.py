from django.urls import path

from majlis.listening.views import stream

urlpatterns = [
    path("w/<slug:slug>/mentions/", stream.mention_stream, name="mentions"),
]
