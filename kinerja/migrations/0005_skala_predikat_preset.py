"""The five predikat scales of DESIGN.md, as data an admin can edit; and who may do what with
scales. A frozen copy of rules.PRESET; kinerja/tests/test_predikat.py holds the two equal."""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

# kode, nama, dasar, [(label, bawah, atas, bawah_inklusif, atas_inklusif, warna)] from the top band down
SKALA = [
    (
        "permendagri_86_2017",
        "Permendagri 86/2017 (evaluasi Renja/RKPD)",
        "Permendagri Nomor 86 Tahun 2017, Lampiran: kriteria tingkat capaian kinerja",
        [
            ("Sangat Tinggi", "90", None, False, False, "#166534"),
            ("Tinggi", "75", "90", False, True, "#15803d"),
            ("Sedang", "65", "75", False, True, "#a16207"),
            ("Rendah", "50", "65", False, True, "#c2410c"),
            ("Sangat Rendah", None, "50", True, True, "#b91c1c"),
        ],
    ),
    (
        "permendagri_54_2010",
        "Permendagri 54/2010 (kategori capaian LKjIP)",
        "Permendagri Nomor 54 Tahun 2010, dipakai dalam LKjIP",
        [
            ("Sangat baik", "90", None, True, False, "#166534"),
            ("Baik", "75", "90", True, False, "#15803d"),
            ("Cukup", "65", "75", True, False, "#a16207"),
            ("Kurang", "50", "65", True, False, "#c2410c"),
            ("Sangat kurang", None, "50", True, False, "#b91c1c"),
        ],
    ),
    (
        "status_capaian",
        "Status capaian",
        "Predikat capaian kinerja (LKjIP): < 100, = 100, > 100",
        [
            ("Melebihi target", "100", None, False, False, "#1d4ed8"),
            ("Tercapai", "100", "100", True, True, "#166534"),
            ("Tidak tercapai", None, "100", True, False, "#b91c1c"),
        ],
    ),
    (
        "efektivitas_anggaran",
        "Efektivitas anggaran",
        "Kepmendagri Nomor 690.900.327 Tahun 1996",
        [
            ("Sangat Efektif", "100", None, False, False, "#166534"),
            ("Efektif", "90", "100", True, True, "#15803d"),
            ("Cukup Efektif", "80", "90", True, False, "#a16207"),
            ("Kurang Efektif", "60", "80", True, False, "#c2410c"),
            ("Tidak Efektif", None, "60", True, False, "#b91c1c"),
        ],
    ),
    (
        "efisiensi_anggaran",
        "Efisiensi anggaran",
        "Mahsun (2009), Pengukuran Kinerja Sektor Publik",
        [
            ("Tidak Efisien", "100", None, False, False, "#b91c1c"),
            ("Kurang Efisien", "90", "100", True, True, "#c2410c"),
            ("Cukup Efisien", "80", "90", True, False, "#a16207"),
            ("Efisien", "60", "80", True, False, "#15803d"),
            ("Sangat Efisien", None, "60", True, False, "#166534"),
        ],
    ),
]

IZIN = {
    "Admin": ["add", "change", "delete", "view"],
    "Verifikator": ["view"],
    "Operator": ["view"],
}


def isi(apps, schema_editor):
    SkalaPredikat = apps.get_model("kinerja", "SkalaPredikat")
    RentangPredikat = apps.get_model("kinerja", "RentangPredikat")
    for kode, nama, dasar, rentang in SKALA:
        skala, dibuat = SkalaPredikat.objects.get_or_create(kode=kode, defaults={"nama": nama, "dasar": dasar})
        if not dibuat:
            continue
        for urutan, (label, bawah, atas, bawah_inklusif, atas_inklusif, warna) in enumerate(rentang, start=1):
            RentangPredikat.objects.create(
                skala=skala,
                urutan=urutan,
                label=label,
                batas_bawah=None if bawah is None else Decimal(bawah),
                batas_atas=None if atas is None else Decimal(atas),
                bawah_inklusif=bawah_inklusif,
                atas_inklusif=atas_inklusif,
                warna=warna,
            )

    app_config = apps.get_app_config("kinerja")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for nama_grup, aksi in IZIN.items():
        grup = Group.objects.get(name=nama_grup)
        for model in ("skalapredikat", "rentangpredikat"):
            for a in aksi:
                grup.permissions.add(Permission.objects.get(content_type__app_label="kinerja", codename=f"{a}_{model}"))


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0004_skala_predikat"), ("kinerja", "0003_peran")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
