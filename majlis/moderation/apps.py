from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "majlis.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from majlis.moderation import keys, webhooks  # noqa: F401  (cache hooks, job kinds)
