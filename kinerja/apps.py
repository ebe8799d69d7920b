from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate

from renstra.apps import lepas_pemicu, pasang_pemicu


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = "Kinerja"
    pemicu_modul = "kinerja.pemicu"

    def ready(self):
        from . import audit, izin  # noqa: F401 - connects the log-in audit receivers; registers the object permissions

        pre_migrate.connect(lepas_pemicu, sender=self)
        post_migrate.connect(pasang_pemicu, sender=self)
