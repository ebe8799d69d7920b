"""Matriks Renstra import: a program or kegiatan row whose targets stand on its own row while its
indicator is written on the row under it (issue 19, item 6): the targets are that indicator's, as
the document reads them; a row whose targets have no indicator at all is still said, not stored."""

import pytest
from openpyxl import Workbook

from kinerja import importers
from renstra.models import Indikator, Target
from renstra.tests.factories import PerangkatDaerahFactory

pytestmark = pytest.mark.django_db

KEPALA = [
    ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "2025", None, "2026", None],
    [None, None, None, None, "Target", "Rp", "Target", "Rp"],
]
TIDAK_DIIMPOR = "Target baris ini tidak diimpor: indikatornya kosong."
SUB = ["1.06.02.2.01.0001", "Pemberian layanan", "Jumlah orang", "Orang", "10", "5.000.000", "12", "6.000.000"]


def _buku(path, baris):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 4.1"
    for isi in [*KEPALA, *baris]:
        ws.append(list(isi))
    wb.save(path)
    return path


def _target(**pemilik):
    ind = Indikator.objects.get(**pemilik)
    return ind, {t.tahun: t.nilai for t in Target.objects.filter(indikator=ind)}


def _impor(tmp_path, baris):
    opd = PerangkatDaerahFactory()
    hasil = importers.jalankan("matriks-renstra", _buku(tmp_path / "m.xlsx", baris), opd=opd, tahun=2025, simpan=True)
    assert hasil.sah, hasil.galat
    return hasil


def test_targets_on_a_program_row_go_to_the_indicator_written_on_the_row_under_it(tmp_path):
    hasil = _impor(
        tmp_path,
        [
            ["1.06.02", "Program Rehabilitasi Sosial", None, "%", "50", None, "55"],
            [None, None, "Persentase PMKS yang memperoleh bantuan"],
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "Jumlah orang", "Orang", "10", None, "12"],
            SUB,
        ],
    )

    ind, target = _target(program__kode="1.06.02")
    assert (ind.uraian, ind.satuan, target) == ("Persentase PMKS yang memperoleh bantuan", "%", {2025: 50, 2026: 55})
    assert not any("tidak diimpor" in m.pesan for m in hasil.peringatan)
    assert any("Target baris 3 (tanpa indikator)" in m.pesan and "baris 4" in m.pesan for m in hasil.peringatan)


def test_indicator_row_under_a_kegiatan_with_its_own_unit_takes_the_kegiatan_row_targets(tmp_path):
    _impor(
        tmp_path,
        [
            ["1.06.02", "Program Rehabilitasi Sosial", "Persentase", "%", "50", None, "55"],
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", None, None, "103", None, "103"],
            [None, None, "Jumlah lembaga yang dibina", "Lembaga"],
            SUB,
        ],
    )

    ind, target = _target(kegiatan__kode="1.06.02.2.01")
    assert (ind.uraian, ind.satuan, target) == ("Jumlah lembaga yang dibina", "Lembaga", {2025: 103, 2026: 103})


def test_indicator_row_under_with_its_own_targets_keeps_them_and_the_row_above_is_said(tmp_path):
    hasil = _impor(
        tmp_path,
        [
            ["1.06.02", "Program Rehabilitasi Sosial", None, "%", "50", None, "55"],
            [None, None, "Persentase PMKS", "%", "60", None, "65"],
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "Jumlah orang", "Orang", "10", None, "12"],
            SUB,
        ],
    )

    _, target = _target(program__kode="1.06.02")
    assert target == {2025: 60, 2026: 65}
    assert [m.baris for m in hasil.peringatan if m.pesan == TIDAK_DIIMPOR] == [3]


def test_targets_without_any_indicator_are_still_not_imported_and_said(tmp_path):
    hasil = _impor(
        tmp_path,
        [
            ["1.06.02", "Program Rehabilitasi Sosial", None, "%", "36", None, "140"],
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "Jumlah orang", "Orang", "10", None, "12"],
            SUB,
        ],
    )

    assert not Indikator.objects.filter(program__kode="1.06.02").exists()
    assert [m.baris for m in hasil.peringatan if m.pesan == TIDAK_DIIMPOR] == [3]
