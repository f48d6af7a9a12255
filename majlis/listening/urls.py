from django.urls import path

from majlis.listening.views import queries, sources, stream

urlpatterns = [
    path("w/<slug:slug>/mentions/", stream.mention_stream, name="mentions"),
    path("w/<slug:slug>/mentions/<int:mention_id>/", stream.mention_update, name="mention_update"),
    path("w/<slug:slug>/queries/", queries.query_list, name="queries"),
    path("w/<slug:slug>/queries/new/", queries.query_edit, name="query_new"),
    path("w/<slug:slug>/queries/check/", queries.query_check, name="query_check"),
    path("w/<slug:slug>/queries/test/", queries.query_test, name="query_test"),
    path("w/<slug:slug>/queries/<int:query_id>/", queries.query_edit, name="query_edit"),
    path("w/<slug:slug>/queries/<int:query_id>/delete/", queries.query_delete, name="query_delete"),
    path("w/<slug:slug>/sources/", sources.source_list, name="sources"),
    path(
        "w/<slug:slug>/sources/<int:source_id>/toggle/", sources.source_toggle, name="source_toggle"
    ),
    path("w/<slug:slug>/sources/<int:source_id>/fetch/", sources.source_fetch, name="source_fetch"),
    path(
        "w/<slug:slug>/sources/<int:source_id>/credentials/",
        sources.source_credentials,
        name="source_credentials",
    ),
    path(
        "w/<slug:slug>/sources/<int:source_id>/delete/", sources.source_delete, name="source_delete"
    ),
]
