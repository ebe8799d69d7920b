"""Who writes the LKjIP's narrative: Operators of their own agency and Admin (the agency scope is
a rule, kinerja.izin); Verifikator reads it. Every role reads its history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IZIN = {
    "Operator": ["add_narasilaporan", "change_narasilaporan", "view_narasilaporan", "view_historicalnarasilaporan"],
    "Verifikator": ["view_narasilaporan", "view_historicalnarasilaporan"],
    "Admin": [
        "add_narasilaporan",
        "change_narasilaporan",
        "delete_narasilaporan",
        "view_narasilaporan",
        "view_historicalnarasilaporan",
    ],
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
    dependencies = [("kinerja", "0011_narasi_laporan")]

    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
