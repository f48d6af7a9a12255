"""Pages of the moderation queue, under the language prefixes."""

from django.urls import URLPattern, path

from majlis.moderation.views import queue, reporters, sites

urlpatterns: list[URLPattern] = [
    path("w/<slug:slug>/moderation/", queue.queue, name="moderation_queue"),
    path("w/<slug:slug>/moderation/act/", queue.act, name="moderation_act"),
    path("w/<slug:slug>/moderation/sites/", sites.site_list, name="moderation_sites"),
    path("w/<slug:slug>/moderation/sites/<int:site_id>/", sites.site_edit, name="moderation_site"),
    path(
        "w/<slug:slug>/moderation/keys/<int:key_id>/revoke/",
        sites.key_revoke,
        name="moderation_key_revoke",
    ),
    path("w/<slug:slug>/moderation/settings/", sites.settings_edit, name="moderation_settings"),
    path(
        "w/<slug:slug>/moderation/reporters/", reporters.reporter_list, name="moderation_reporters"
    ),
]
