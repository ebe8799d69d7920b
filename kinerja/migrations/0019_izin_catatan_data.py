"""Who sees and resolves data notes: Admin resolves them (accept the computed value, data
corrected, printed value wrong); Verifikator and Operator read them. Every role reads their history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IZIN = {
    "Operator": ["view_catatandata", "view_historicalcatatandata"],
    "Verifikator": ["view_catatandata", "view_historicalcatatandata"],
    "Admin": ["change_catatandata", "view_catatandata", "view_historicalcatatandata"],
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
    dependencies = [("kinerja", "0018_catatan_data")]

    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
