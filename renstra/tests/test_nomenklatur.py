"""The shipped nomenclature of urusan 1.06, 2.08 and 2.14 and the warnings checked against it."""

import csv
import doctest

import pytest

from renstra import nomenklatur
from renstra.nomenklatur import bidang_urusan_dari, cari, periksa, urusan_dari, versi_berlaku


def test_doctests_of_the_module_pass():
    hasil = doctest.testmod(nomenklatur)
    assert hasil.failed == 0 and hasil.attempted > 5


@pytest.mark.parametrize(
    ("tahun", "nama"),
    [
        (2019, None),
        (2020, "Permendagri 90/2019"),
        (2021, "Kepmendagri 050-3708/2020"),
        (2022, "Kepmendagri 050-5889/2021"),
        (2023, "Kepmendagri 050-5889/2021"),
        (2025, "Kepmendagri 900.1.15.5-3406/2024"),
        (2027, "Kepmendagri 900.1-861/2026"),
    ],
)
def test_the_version_in_force_follows_the_year_each_took_effect(tahun, nama):
    v = versi_berlaku(tahun)
    assert (v.nama if v else None) == nama


def test_codes_of_the_three_urusan_are_found_with_their_level():
    assert cari("1.06.04.2.01.01", 2020).uraian == "Penyediaan Permakanan"
    assert cari("2.08.07", 2022).level == "program"
    assert cari("2.14.03.2.02", 2020).uraian == "Pendayagunaan Tenaga Penyuluh KB/Petugas Lapangan KB (PKB/PLKB)"


def test_the_supporting_programme_of_any_of_these_urusan_is_the_placeholder_row():
    for kode in ("1.06.01", "2.08.01", "2.14.01", "X.XX.01"):
        assert cari(kode, 2023).uraian == "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    assert cari("2.14.01.2.06", 2020).uraian == "Administrasi Umum Perangkat Daerah"


def test_heading_rows_come_from_the_program_code():
    assert urusan_dari("2.08.02").uraian == "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"
    assert urusan_dari("1.06.02").uraian == "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
    assert bidang_urusan_dari("1.06.02.2.03.0004").kode == "1.06"
    assert bidang_urusan_dari("X.XX.01") is None
    assert bidang_urusan_dari("1.02.02") is None  # kesehatan is not shipped


def test_an_unknown_program_code_names_the_version_in_force():
    assert periksa("program", "1.06.09", "", 2023) == [
        "Kode program 1.06.09 tidak ada dalam nomenklatur Kepmendagri 050-5889/2021 yang berlaku tahun 2023."
    ]


def test_a_name_differing_beyond_case_and_punctuation_gets_the_official_name():
    assert periksa("program", "1.06.04", "program rehabilitasi  sosial.", 2023) == []
    pesan = periksa("kegiatan", "2.08.02.2.01", "Pelebagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah", 2020)
    assert pesan == [
        "Nama kegiatan 2.08.02.2.01 berbeda dari nomenklatur Permendagri 90/2019: "
        "«Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan Kabupaten/Kota»."
    ]


def test_sub_kegiatan_codes_in_two_or_four_digits_are_the_same_code():
    assert periksa("sub_kegiatan", "1.06.04.2.01.0001", "Penyediaan Permakanan", 2020) == []
    assert periksa("sub_kegiatan", "1.06.04.2.01.01", "Penyediaan Sandang", 2020) != []


def test_a_level_not_transcribed_completely_does_not_report_missing_codes():
    # Sub kegiatan of Kepmendagri 050-5889/2021 are not shipped: nothing can be said of them.
    assert periksa("sub_kegiatan", "1.06.02.2.03.0016", "Pengelolaan Layanan Terpadu Kesejahteraan Sosial", 2023) == []
    # Versions whose changes are not transcribed check nothing but names of inherited codes.
    assert periksa("kegiatan", "1.06.02.3.05", "Pendataan Lembaga Kesejahteraan Sosial Daerah", 2025) == []


def test_placeholder_codes_and_other_urusan_are_not_checked_but_said_once():
    assert periksa("program", "X.XX.02", "Apa saja", 2023) == []
    assert periksa("program", "X.XX.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 2023) == []
    sudah = set()
    pertama = periksa("program", "1.02.02", "Program Kesehatan", 2023, sudah_diberitahu=sudah)
    kedua = periksa("kegiatan", "1.02.02.2.01", "Apa saja", 2023, sudah_diberitahu=sudah)
    assert pertama == ["Kode program 1.02.02: nomenklatur urusan 1.02 belum tersedia, kode dan nama tidak diperiksa."]
    assert kedua == []


def test_blank_codes_and_years_before_the_nomenclature_are_not_checked():
    assert periksa("program", "", "Program Pelayanan Administrasi Perkantoran", 2023) == []
    assert periksa("program", "1.06.09", "Apa saja", 2019) == []


def test_a_code_of_the_wrong_shape_for_its_level_is_reported():
    assert periksa("program", "1.06.04.2.01", "", 2023) == [
        "Kode program 1.06.04.2.01 tidak berbentuk kode program (contoh: 1.06.02)."
    ]


def _tulis(direktori, nama, baris):
    with open(direktori / nama, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for b in baris:
            w.writerow(b)


def test_a_code_removed_by_a_later_version_says_until_when_it_was_in_force(tmp_path):
    kepala = ["versi", "nama", "ditetapkan", "berlaku_mulai", "mewarisi", "lengkap", "dasar_hukum"]
    semua = "urusan bidang_urusan program kegiatan sub_kegiatan"
    lama = ["lama", "Versi Lama", "2019-10-18", "2020", "", semua, "x"]
    baru = ["baru", "Versi Baru", "2021-12-27", "2022", semua, semua, "y"]
    _tulis(tmp_path, "versi.csv", [kepala, lama, baru])
    program = ["lama", "2020", "1.06.07", "PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN"]
    bidang = ["lama", "2020", "1.06", "SOSIAL"]
    _tulis(tmp_path, "lama.csv", [["versi", "berlaku_mulai", "kode", "uraian"], bidang, program])
    hapus = ["baru", "2022", "1.06.07", "", "hapus"]
    _tulis(tmp_path, "baru.csv", [["versi", "berlaku_mulai", "kode", "uraian", "perubahan"], hapus])
    data = nomenklatur.muat(tmp_path)
    assert periksa("program", "1.06.07", "", 2021, data=data) == []
    assert periksa("program", "1.06.07", "", 2023, data=data) == [
        "Kode program 1.06.07 berasal dari nomenklatur Versi Lama yang berlaku sampai tahun 2021; "
        "tahun 2023 berlaku Versi Baru."
    ]
