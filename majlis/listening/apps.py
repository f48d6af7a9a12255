from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "majlis.listening"
    label = "listening"
    verbose_name = _("Listening")

    def ready(self) -> None:
        from majlis.listening import scheduling  # noqa: F401  (the fetch job and its schedule)
