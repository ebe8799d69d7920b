from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db.models.signals import post_migrate, pre_migrate

from renstra.apps import lepas_pemicu, pasang_pemicu


class KinerjaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = "Kinerja"
    pemicu_modul = "kinerja.pemicu"

    def ready(self):
        # Connect the log-in audit receivers, the removal of deleted evidence files and the
        # handling of import jobs that failed; register the object permissions.
        from django.conf import settings

        from . import audit, berkas, izin, rules  # noqa: F401
        from .importers import tugas  # noqa: F401

        # Written percentages follow KINERJA_PEMBULATAN, read once and again whenever the setting
        # changes (tests override it); a region's overview writes tens of thousands of them.
        terbaca = {}

        def pembulatan():
            if "aturan" not in terbaca:
                aturan = getattr(settings, "KINERJA_PEMBULATAN", rules.SETENGAH_KE_ATAS)
                if pesan := rules.periksa_pembulatan(aturan):
                    raise ImproperlyConfigured(pesan)
                terbaca["aturan"] = aturan
            return terbaca["aturan"]

        def lupakan(setting, **kwargs):
            if setting == "KINERJA_PEMBULATAN":
                terbaca.clear()

        setting_changed.connect(lupakan, weak=False, dispatch_uid="kinerja_pembulatan")
        rules.atur_pembulatan(pembulatan)

        pre_migrate.connect(lepas_pemicu, sender=self)
        post_migrate.connect(pasang_pemicu, sender=self)
        post_migrate.connect(kosongkan_capaian_tersimpan, sender=self)


def kosongkan_capaian_tersimpan(sender, using, **kwargs):
    """After every `migrate` (which every update of the code runs), the read model of capaian
    starts empty: the rules that computed its rows may have changed with the code; readers
    compute them again (kinerja.ringkasan)."""
    from django.db import connections

    from .models import CapaianTersimpan, RingkasanTersimpan

    # Not there when migrating back before them (kinerja 0021, 0022).
    tabel = connections[using].introspection.table_names()
    for model in (CapaianTersimpan, RingkasanTersimpan):
        if model._meta.db_table in tabel:
            model.objects.using(using).all().delete()
