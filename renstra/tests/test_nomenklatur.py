"""The shipped nomenclature of urusan 1.06, 2.08 and 2.14 and the warnings checked against it."""

import csv
import doctest
import re
from pathlib import Path

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


def test_a_plan_over_several_years_is_right_when_a_version_in_force_in_one_of_them_fits():
    from renstra.nomenklatur import periksa_dalam_periode

    # A name of Permendagri 90 changed by nothing later fits every year; an unknown program fits none
    # and is reported against the latest version that can tell.
    assert periksa_dalam_periode("program", "1.06.04", "Program Rehabilitasi Sosial", range(2021, 2027)) == []
    assert periksa_dalam_periode("program", "1.06.09", "", range(2021, 2027)) == [
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
    # Sub kegiatan of Kepmendagri 050-5889/2021 are shipped in part only: an unknown code is not reported.
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


def test_four_digit_sub_kegiatan_of_kepmendagri_050_5889_have_their_official_names():
    assert cari("1.06.02.2.03.0001", 2023).uraian == (
        "Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota"
    )
    assert cari("1.06.05.2.02.0002", 2022).versi == "kepmendagri-050-5889-2021"
    assert cari("2.08.02.2.01.0001", 2023).uraian == "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG"
    assert cari("X.XX.01.2.02.0001", 2023).uraian == "Penyediaan Gaji dan Tunjangan ASN"
    assert cari("1.06.01.2.02.0001", 2023).uraian == "Penyediaan Gaji dan Tunjangan ASN"


def test_a_two_digit_code_of_permendagri_90_resolves_in_both_versions_and_names_the_version_in_force():
    assert cari("1.06.04.2.01.01", 2021).versi == "permendagri-90-2019"
    assert cari("1.06.04.2.01.01", 2023).versi == "kepmendagri-050-5889-2021"
    assert periksa("sub_kegiatan", "1.06.04.2.01.01", "Penyediaan Sandang", 2023) == [
        "Nama sub kegiatan 1.06.04.2.01.01 berbeda dari nomenklatur Kepmendagri 050-5889/2021: «Penyediaan Permakanan»."
    ]


def test_sub_kegiatan_added_by_a_later_version_are_unknown_before_it():
    assert cari("2.08.07.2.02.0006", 2023) is None
    assert cari("2.08.07.2.02.0006", 2024).uraian == "Koordinasi Pelaksanaan Layanan AMPK"
    assert cari("1.06.02.2.03.0016", 2025).uraian == "Pengelolaan Layanan Terpadu Kesejahteraan Sosial"


def test_the_gaps_of_permendagri_90_are_filled():
    promosi = "Promosi dan Sosialisasi Program Ketahanan dan Kesejahteraan Keluarga bagi Mitra Kerja"
    assert cari("2.14.04.2.02.04", 2020).uraian == promosi
    assert cari("2.14.03.2.04.04", 2021).uraian == "Pembinaan Terpadu Kampung KB"
    assert cari("2.08.01.2.08.01", 2020).uraian == "Penyediaan Jasa Surat Menyurat"


def test_four_digit_sub_kegiatan_of_urusan_2_14_are_shipped_with_the_version_that_confirms_them():
    # Kept from Permendagri 90 (same number and name in a 2025 source): known since 2022.
    assert cari("2.14.03.2.04.0004", 2023).uraian == "Pembinaan Terpadu Kampung KB"
    assert cari("2.14.02.2.02.0012", 2022).versi == "kepmendagri-050-5889-2021"
    assert periksa("sub_kegiatan", "2.14.03.2.04.0004", "Pembinaan Kampung KB", 2023) == [
        "Nama sub kegiatan 2.14.03.2.04.0004 berbeda dari nomenklatur Kepmendagri 050-5889/2021: "
        "«Pembinaan Terpadu Kampung KB»."
    ]
    # Renumbered "Bangga Kencana" rows are known only from 2025 on; the old KKBPK code is not shipped.
    bangga = "Pelaksanaan Rapat Pengendalian Program Bangga Kencana"
    assert cari("2.14.02.2.01.0023", 2023) is None
    assert cari("2.14.02.2.01.0023", 2025).uraian == bangga
    assert cari("2.14.02.2.01.0015", 2025) is None
    assert periksa("sub_kegiatan", "2.14.02.2.01.0001", "Penyerasian Kebijakan", 2025) == []


# Seed documents (../shared/seeds) that print codes of these urusan, with the budget year whose
# nomenclature they use. Batu Bara's Renstra 2025-2029 prints its codes in five columns.
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
DOKUMEN_SEED = {"000_8450f520366de6d4.txt": 2024, "003_f19590e1e1b92e14.txt": 2024, "002_8cbd87ef92673330.txt": 2025}
BATU_BARA = "002_8cbd87ef92673330.txt"
_KODE_SEED = re.compile(r"^(\d|X)\.(\d{2}|XX)(\.\d{2}(\.\d[.,]\d{2}(\.\d{2,4})?)?)?\.?$")
_AWALAN_SEED = re.compile(r"^(?:-\s*|(?:sub\s*\.?\s*)?kegiatan\s*:\s*)", re.I)
_LABEL_SEED = re.compile(r"^(\d+\.?\s|sub\s*kegiatan|kegiatan|program|bidang urusan)", re.I)
URUSAN_SEED = {(1, 6), (2, 8), (2, 14)}

# Names the seeds print differently from the nomenclature: typos ("Permakanaan", "Pelebagaan",
# "Debarisasi", "Pantai Sosial", "Penggabungan" for "Penganggaran"), shortened names, "Barang Cetak"
# for "Barang Cetakan", a row numbered twice (Purwakarta 1.06.06.2.01.04, psikososial is .05), and
# Batu Bara's kegiatan 2.08.03.2.03 with "Korban Kekerasan" added (a later rename not transcribed, or
# a slip). (document, line, code)
BEDA_DI_SEED = {
    ("000", 12, "1.06.02.2.03"),
    ("000", 24, "1.06.04.2.01.0001"),
    ("000", 26, "1.06.04.2.01.0006"),
    ("000", 37, "1.06.04.2.02"),
    ("000", 38, "1.06.04.2.02.11"),
    ("000", 88, "1.06.05.2.01.03"),
    ("000", 90, "1.06.05.2.02.01"),
    ("000", 95, "1.06.06.2.01"),
    ("000", 98, "1.06.06.2.01.03"),
    ("000", 100, "1.06.06.2.01.04"),
    ("000", 190, "2.08.06.2.01"),
    ("000", 191, "2.08.06.2.01.01"),
    ("003", 3519, "1.06.01.2.01"),
    ("003", 3543, "1.06.01.2.06.0005"),
    ("003", 3595, "1.06.03.2.01"),
    ("003", 3596, "1.06.03.2.01.0001"),
    ("003", 3671, "2.08.06.2.01"),
    ("003", 3672, "2.08.06.2.01.0002"),
    ("003", 3692, "2.08.07.2.03.0006"),
    ("003", 4112, "0.00.01.2.06.0005"),
    ("003", 4140, "1.06.04.2.01"),
    ("003", 4161, "2.08.02.2.01"),
    ("002", 1381, "1.06"),
    ("002", 1402, "1.06.01.2.06.0005"),
    ("002", 1404, "1.06.01.2.06.0009"),
    ("002", 1405, "1.06.01.2.07"),
    ("002", 1492, "2.08.02.2.01"),
    ("002", 1526, "2.08.03.2.03"),
    ("002", 1549, "2.08.06.2.01"),
}


def _bersih_seed(teks):
    teks = re.sub(r"<[^>]+>", "", teks).strip()
    for _ in range(2):
        teks = _AWALAN_SEED.sub("", teks).strip()
    return teks


def baris_seed():
    """(document, line, year, code, name) of every code of urusan 1.06, 2.08, 2.14 and the
    supporting programme a seed prints, in the year's nomenclature."""
    for nama, tahun in DOKUMEN_SEED.items():
        for no, line in enumerate((SEEDS / nama).read_text(encoding="utf-8").splitlines(), 1):
            f = line.split("\t")
            kode = uraian = None
            if nama == BATU_BARA and len(f) > 5 and re.fullmatch(r"\d", f[0]) and re.fullmatch(r"\d{2}", f[1]):
                kode = ".".join(x.strip() for x in f[:5] if x.strip()).replace(",", ".")
                uraian = f[5]
            else:
                for i, x in enumerate(f[:3]):
                    if _KODE_SEED.match(x.strip()):
                        kode = x.strip().rstrip(".").replace(",", ".")
                        uraian = next((y for y in f[i + 1 :] if y.strip()), "")
                        break
            if not kode:
                continue
            p = kode.split(".")
            if len(p) < 2 or p[0] == "X":
                continue
            penunjang = len(p) >= 3 and p[2] == "01"
            if (int(p[0]), int(p[1])) not in URUSAN_SEED and not (p[:2] == ["0", "00"] and penunjang):
                continue
            uraian = _bersih_seed(uraian)
            if not uraian or _LABEL_SEED.match(uraian) or "Keluaran :" in uraian:
                continue  # Belitung's second, garbled table: labels and outputs, not names
            yield nama, no, tahun, kode, uraian


@pytest.mark.skipif(not SEEDS.exists(), reason="seed documents not available")
def test_every_code_a_seed_prints_is_in_the_nomenclature_of_its_year_with_its_name():
    dilihat, berbeda, hilang = 0, set(), []
    for nama, no, tahun, kode, uraian in baris_seed():
        dilihat += 1
        entri = cari(kode, tahun)
        if entri is None:
            hilang.append((nama, no, kode, uraian))
        elif not nomenklatur.sama(uraian, entri.uraian):
            berbeda.add((nama[:3], no, kode))
    assert dilihat > 300
    assert hilang == []
    assert berbeda == BEDA_DI_SEED
