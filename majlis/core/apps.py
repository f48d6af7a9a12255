from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "majlis.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from majlis.core import job_handlers  # noqa: F401  (registers the core's job kinds)
