from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListeningConfig(AppConfig):
    name = "majlis.listening"
    label = "listening"
    verbose_name = _("Listening")

    def ready(self) -> None:
        # Importing registers the jobs: the fetch and its schedule, a query's backfill.
        from majlis.listening import backfill, scheduling  # noqa: F401

        _use_locally_trained_models()


def _use_locally_trained_models() -> None:
    """Models retrained with `majlis train` (into the data dir) replace the shipped ones."""
    from pathlib import Path

    from django.conf import settings

    from majlis.text.langid import set_default_detector
    from majlis.text.sentiment import set_default_model

    models = Path(settings.DATA_DIR) / "models"
    if (models / "sentiment.npz").exists():
        set_default_model(models / "sentiment.npz")
    if (models / "langid.npz").exists():
        set_default_detector(models / "langid.npz")
