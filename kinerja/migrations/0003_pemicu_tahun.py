"""Realisations only for years inside their Renstra's period, enforced by the database."""

from django.db import migrations

from renstra.pemicu import pemicu_periode, pemicu_tahun


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0002_initial"), ("renstra", "0003_pemicu_tahun")]

    operations = [
        pemicu_tahun("realisasi_tahun_dalam_periode", "kinerja_realisasi", "indikator"),
        pemicu_tahun("realisasi_anggaran_tahun_dalam_periode", "kinerja_realisasianggaran", "sub_kegiatan"),
        pemicu_periode(
            "renstra_periode_mencakup_realisasi",
            [("kinerja_realisasi", "indikator"), ("kinerja_realisasianggaran", "sub_kegiatan")],
        ),
    ]
