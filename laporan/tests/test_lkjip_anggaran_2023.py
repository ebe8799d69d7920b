"""The 2023 columns of the Belitung LKjIP 2024's financial accountability tables (seed 003, Tabel
3.42–3.45): the demo holds the 2023 budget of Tabel 3.43 on the sub kegiatan of the Renstra
2019–2023, and the LKjIP reads it as the year before's.

Every figure below is as printed in the seed. Where the seed prints a slip, the slip and the
value Kinerja shows are both spelled out (the fixture keeps each slip as an open data note). One
difference is not a slip: the 2023 totals count Rp 2.398.358.400 (realisation 2.193.152.400) in
Program Penunjang whose sub kegiatan the document does not list; the demo makes none up, so every
total that includes that program is short by that amount."""

from datetime import date
from pathlib import Path

import pytest

from kinerja import rules
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Tabel
from laporan.templatetags.laporan_tampil import tulis_sel

from .test_lkjip import KODE_3_43

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

SEED_3_43 = Path(__file__).parent / "seeds" / "003_tabel_3_43.txt"


@pytest.fixture(scope="module")
def lkjip(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024, tanggal=date(2025, 3, 4))


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _isi(baris):
    return [tulis_sel(s) for s in baris.sel]


def _baris(laporan, kunci_tabel, kunci_baris):
    return _isi(next(b for b in _tabel(laporan, kunci_tabel).baris if b.kunci == kunci_baris))


def _per_tujuan(laporan, kunci):
    return {
        "Jumlah" if b.jenis == "jumlah" else _isi(b)[1].split("\n")[0]: _isi(b) for b in _tabel(laporan, kunci).baris
    }


# ---------------------------------------------------------------------------------------------
# Tabel 3.42
# ---------------------------------------------------------------------------------------------


def test_tabel_3_42_belanja_tidak_langsung_2023_as_printed(lkjip):
    # Seed: 4.710.920.863 / 4.511.881.503 / 95,77 (Penyediaan Gaji dan Tunjangan ASN).
    assert _baris(lkjip, "komposisi-belanja", "tidak_langsung")[2:5] == ["4.710.920.863", "4.511.881.503", "95,77%"]


def test_tabel_3_42_belanja_langsung_2023_lacks_the_unlisted_part_of_program_penunjang(lkjip):
    # Printed 6.211.900.438 / 5.434.148.995 / 87,48 and Jumlah 10.922.821.301 / 9.946.030.498 / 91,06:
    # each 2.398.358.400 (realisation 2.193.152.400) more than the sub kegiatan the seed lists.
    assert _baris(lkjip, "komposisi-belanja", "langsung")[2:5] == ["3.813.542.038", "3.240.996.595", "84,99%"]
    assert 6_211_900_438 - 3_813_542_038 == 10_922_821_301 - 8_524_462_901 == 2_398_358_400
    assert 5_434_148_995 - 3_240_996_595 == 9_946_030_498 - 7_752_878_098 == 2_193_152_400
    # The Jumlah label spans the two first columns.
    assert _baris(lkjip, "komposisi-belanja", "jumlah")[1:4] == ["8.524.462.901", "7.752.878.098", "90,95%"]


# ---------------------------------------------------------------------------------------------
# Tabel 3.43, cell by cell
# ---------------------------------------------------------------------------------------------

