"""The Admin role reads the reminders sent and the submissions' discussions and follow-up in the
Admin (read-only there: they are written by `manage.py pengingat` and on the review and entry pages)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IZIN = {"Admin": ["view_pengingat", "view_catatandiskusi", "view_tindaklanjut"]}


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
    dependencies = [("kinerja", "0023_diskusi_tindak_lanjut_pengingat")]

    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
