from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate


class RenstraConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "renstra"
    verbose_name = "Renstra"
    pemicu_modul = "renstra.pemicu"

    def ready(self):
        pre_migrate.connect(lepas_pemicu, sender=self)
        post_migrate.connect(pasang_pemicu, sender=self)


def _pemicu(app_config):
    from importlib import import_module

    return import_module(app_config.pemicu_modul).PEMICU


def lepas_pemicu(sender, using, **kwargs):
    """Before migrating, drop this app's triggers (see renstra.pemicu)."""
    from renstra.pemicu import lepas

    lepas(_pemicu(sender), connections[using])


def pasang_pemicu(sender, using, **kwargs):
    """After migrating (and after each flush of a test database), create them again."""
    from renstra.pemicu import pasang

    pasang(_pemicu(sender), connections[using])
