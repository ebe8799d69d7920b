"""The year-in-period triggers and the capaian version triggers (kinerja.ringkasan) are recreated
after every migrate, so a migration that rebuilds a table (SQLite rebuilds tables to alter them)
does not lose them."""

import pytest
from django.core.management import call_command
from django.db import connection

from renstra.tests.pemeriksa import ditolak_database

from .factories import RealisasiFactory


def _pemicu():
    if connection.vendor == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {r[0].removesuffix("_insert").removesuffix("_update").removesuffix("_delete") for r in cursor.fetchall()}


SEMUA = {
    "target_tahun_dalam_periode",
    "pagu_tahun_dalam_periode",
    "renstra_periode_mencakup_target_pagu",
    "realisasi_tahun_dalam_periode",
    "realisasi_anggaran_tahun_dalam_periode",
    "renstra_periode_mencakup_realisasi",
    "versi_capaian_realisasi",
    "versi_capaian_target",
    "versi_capaian_tingkat",
    "versi_capaian_indikator",
    "versi_capaian_program",
    "versi_capaian_kegiatan",
    "versi_capaian_sub_kegiatan",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_triggers_survive_a_migration_that_rebuilds_their_tables():
    assert _pemicu() == SEMUA
    # 0006 adds columns to kinerja_realisasi; going back and forth rebuilds the table on SQLite.
    call_command("migrate", "kinerja", "0005", verbosity=0)
    call_command("migrate", "kinerja", verbosity=0)
    assert _pemicu() == SEMUA
    baris = RealisasiFactory.build(indikator=RealisasiFactory().indikator, tahun=2030)
    ditolak_database(baris)
