from django.urls import path

from majlis.insights.views import alerts, channels, dashboard, playbooks

app_name = "insights"

urlpatterns = [
    path("w/<slug:slug>/insights/", dashboard.insights_dashboard, name="dashboard"),
    path("w/<slug:slug>/insights/alerts/", alerts.alert_list, name="alerts"),
    path("w/<slug:slug>/insights/alerts/<int:alert_id>/", alerts.alert_detail, name="alert"),
    path(
        "w/<slug:slug>/insights/alerts/<int:alert_id>/assign/",
        alerts.alert_assign,
        name="alert_assign",
    ),
    path(
        "w/<slug:slug>/insights/alerts/<int:alert_id>/acknowledge/",
        alerts.alert_acknowledge,
        name="alert_acknowledge",
    ),
    path(
        "w/<slug:slug>/insights/alerts/<int:alert_id>/close/",
        alerts.alert_close,
        name="alert_close",
    ),
    path("w/<slug:slug>/insights/playbooks/", playbooks.playbook_list, name="playbooks"),
    path(
        "w/<slug:slug>/insights/playbooks/<str:severity>/",
        playbooks.playbook_edit,
        name="playbook_edit",
    ),
    path("w/<slug:slug>/insights/channels/", channels.channel_list, name="channels"),
    path(
        "w/<slug:slug>/insights/channels/<int:channel_id>/remove/",
        channels.channel_remove,
        name="channel_remove",
    ),
]
