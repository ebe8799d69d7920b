"""Only Admin imports workbooks (and sees the imports made)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IZIN = ["add_impor", "view_impor"]


def beri_izin(apps, schema_editor):
    app_config = apps.get_app_config("kinerja")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    grup = Group.objects.get(name="Admin")
    for codename in IZIN:
        grup.permissions.add(Permission.objects.get(content_type__app_label="kinerja", codename=codename))


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0009_impor")]

    operations = [migrations.RunPython(beri_izin, migrations.RunPython.noop)]
