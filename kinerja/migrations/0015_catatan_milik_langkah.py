"""A note belongs to the step that wrote it (issue 17): submissions stored before that rule keep a
return note after being submitted again, and a reopening's reason behind "Dibuka kembali oleh
admin: ". Both are put right; the notes stay in the history of the steps that wrote them."""

from django.db import migrations

AWALAN_BUKA = "Dibuka kembali oleh admin: "


def bersihkan(apps, schema_editor):
    Pelaporan = apps.get_model("kinerja", "Pelaporan")
    for p in Pelaporan.objects.filter(status="draft", catatan__startswith=AWALAN_BUKA):
        p.catatan = p.catatan.removeprefix(AWALAN_BUKA)
        p.save(update_fields=["catatan"])
    Pelaporan.objects.filter(status="diajukan").exclude(catatan="").update(catatan="")


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0014_impor_tanpa_perubahan_dan_diperiksa_pada")]

    operations = [migrations.RunPython(bersihkan, migrations.RunPython.noop)]
