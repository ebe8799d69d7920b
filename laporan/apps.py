from django.apps import AppConfig


class LaporanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        from . import checks  # noqa: F401  (registers the PDF check)
