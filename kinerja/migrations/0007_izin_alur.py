"""Who may decide on a submitted quarter: Verifikator and Admin verify or return it; only Admin
reopens one that was submitted or verified."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IZIN = {
    "Verifikator": ["verifikasi_pelaporan"],
    "Admin": ["verifikasi_pelaporan", "buka_kembali_pelaporan"],
}


def beri_izin(apps, schema_editor):
    app_config = apps.get_app_config("kinerja")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nama, izin in IZIN.items():
        grup = Group.objects.get(name=nama)
        for codename in izin:
            grup.permissions.add(Permission.objects.get(content_type__app_label="kinerja", codename=codename))


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0006_versi_dan_batas_waktu")]

    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
