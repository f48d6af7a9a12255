from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "majlis.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        # Registers the job kinds (insights.check, insights.notify) and the scheduler's scan.
        from majlis.insights import notify, watch  # noqa: F401
