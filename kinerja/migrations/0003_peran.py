"""The three roles of DESIGN.md as groups with their model permissions.

Which agency's rows a user may touch is decided per object by the views (scoped querysets);
these permissions say what kind of thing each role may do at all:
- Operator: reads the plan, enters realisations, financial realisations and evidence, submits.
- Verifikator: reads every agency, verifies or returns a submission; changes no number.
- Admin: manages master data, the Renstra hierarchy, targets, budgets and users of every agency.
Every role may read the audit history.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RENSTRA = [
    "perangkatdaerah",
    "bidang",
    "renstra",
    "tujuan",
    "sasaran",
    "program",
    "kegiatan",
    "subkegiatan",
    "indikator",
    "target",
    "pagu",
    "sumberdana",
    "skalatingkat",
    "tingkat",
]
KINERJA = ["realisasi", "realisasianggaran", "datadukung", "pelaporan"]
RIWAYAT = {
    "renstra": ["historicalindikator", "historicaltarget", "historicalpagu"],
    "kinerja": ["historicalrealisasi", "historicalrealisasianggaran", "historicalpelaporan"],
}
SEMUA = ("add", "change", "delete", "view")


def _izin(aksi, app, models):
    return [(app, f"{a}_{m}") for m in models for a in aksi]


def _riwayat():
    return [(app, f"view_{m}") for app, models in RIWAYAT.items() for m in models]


PERAN = {
    "Operator": [
        *_izin(["view"], "renstra", RENSTRA),
        *_izin(["add", "change", "view"], "kinerja", ["realisasi", "realisasianggaran"]),
        *_izin(["add", "delete", "view"], "kinerja", ["datadukung"]),
        *_izin(["change", "view"], "kinerja", ["pelaporan"]),
        *_riwayat(),
    ],
    "Verifikator": [
        ("renstra", "lihat_semua_opd"),
        *_izin(["view"], "renstra", RENSTRA),
        *_izin(["view"], "kinerja", KINERJA),
        ("kinerja", "change_pelaporan"),
        *_riwayat(),
    ],
    "Admin": [
        ("renstra", "lihat_semua_opd"),
        *_izin(SEMUA, "renstra", RENSTRA),
        *_izin(SEMUA, "kinerja", [*KINERJA, "user"]),
        *_izin(["view"], "auth", ["group"]),
        *_riwayat(),
    ],
}


def buat_peran(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to assign them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nama, izin in PERAN.items():
        grup, _ = Group.objects.get_or_create(name=nama)
        for app, codename in izin:
            grup.permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))


def hapus_peran(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=PERAN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("kinerja", "0002_initial"),
        ("renstra", "0002_data_awal"),
    ]

    operations = [migrations.RunPython(buat_peran, hapus_peran)]
