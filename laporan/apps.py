from django.apps import AppConfig


class LaporanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        # Register the PDF check; connect the handling of print jobs that failed, and the print
        # ahead of a verified quarter's reports.
        from . import cetak, cetak_dimuka, checks  # noqa: F401
