from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language

from majlis.api import api
from majlis.core.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("", include("majlis.moderation.protocol_urls")),
    path("", include("majlis.publishing.public_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("majlis.core.urls")),
    path("", include("majlis.listening.urls")),
    path("", include("majlis.insights.urls")),
    path("", include("majlis.moderation.urls")),
    path("", include("majlis.publishing.urls")),
    prefix_default_language=True,
)
