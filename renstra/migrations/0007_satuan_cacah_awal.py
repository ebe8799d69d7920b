"""The count units found in the seed documents and the demo (shared/seeds 000–003,
fixtures/*.json): things counted one by one, whose realisations are whole numbers. Durations
(Bulan, Tahun), percentages, indices, ratios, scores and levels are not counts. The Admin role
keeps the list ("Satuan cacah" in the admin); Operator and Verifikator read it. The roles are the
groups of kinerja's migration 0003."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SATUAN_CACAH = [
    # people and households
    "Orang",
    "Jiwa",
    "Orang/Jiwa",  # seed 000, DTKS
    "Anak",
    "Keluarga",
    "KK",  # seed 000, KPM PKH
    "PSKS",
    # institutions and places
    "Lembaga",
    "Organisasi",
    "Perangkat Daerah",
    "PD",
    "Kampung",  # seed 000, Kampung Siaga Bencana
    "Makam",
    # documents and events
    "Dokumen",
    "Laporan",
    "Kebijakan",
    "Usulan",
    "Sertifikat",
    "Kegiatan",
    "Kali",
    "Layanan",
    # goods
    "Unit",
    "Paket",
    "Jenis",
]


def _kunci(satuan):
    return "".join(satuan.split()).casefold()


IZIN = {
    "Admin": ["add_satuancacah", "change_satuancacah", "delete_satuancacah", "view_satuancacah"],
    "Operator": ["view_satuancacah"],
    "Verifikator": ["view_satuancacah"],
}


def isi(apps, schema_editor):
    SatuanCacah = apps.get_model("renstra", "SatuanCacah")
    for nama in SATUAN_CACAH:
        SatuanCacah.objects.get_or_create(kunci=_kunci(nama), defaults={"nama": nama})
    app_config = apps.get_app_config("renstra")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for peran, izin in IZIN.items():
        grup = Group.objects.filter(name=peran).first()
        if grup is not None:
            grup.permissions.add(*Permission.objects.filter(content_type__app_label="renstra", codename__in=izin))


class Migration(migrations.Migration):
    dependencies = [
        ("renstra", "0006_satuan_cacah_dan_boleh_pecahan"),
        ("kinerja", "0003_peran"),
    ]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
