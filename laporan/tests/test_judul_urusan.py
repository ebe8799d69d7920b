"""Urusan and bidang urusan heading rows above the programs in the Matriks Renstra and the
Evaluasi Renja, derived from the program codes with renstra.nomenklatur."""

from datetime import date

import pytest

from kinerja.tests.factories import IndikatorFactory
from laporan.builders.evaluasi_renja import build_evaluasi_renja
from laporan.builders.matriks_renstra import build_matriks_renstra
from renstra.tests.factories import (
    KegiatanFactory,
    PerangkatDaerahFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
)

pytestmark = pytest.mark.django_db

TANGGAL = date(2025, 1, 7)
URUSAN_1 = "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
URUSAN_2 = "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"


def _judul(laporan):
    """(kode, uraian) of the heading rows, in order."""
    tabel = laporan.bagian[0]
    return [(b.sel[2].nilai, b.sel[3].nilai) for b in tabel.baris if b.kunci.startswith("urusan-")]


def _urutan(laporan):
    """The codes in the Kode column of heading and program rows, in order."""
    tabel = laporan.bagian[0]
    return [b.sel[2].nilai for b in tabel.baris if b.jenis == "kelompok" and len(b.sel) > 2 and b.sel[2].nilai]


@pytest.fixture
def tiga_urusan():
    """A merged agency with programs of urusan 1.06, 2.08 and 2.14, its supporting programme and
    a program printed without a code (before 2021)."""
    renstra = RenstraFactory(opd=PerangkatDaerahFactory(), tahun_awal=2024, tahun_akhir=2026)
    sasaran = SasaranFactory(tujuan=TujuanFactory(renstra=renstra, kode="1"), kode="1.1")
    program = [
        ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
        ("1.06.04", "PROGRAM REHABILITASI SOSIAL"),
        ("2.08.02", "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN"),
        ("2.14.03", "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)"),
        ("", "Program Pelayanan Administrasi Perkantoran"),
    ]
    for kode, uraian in program:
        p = ProgramFactory(renstra=renstra, sasaran=sasaran, kode=kode, uraian=uraian)
        kg = KegiatanFactory(program=p, kode=f"{kode}.2.01" if kode else "", uraian=f"Kegiatan {uraian}")
        s = SubKegiatanFactory(kegiatan=kg, kode=f"{kode}.2.01.0001" if kode else "", uraian=f"Sub {uraian}")
        i = IndikatorFactory(sub_kegiatan=s, uraian=f"Indikator {uraian}", satuan="Orang")
        TargetFactory(indikator=i, tahun=2024, nilai=10)
    return renstra.opd


@pytest.mark.parametrize("build", [build_evaluasi_renja, build_matriks_renstra])
def test_three_urusan_give_two_urusan_and_three_bidang_urusan_headings(tiga_urusan, build):
    laporan = build(tiga_urusan, 2024, tanggal=TANGGAL)
    assert _judul(laporan) == [
        ("1", URUSAN_1),
        ("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL"),
        ("2", URUSAN_2),
        ("2.08", "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"),
        ("2.14", "URUSAN PEMERINTAHAN BIDANG PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA"),
    ]


@pytest.mark.parametrize("build", [build_evaluasi_renja, build_matriks_renstra])
def test_each_heading_stands_right_above_the_first_program_of_its_bidang_urusan(tiga_urusan, build):
    urutan = _urutan(build(tiga_urusan, 2024, tanggal=TANGGAL))
    program = [k for k in urutan if k.count(".") == 2]
    assert urutan[urutan.index("1") : urutan.index("1") + 3] == ["1", "1.06", "1.06.01"]
    assert urutan[urutan.index("2.08") + 1] == "2.08.02"
    assert urutan[urutan.index("2.14") + 1] == "2.14.03"
    assert program == ["1.06.01", "1.06.04", "2.08.02", "2.14.03"]


def test_heading_rows_are_bold_group_rows_spanning_the_table(tiga_urusan):
    tabel = build_evaluasi_renja(tiga_urusan, 2024, tanggal=TANGGAL).bagian[0]
    baris = next(b for b in tabel.baris if b.kunci == "urusan-1.06")
    assert baris.tebal
    assert sum(s.kolom for s in baris.sel) == len(tabel.kolom)


def test_a_program_without_a_code_gets_no_heading_of_its_own(tiga_urusan):
    tabel = build_evaluasi_renja(tiga_urusan, 2024, tanggal=TANGGAL).bagian[0]
    kunci = [b.kunci for b in tabel.baris]
    tanpa_kode = next(
        i for i, b in enumerate(tabel.baris) if b.sel[3].nilai == "Program Pelayanan Administrasi Perkantoran"
    )
    assert not kunci[tanpa_kode - 1].startswith("urusan-")
    assert len([k for k in kunci if k.startswith("urusan-")]) == 5


def test_the_belitung_evaluasi_renja_prints_the_headings_of_its_two_urusan(demo):
    judul = _judul(build_evaluasi_renja(demo, 2024, tanggal=TANGGAL))
    assert ("1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL") in judul
    assert ("2.08", "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK") in judul
    assert ("1", URUSAN_1) in judul
