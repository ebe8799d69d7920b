"""Issue 18, Done when: a new agency of the shape of the unseen document (merged Dinas of three
urusan written before 2021 without codes, six-year Renstra 2016–2021, annual indicators, kegiatan
budgets from APBD and DAK on one line, the next year's programs in the new nomenclature) is loaded
by `manage.py impor renstra` alone (kinerja/tests/test_impor_renstra_lengkap.py holds the
workbook), and its LKjIP, Evaluasi Renja and PK print the workbook's values."""

import pytest

from kinerja.tests.test_impor_renstra_lengkap import (
    ANGGARAN_2020,
    ANGGARAN_INDUK_2020,
    I_PMKS,
    KODE,
    P1,
    P2,
    REALISASI_2020,
    ada_angka,
    buku,
    impor,
    nilai_laporan,
)
from laporan.builders.evaluasi_renja import build_evaluasi_renja
from laporan.builders.lkjip import build_lkjip
from laporan.builders.perjanjian_kinerja import build_perjanjian_kinerja
from renstra.models import PerangkatDaerah

pytestmark = pytest.mark.django_db


@pytest.fixture
def dimuat(tmp_path):
    keluaran = impor(buku(tmp_path))
    assert "Disimpan." in keluaran, keluaran
    return PerangkatDaerah.objects.get(kode=KODE)


def test_lkjip_of_2020_prints_the_workbooks_capaian_and_budget(dimuat):
    nilai = nilai_laporan(build_lkjip(dimuat, 2020))
    assert ada_angka(nilai, "68.60") and ada_angka(nilai, 70)  # PMKS realisasi and PK target
    assert ada_angka(nilai, 98)  # capaian 68,60 / 70
    assert ada_angka(nilai, "71.91")  # rasio 3,20 / 4,45 (negative)
    assert ada_angka(nilai, ANGGARAN_INDUK_2020, 0)
    assert ada_angka(nilai, ANGGARAN_2020, 0) and ada_angka(nilai, REALISASI_2020, 0)


def test_evaluasi_renja_of_2020_prints_targets_realisations_and_budgets(dimuat):
    nilai = nilai_laporan(build_evaluasi_renja(dimuat, 2020))
    assert ada_angka(nilai, 1200) and ada_angka(nilai, 1150)  # program indicator P1
    assert ada_angka(nilai, 205_000_000, 0)  # K1: APBD-P 145.000.000 + DAK 60.000.000
    assert ada_angka(nilai, 198_250_000, 0)  # its realisation from both sources
    teks = " ".join(v for v in nilai if isinstance(v, str))
    assert P1 in teks or P1.upper() in teks


def test_pk_of_2021_lists_the_new_nomenclature_and_its_targets(dimuat):
    nilai = nilai_laporan(build_perjanjian_kinerja(dimuat, 2021))
    teks = " ".join(v for v in nilai if isinstance(v, str))
    assert I_PMKS in teks and ada_angka(nilai, 72) and ada_angka(nilai, 3)
    assert "Rehabilitasi Sosial" in teks  # the PK prints a program's name without the word "Program"
    assert ada_angka(nilai, 200_000_000 + 75_000_000 + 90_000_000, 0)
    assert "Bupati Contoh" in teks


def test_pk_of_2021_leaves_out_the_programs_no_longer_in_force(dimuat):
    """Needs the reports to list only the programs in force in a year (another part of issue 18)."""
    teks = " ".join(v for v in nilai_laporan(build_perjanjian_kinerja(dimuat, 2021)) if isinstance(v, str))
    assert P1.removeprefix("Program ") not in teks and P2.removeprefix("Program ") not in teks
