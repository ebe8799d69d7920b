"""The bulk writer of the imports (kinerja.importers.sisip): history rows naming the user and the
change reason, values stored as the file gives them, and nothing written when a row in the middle
fails (checked before the write, or refused by the database during it)."""

from decimal import Decimal

import pytest
from django.db import DatabaseError

from kinerja import importers
from kinerja.importers import sisip
from kinerja.tests.factories import admin
from renstra.models import Indikator, Pagu, SubKegiatan, Target
from renstra.tests.factories import PerangkatDaerahFactory

from .seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx
from .test_impor import jumlah_baris

pytestmark = pytest.mark.django_db


@pytest.fixture
def baris():
    return perbaiki_matriks_renstra(baris_matriks_renstra())


def test_a_bulk_import_writes_one_history_row_per_created_object_with_the_user_and_reason(tmp_path, baris):
    opd = PerangkatDaerahFactory()
    pengguna = admin()
    berkas = tulis_xlsx(tmp_path / "m.xlsx", {"M": baris})

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, user=pengguna, simpan=True)

    assert hasil.sah and hasil.disimpan
    for model in (Indikator, Target, Pagu):
        dibuat = hasil.jumlah[model._meta.verbose_name.capitalize()]["dibuat"]
        riwayat = model.history.all()
        assert dibuat > 0 and riwayat.count() == model.objects.count() == dibuat
        assert set(riwayat.values_list("history_type", "history_user", "history_change_reason").distinct()) == {
            ("+", pengguna.pk, "Impor Matriks Renstra")
        }
    # each history row holds the values of its object
    tersimpan = {t.pk: (t.indikator_id, t.tahun, t.nilai, t.jenis) for t in Target.objects.all()}
    assert {h.id: (h.indikator_id, h.tahun, h.nilai, h.jenis) for h in Target.history.all()} == tersimpan
    nilai_akip = Target.objects.get(indikator__uraian="NILAI AKIP", tahun=2025)
    assert nilai_akip.nilai == Decimal(73) and nilai_akip.triwulan is None
    assert all(p.sub_kegiatan_id and p.sumber_dana_id for p in Pagu.objects.all())
    assert not SubKegiatan.objects.filter(kegiatan=None).exists()


def test_a_second_import_of_the_same_file_writes_no_history(tmp_path, baris):
    opd = PerangkatDaerahFactory()
    berkas = tulis_xlsx(tmp_path / "m.xlsx", {"M": baris})
    importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, user=admin(), simpan=True)
    sebelum = jumlah_baris()

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, user=admin(), simpan=True)

    assert hasil.sah and hasil.total("dibuat") == hasil.total("diubah") == 0
    assert jumlah_baris() == sebelum


def test_an_invalid_row_in_the_middle_refuses_the_file_naming_it_and_writes_nothing(tmp_path, baris):
    opd = PerangkatDaerahFactory()
    nilai_akip = next(b for b in baris if "NILAI AKIP" in b)
    nilai_akip[8] = "banyak sekali"  # the 2025 target: not a number, a band or a level
    sebelum = jumlah_baris()

    hasil = importers.jalankan(
        "matriks-renstra", tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=opd, tahun=2025, simpan=True
    )

    assert not hasil.sah and not hasil.disimpan
    nomor = baris.index(nilai_akip) + 1
    assert [(m.baris, m.pesan) for m in hasil.galat] == [
        (nomor, 'Target 2025 "banyak sekali" bukan angka, rentang, atau tingkatan indikator ini.')
    ]
    assert jumlah_baris() == sebelum


def test_a_write_refused_by_the_database_half_way_leaves_nothing_written(tmp_path, baris, monkeypatch):
    opd = PerangkatDaerahFactory()
    asli = sisip._sisip

    def tolak_pagu(tabel, *args, **kwargs):
        if tabel == Pagu._meta.db_table:  # after the indicators and targets are inserted
            raise DatabaseError("ditolak untuk uji")
        return asli(tabel, *args, **kwargs)

    monkeypatch.setattr(sisip, "_sisip", tolak_pagu)
    sebelum = jumlah_baris()

    hasil = importers.jalankan(
        "matriks-renstra", tulis_xlsx(tmp_path / "m.xlsx", {"M": baris}), opd=opd, tahun=2025, simpan=True
    )

    assert not hasil.disimpan
    assert [m.pesan for m in hasil.galat] == ["Database menolak impor ini, tidak ada yang disimpan: ditolak untuk uji"]
    assert jumlah_baris() == sebelum
