"""Targets and budgets only for years inside their Renstra's period, enforced by the database."""

from django.db import migrations

from renstra.pemicu import pemicu_periode, pemicu_tahun


class Migration(migrations.Migration):
    dependencies = [("renstra", "0002_data_awal")]

    operations = [
        pemicu_tahun("target_tahun_dalam_periode", "renstra_target", "indikator"),
        pemicu_tahun("pagu_tahun_dalam_periode", "renstra_pagu", "sub_kegiatan"),
        pemicu_periode(
            "renstra_periode_mencakup_target_pagu",
            [("renstra_target", "indikator"), ("renstra_pagu", "sub_kegiatan")],
        ),
    ]
