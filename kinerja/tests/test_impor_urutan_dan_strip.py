"""The quarterly evaluation import keeps what the agency's workbook shows beyond the numbers:
the order it lists kegiatan and sub kegiatan in (not always their codes') and the zeros it
writes as "-" (issue 19, item 7)."""

import pytest

from kinerja import importers
from kinerja.importers.hasil import DIUBAH
from kinerja.models import Realisasi
from renstra.models import Kegiatan, Program, SubKegiatan
from renstra.tests.factories import KegiatanFactory, PerangkatDaerahFactory, ProgramFactory, RenstraFactory

from .seed_xlsx import (
    KEGIATAN_1_06_04_2_01,
    KEGIATAN_1_06_04_2_02,
    baris_evaluasi_dua_bidang,
    baris_evaluasi_tidak_urut_kode,
    baris_matriks_renstra,
    perbaiki_evaluasi,
    perbaiki_matriks_renstra,
    tulis_xlsx,
)


@pytest.fixture
def purwakarta(db):
    return RenstraFactory(opd=PerangkatDaerahFactory(nama="Dinas Sosial Kabupaten Purwakarta"), tahun_awal=2023).opd


def impor(tmp_path, opd, baris, simpan=True, nama="evaluasi.xlsx"):
    berkas = tulis_xlsx(tmp_path / nama, {"Evaluasi": baris})
    return importers.jalankan("evaluasi-triwulan", berkas, opd=opd, tahun=2024, simpan=simpan)


def urutan(model, **saring):
    return list(model.objects.filter(**saring).order_by("urutan", "kode").values_list("kode", "urutan"))


def test_kegiatan_and_sub_kegiatan_listed_out_of_code_order_keep_the_workbooks_order(tmp_path, purwakarta):
    hasil = impor(tmp_path, purwakarta, baris_evaluasi_tidak_urut_kode())

    assert hasil.disimpan, hasil.galat
    assert urutan(Kegiatan, program__kode="1.06.04") == [("1.06.04.2.02", 1), ("1.06.04.2.01", 2)]
    assert urutan(SubKegiatan, kegiatan__kode="1.06.04.2.01") == [("1.06.04.2.01.0003", 1), ("1.06.04.2.01.0001", 2)]
    # a single sub kegiatan, and programmes in code order, need no urutan
    assert urutan(SubKegiatan, kegiatan__kode="1.06.04.2.02") == [("1.06.04.2.02.0014", 0)]


def test_importing_the_same_workbook_again_changes_no_order(tmp_path, purwakarta):
    assert impor(tmp_path, purwakarta, baris_evaluasi_tidak_urut_kode()).disimpan

    kedua = impor(tmp_path, purwakarta, baris_evaluasi_tidak_urut_kode(), simpan=False, nama="lagi.xlsx")

    assert kedua.sah and not kedua.ada_perubahan


def test_a_workbook_in_code_order_leaves_nodes_entered_by_code_untouched(tmp_path, purwakarta):
    hasil = impor(tmp_path, purwakarta, perbaiki_evaluasi(baris_evaluasi_dua_bidang()))

    assert hasil.disimpan, hasil.galat
    assert not Kegiatan.objects.exclude(urutan=0).exists()  # its kegiatan are in code order
    # seed 000 lines 24-36 list the sub kegiatan of 1.06.04.2.01 as 0001, 0003, 0006, 0008, 0010, 0002, …
    dibaca = [k for k, _ in urutan(SubKegiatan, kegiatan__kode="1.06.04.2.01")]
    assert dibaca == [f"1.06.04.2.01.{n:04d}" for n in (1, 3, 6, 8, 10, 2, 11, 4, 5, 7, 9, 12)]
    assert urutan(SubKegiatan, kegiatan__kode="1.06.02.2.03") == [(f"1.06.02.2.03.000{n}", 0) for n in (1, 2, 3, 4)]


def test_an_order_differing_from_the_stored_one_is_a_change_in_the_preview(tmp_path, purwakarta):
    program = ProgramFactory(renstra=purwakarta.renstra.get(), kode="1.06.04", uraian="PROGRAM REHABILITASI SOSIAL")
    KegiatanFactory(program=program, kode="1.06.04.2.01", uraian=KEGIATAN_1_06_04_2_01)
    KegiatanFactory(program=program, kode="1.06.04.2.02", uraian=KEGIATAN_1_06_04_2_02)

    pratinjau = impor(tmp_path, purwakarta, baris_evaluasi_tidak_urut_kode(), simpan=False)

    diubah = pratinjau.rincian["Kegiatan"][DIUBAH]
    assert sorted(tuple(m) for d in diubah for m in d["medan"]) == [("Urutan", "0", "1"), ("Urutan", "0", "2")]
    assert urutan(Kegiatan, program=program) == [("1.06.04.2.01", 0), ("1.06.04.2.02", 0)]  # nothing stored yet


def test_a_realisation_written_dash_is_remembered_as_written(tmp_path, purwakarta):
    hasil = impor(tmp_path, purwakarta, perbaiki_evaluasi(baris_evaluasi_dua_bidang()))
    assert hasil.disimpan, hasil.galat

    def tw(kode):
        return list(
            Realisasi.objects.filter(indikator__sub_kegiatan__kode=kode, tahun=2024)
            .order_by("triwulan")
            .values_list("triwulan", "nilai", "tertulis_strip")
        )

    # seed 000 line 14: "-", "-", 15, "-"
    assert tw("1.06.02.2.03.0002") == [(1, 0, True), (2, 0, True), (3, 15, False), (4, 0, True)]
    # line 86: "-", "-", "-", then a 0 written as "0"
    assert tw("1.06.05.2.01.01") == [(1, 0, True), (2, 0, True), (3, 0, True), (4, 0, False)]


def test_the_seed_renstra_matrix_listed_by_code_sets_no_order(tmp_path, db):
    opd = PerangkatDaerahFactory()
    berkas = tulis_xlsx(tmp_path / "matriks.xlsx", {"Renstra": perbaiki_matriks_renstra(baris_matriks_renstra())})

    hasil = importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True)

    assert hasil.disimpan, hasil.galat
    assert SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).count() > 0
    for model in (Program, Kegiatan, SubKegiatan):
        assert not model.objects.exclude(urutan=0).exists(), model