# The 2023 cells the seed prints otherwise than Kinerja shows: (row, column: 0 induk, 1 perubahan,
# 2 realisasi, 3 %) → (printed, shown). A row without a code is named by its printed label.
SLIP_2023 = {
    # Program Penunjang: the sub kegiatan listed add up to 5.261.209.746 / 5.470.936.332 / 5.173.462.643;
    # the row (and T O T A L) also counts 2.398.358.400 of sub kegiatan not listed.
    ("1.06.01", 0): ("7.659.568.146", "5.261.209.746"),
    ("1.06.01", 1): ("5.500.191.063", "5.470.936.332"),
    ("1.06.01", 2): ("7.336.615.043", "5.173.462.643"),
    ("1.06.01", 3): ("93,61", "94,56%"),
    # 3.000.000 + 1.696.400 (each sub kegiatan as printed, 78,28% as printed).
    ("1.06.01.2.01", 2): ("4.696.818", "4.696.400"),
    # 4.591.184.888 + 2.999.818.
    ("1.06.01.2.02", 0): ("4.594.184.888", "4.594.184.706"),
    # 4.511.881.503 / 4.710.920.863 = 95,77%, as Tabel 3.42 prints; 95,75 is the kegiatan's.
    ("1.06.01.2.02.0001", 3): ("95,75", "95,77%"),
    # 6.966.000 gives the printed 99,51% and the kegiatan total 261.667.550.
    ("1.06.01.2.06.0001", 2): ("6.966.500", "6.966.000"),
    # 226.034.809 - 3.000.000 - 166.083.000; 54.364.780 / 56.951.809 = 95,46% as printed.
    ("1.06.01.2.08.0002", 1): ("51.600.000", "56.951.809"),
    # The sub kegiatan add up to 141.795.010, as the Bab III text prints.
    ("1.06.01.2.09", 2): ("141.795.922", "141.795.010"),
    # An extra digit.
    ("1.06.04", 2): ("391.808.9722", "391.808.972"),
    # Its kegiatan and program print 86.975.400.
    ("1.06.07.2.01.0002", 0): ("htb", "86.975.400"),
    # 509.312.773 / 517.180.698; 99,32 is the kegiatan Pemberdayaan Perempuan's.
    ("2.08.02", 3): ("99,32", "98,48%"),
    ("2.08.06", 3): ("96.12", "96,12%"),
    ("2.08.06.2.01.0002", 1): ("12,046.619", "12.046.619"),
    # The program row's 65.173.448 gives the printed 99,76% (65.328.448 exceeds the budget).
    ("2.08.07.2.03", 2): ("65.328.448", "65.173.448"),
    ("Koordinasi dan Sinkronisasi Peningkatan Kapasitas Sumber Daya Lembaga Penyedia Layanan Anak", 2): (
        "65.328.448",
        "65.173.448",
    ),
    # T O T A L: the unlisted part of Program Penunjang, and 30.000.000 of realisation that the
    # printed program rows (9.916.030.498) do not add up to either.
    ("total", 0): ("10.396.592.963", "7.998.234.563"),
    ("total", 1): ("10.922.821.301", "8.524.462.901"),
    ("total", 2): ("9.946.030.498", "7.752.878.098"),
    ("total", 3): ("91,06", "90,95%"),
}


def _seed_2023():
    """The rows of Tabel 3.43 as printed: (label, the four 2023 cells)."""
    hasil = []
    for line in SEED_3_43.read_text(encoding="utf-8").splitlines():
        sel = [c.strip() for c in line.split("\t") if c.strip()]
        if len(sel) < 9 or sel[0].startswith("PROGRAM, KEGIATAN") or sel[0] == "1":
            continue
        hasil.append((sel[0], sel[-8:-4]))
    return hasil


def _sama(tercetak, ditampilkan):
    """ "-" is nothing (0 or empty); a percentage printed as "100" is ours with its decimals."""
    if tercetak == "-":
        return ditampilkan in ("0", "", "–")
    if ditampilkan.endswith("%"):
        return rules.parse_angka(tercetak) == rules.parse_angka(ditampilkan.removesuffix("%"))
    return tercetak == ditampilkan


def test_tabel_3_43_every_2023_cell_as_printed_or_a_named_slip(lkjip):
    baris = _tabel(lkjip, "keuangan-program").baris
    per_kode = {b.kunci: _isi(b) for b in baris}
    per_kode["total"] = ["", *per_kode["total"]]  # the Total label spans the code and name columns
    tanpa_kode = {_isi(b)[1]: _isi(b) for b in baris if _isi(b)[0] == "tanpa kode"}
    assert len(tanpa_kode) == 9  # the rows of 2023 alone: the seed prints no code for them

    def cari(label, kode):
        if kode is not None:
            return kode, per_kode[kode]
        nama = label.removeprefix("Kegiatan ")
        ((uraian, sel),) = [(u, s) for u, s in tanpa_kode.items() if u.startswith(nama)]
        return next((k for k, _ in SLIP_2023 if uraian.startswith(k)), label), sel

    dibandingkan, slip = 0, 0
    for (label, cetak), kode in zip(_seed_2023(), KODE_3_43, strict=True):
        kunci, sel = cari(label, kode)
        for kolom, (tercetak, ditampilkan) in enumerate(zip(cetak, sel[2:6], strict=True)):
            if (kunci, kolom) in SLIP_2023:
                assert (tercetak, ditampilkan) == SLIP_2023[kunci, kolom], (kunci, kolom)
                slip += 1
            else:
                assert _sama(tercetak, ditampilkan), (kunci, label, kolom, tercetak, ditampilkan)
            dibandingkan += 1
    assert dibandingkan == 104 * 4
    assert slip == len(SLIP_2023)


