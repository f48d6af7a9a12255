from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "majlis.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        # Registers the job kinds and the periodic scans (due posts, engagement, tokens).
        from majlis.publishing import (  # noqa: F401
            accounts,
            delivery,
            engagement,
            notifications,
        )