def test_tabel_3_43_program_totals_of_2023_as_printed(lkjip):
    assert _baris(lkjip, "keuangan-program", "1.06.05")[2:6] == [
        "497.094.362",
        "738.336.850",
        "481.414.604",
        "65,20%",
    ]
    assert _baris(lkjip, "keuangan-program", "1.06.02")[2:6] == [
        "327.882.043",
        "408.808.768",
        "362.053.507",
        "88,56%",
    ]
    assert _baris(lkjip, "keuangan-program", "2.08.07")[2:6] == ["71.917.069", "65.328.034", "65.173.448", "99,76%"]


def test_tabel_3_43_a_sub_kegiatan_in_both_years_is_one_row(lkjip):
    # Fasilitasi Bantuan Sosial Kesejahteraan Keluarga: 2023 156.415.712 / 263.398.212 / 19.063.250 / 7,24,
    # 2024 261.357.750 / 252.957.750 / 136.813.444 / 54,09.
    assert _baris(lkjip, "keuangan-program", "1.06.05.2.02.0003")[2:] == [
        "156.415.712",
        "263.398.212",
        "19.063.250",
        "7,24%",
        "261.357.750",
        "252.957.750",
        "136.813.444",
        "54,09%",
    ]


def test_tabel_3_43_a_sub_kegiatan_of_2023_alone_has_no_code_and_empty_2024_cells(lkjip):
    (sel,) = [
        _isi(b)
        for b in _tabel(lkjip, "keuangan-program").baris
        if _isi(b)[1] == "Pemberian Pelayanan Penelusuran Keluarga"
    ]
    assert sel == ["tanpa kode", sel[1], "49.473.000", "59.473.000", "31.106.150", "52,30%", "", "", "", ""]


# ---------------------------------------------------------------------------------------------
# Tabel 3.44 and 3.45
# ---------------------------------------------------------------------------------------------


def test_tabel_3_44_2023_rows_of_tujuan_2_and_3_as_printed(lkjip):
    t = _per_tujuan(lkjip, "anggaran-tujuan-sasaran")
    assert t["Tujuan: Terwujudnya peningkatan kualitas hidup perempuan"][3:6] == [
        "663.749.665",
        "641.362.984",
        "96,63%",
    ]
    assert t["Tujuan: Terpenuhinya hak anak"][3:6] == ["238.531.286", "231.664.188", "97,12%"]
    # Printed 10.020.540.350 / 9.073.003.326 / 90,54: with the unlisted part of Program Penunjang.
    assert t["Tujuan: Meningkatnya kesejahteraan PMKS"][3:6] == ["7.622.181.950", "6.879.850.926", "90,26%"]
    assert 10_020_540_350 - 7_622_181_950 == 2_398_358_400


def test_tabel_3_45_2023_realisation_of_tujuan_2_and_3_as_printed(lkjip):
    t = _per_tujuan(lkjip, "efektivitas-tujuan-sasaran")
    assert t["Tujuan: Terwujudnya peningkatan kualitas hidup perempuan"][4:6] == ["641.362.984", "96,63%"]
    assert t["Tujuan: Terpenuhinya hak anak"][4:6] == ["231.664.188", "97,12%"]


def test_masalah_data_no_longer_says_the_2023_budget_is_missing(lkjip):
    teks = [m.teks for m in lkjip.masalah]
    assert not any("Anggaran tahun 2023 tidak tercatat" in t for t in teks)
    # The 2023 slips are listed as open data notes, with the value printed and the value used.
    assert any(
        t.startswith(
            "Pagu induk 2023 sub kegiatan 1.06.07.2.01.0002 Pemeliharaan Taman Makam Pahlawan Nasional "
            "Kabupaten/Kota tercetak htb di Tabel 3.43; yang dipakai Rp 86.975.400"
        )
        for t in teks
    )
