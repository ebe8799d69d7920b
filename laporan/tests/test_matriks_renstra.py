"""The Matriks Renstra report: the Batu Bara demo against seed 002 Bab IV Tabel 4.1 as printed
(and where the demo keeps a consistent value instead of a seed slip), its XLSX and PDF, and a
fixed number of queries."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from laporan.builders.matriks_renstra import build_matriks_renstra
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Pagu, PerangkatDaerah

from .conftest import perlu_pdf, teks_pdf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

BATUBARA = "DSPPPA-BATUBARA"
TANGGAL = date(2025, 6, 2)
TAHUN = (2025, 2026, 2027, 2028, 2029)
# Body columns (0-based): Tujuan, Sasaran, Kode, Program/Kegiatan/Sub Kegiatan, Indikator, Satuan,
# Kondisi awal, Target and Rp of each year, Kondisi akhir Target and Rp, Penanggung jawab.
KOLOM = {
    "uraian": 3,
    "indikator": 4,
    "awal": 6,
    **{f"T{th}": 7 + 2 * i for i, th in enumerate(TAHUN)},
    **{f"Rp{th}": 8 + 2 * i for i, th in enumerate(TAHUN)},
    "akhir": 17,
    "Rp akhir": 18,
    "pj": 19,
}


def _opd():
    return PerangkatDaerah.objects.get(kode=BATUBARA)


@pytest.fixture
def matriks():
    return build_matriks_renstra(_opd(), 2026, tanggal=TANGGAL)


def _isi(sel):
    """A cell's number (Decimal or int), else its text, None when empty."""
    return sel.teks or sel.nilai


def _baris(tabel):
    """The rows as {column index: cell}, the spans counted."""
    return [dict(tabel.posisi(b)) for b in tabel.baris]


def _per_kode(tabel):
    """The first row of each program, kegiatan and sub kegiatan code: {kode: {column: value}}."""
    hasil = {}
    for sel in _baris(tabel):
        if 2 in sel and sel[2].nilai:
            hasil.setdefault(sel[2].nilai, {k: _isi(s) for k, s in sel.items()})
    return hasil


def _per_indikator(tabel):
    return {sel[4].nilai: {k: _isi(s) for k, s in sel.items()} for sel in _baris(tabel) if 4 in sel and sel[4].nilai}


# Cells as printed in seed 002, Bab IV Tabel 4.1 (row by code; "-" printed for an empty amount).
TABEL_4_1 = [
    ("1.06.01", "T2025", Decimal(73), "PROGRAM PENUNJANG ... NILAI AKIP, Skor 73"),
    ("1.06.01", "Rp2025", 5_185_709_303, "program row 2025: sum of its sub kegiatan"),
    ("1.06.01", "Rp2026", 6_210_823_423, "program row 2026"),
    ("1.06.01", "akhir", Decimal(81), "NILAI AKIP end of period: the last year (81)"),
    ("1.06.01", "Rp akhir", 29_498_459_931, "program row, Rp end of period"),
    ("1.06.01.2.01.0001", "Rp2025", 4_300_000, "Penyusunan Dokumen Perencanaan 2025"),
    ("1.06.01.2.01.0001", "akhir", Decimal(10), "2 documents a year, five years"),
    ("1.06.01.2.01.0001", "Rp akhir", 43_650_000, "4.300.000 + 9.350.000 + 3 x 10.000.000"),
    ("1.06.01.2.02.0001", "Rp2026", 3_839_659_811, "Gaji dan Tunjangan ASN 2026"),
    ("1.06.01.2.06", "Rp akhir", 3_119_642_637, "Administrasi Umum, kegiatan row"),
    ("1.06.02", "T2025", Decimal(1030), "PROGRAM PEMBERDAYAAN SOSIAL 1.030"),
    ("1.06.02", "Rp2027", 731_431_000, "program row 2027"),
    ("1.06.02", "akhir", Decimal(1440), "a count: 1.030 + 14 + 3 x 132"),
    ("1.06.02.2.03", "Rp akhir", 2_923_764_000, "kegiatan printed 2,03: the code is read as 2.03"),
    ("1.06.04", "Rp2025", 7_686_731_020, "PROGRAM REHABILITASI SOSIAL 2025"),
    ("1.06.04.2.01", "Rp2025", 4_692_144_220, "kegiatan row 2025"),
    ("1.06.04.2.01.0006", "T2025", Decimal(6138), "printed 6138"),
    ("1.06.04.2.01.0006", "Rp akhir", 5_653_332_220, "Bimbingan Sosial kepada Keluarga"),
    ("1.06.05", "T2026", Decimal(1035), "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL 1.035"),
    ("1.06.05", "Rp2026", 1_479_435_000, "program row 2026"),
    ("1.06.05.2.01.0001", "Rp akhir", None, "Penjangkauan Anak-Anak Terlantar: no budget, printed -"),
    ("1.06.06.2.02", "Rp2025", 161_762_752, "Kesiapsiagaan Bencana 2025"),
    ("2.08.03", "Rp2027", 495_000_000, "PROGRAM PERLINDUNGAN PEREMPUAN 2027"),
    ("2.08.06", "akhir", Decimal(80), "% KLA: 80 every year, end 80"),
    ("2.08.06", "Rp akhir", 1_923_321_502, "PROGRAM PEMENUHAN HAK ANAK"),
    ("2.08.07", "T2026", Decimal(42), "Rasio Kekerasan Anak 2026"),
    ("2.08.07", "akhir", Decimal(36), "a ratio: the last year, 36"),
    ("2.08.07.2.02", "Rp2027", 350_000_000, "kegiatan row 2027"),
    ("2.08.07.2.03.0013", "Rp akhir", 90_000_000, "last sub kegiatan row"),
]


@pytest.mark.parametrize(
    ("kode", "kolom", "dicetak"), [c[:3] for c in TABEL_4_1], ids=[f"{c[0]}-{c[1]}: {c[3]}" for c in TABEL_4_1]
)
def test_cell_is_the_one_printed_in_seed_002_tabel_4_1(matriks, kode, kolom, dicetak):
    assert _per_kode(matriks.bagian[0])[kode].get(KOLOM[kolom]) == dicetak


def test_tujuan_and_sasaran_indicators_come_first_with_their_kondisi_awal_and_akhir(matriks):
    tabel = matriks.bagian[0]
    pertama = _baris(tabel)[0]
    assert pertama[0].nilai.startswith("Menurunnya Kemiskinan") and pertama[0].kolom == 4
    ind = _per_indikator(tabel)
    # seed 002, Tabel 4.5.1 (IKU): Tingkat Kemiskinan 10,94 → 9,99; Nilai AKIP BB (71,30) → A (81,00)
    kemiskinan = ind["Tingkat Kemiskinan"]
    assert (kemiskinan[KOLOM["awal"]], kemiskinan[KOLOM["T2029"]], kemiskinan[KOLOM["akhir"]]) == (
        Decimal("10.94"),
        Decimal("9.99"),
        Decimal("9.99"),
    )
    akip = ind["Nilai AKIP"]
    assert [akip[KOLOM[k]] for k in ("awal", "T2025", "akhir")] == ["BB (71,30)", "BB (73,00)", "A (81,00)"]
    assert ind["Rasio Kekerasan Terhadap Anak"][KOLOM["T2025"]] == "42:100000"


def test_program_and_kegiatan_pagu_are_the_sums_of_their_sub_kegiatan(matriks):
    per_kode = _per_kode(matriks.bagian[0])
    for kode, sel in per_kode.items():
        if kode.count(".") not in (2, 4):  # programs and kegiatan
            continue
        anak = [s for k, s in per_kode.items() if k.startswith(kode + ".") and k.count(".") == 5]
        for th in TAHUN:
            jumlah = [s[KOLOM[f"Rp{th}"]] for s in anak if s.get(KOLOM[f"Rp{th}"]) is not None]
            assert sel.get(KOLOM[f"Rp{th}"]) == (sum(jumlah) if jumlah else None), (kode, th)
    pagu = Pagu.objects.filter(
        sub_kegiatan__kegiatan__program__renstra__opd__kode=BATUBARA,
        sub_kegiatan__kegiatan__program__kode="1.06.04",
        tahun=2027,
    )
    assert per_kode["1.06.04"][KOLOM["Rp2027"]] == sum(p.indikatif for p in pagu) == 4_455_175_000


def test_jumlah_row_totals_the_pagu_of_each_year(matriks):
    jumlah = _baris(matriks.bagian[0])[-1]
    assert jumlah[0].nilai == "JUMLAH" and matriks.bagian[0].baris[-1].jenis == "jumlah"
    # seed 002, Tabel 4.1 JUMLAH; 2026 printed 13.684.684.513 (see the slip test below)
    assert [jumlah[KOLOM[f"Rp{th}"]].nilai for th in TAHUN] == [
        14_445_744_207,
        13_924_684_513,
        16_112_581_735,
        16_240_581_735,
        16_265_581_735,
    ]
    assert jumlah[KOLOM["Rp akhir"]].nilai == 76_989_173_925


# Where seed 002 prints a slip, the report computes the consistent value; each case names what was printed.
def test_slip_percentages_are_not_summed_into_the_kondisi_akhir(matriks):
    """Tabel 4.1 adds up yearly percentages and ratios (DESIGN: "sums percentages to 500"): the
    end of period of an indicator kept per period is its last year's target."""
    per_kode = _per_kode(matriks.bagian[0])
    assert per_kode["1.06.01.2.02"][KOLOM["akhir"]] == 100  # printed 500 (5 x 100 %)
    assert per_kode["2.08.03"][KOLOM["akhir"]] == 31  # printed 99 (1 + 5 + 3 x 31, a ratio)
    assert per_kode["1.06.04"][KOLOM["akhir"]] == 21199  # printed 69339 ("persen", summed)


def test_slip_sums_of_yearly_counts_are_recomputed(matriks):
    per_kode = _per_kode(matriks.bagian[0])
    assert per_kode["2.08.06.2.01.0003"][KOLOM["akhir"]] == 15  # printed 17 for 5 + 5 + 5
    assert per_kode["2.08.02.2.03.0007"][KOLOM["akhir"]] == 3  # printed 4 for 1 + 1 + 1


def test_slip_program_2026_pagu_includes_every_sub_kegiatan(matriks):
    """Program 2.08.02 prints Rp 145.004.000 for 2026 and leaves out 2.08.02.2.03.0002 and .0003
    (95.000.000 + 145.000.000), which its own end-of-period Rp 1.295.241.000 includes."""
    program = _per_kode(matriks.bagian[0])["2.08.02"]
    assert program[KOLOM["Rp2026"]] == 145_004_000 + 95_000_000 + 145_000_000
    assert program[KOLOM["Rp akhir"]] == 1_295_241_000


def test_bidang_keeps_its_programs_and_totals_only_them():
    opd = _opd()
    bidang = opd.bidang.get(nama="Bidang Perlindungan Anak")
    laporan = build_matriks_renstra(opd, 2027, bidang=bidang)
    tabel = laporan.bagian[0]
    kode = [k for k in _per_kode(tabel) if k.count(".") == 2]
    assert kode == ["2.08.06", "2.08.07"]
    # seed 002, Tabel 4.1: 2027 pagu of 2.08.06 (250.000.000) and 2.08.07 (525.000.000)
    assert _baris(tabel)[-1][KOLOM["Rp2027"]].nilai == 250_000_000 + 525_000_000
    assert ("Bidang", "Bidang Perlindungan Anak") in laporan.keterangan
    assert all(s[4].nilai is None for s in _baris(tabel) if 1 in s and s[1].nilai)  # no sasaran indicators


def test_year_without_renstra_gives_an_empty_matrix_with_a_note():
    laporan = build_matriks_renstra(_opd(), 2031)
    assert laporan.bagian[0].baris == []
    assert "Tidak ada Renstra yang berlaku pada tahun 2031." in laporan.catatan


def test_xlsx_keeps_the_merged_header_and_numbers_with_formats(matriks):
    ws = load_workbook(BytesIO(render_xlsx(matriks)))["Matriks Renstra"]
    kepala = next(r[0].row for r in ws.iter_rows() if r[0].value == "Tujuan")
    gabung = {str(r) for r in ws.merged_cells.ranges}
    assert f"A{kepala}:A{kepala + 2}" in gabung  # Tujuan over the three header rows
    assert f"H{kepala}:Q{kepala}" in gabung  # the years' group spans 5 x (Target, Rp)
    assert ws[f"H{kepala + 1}"].value == "2025" and f"H{kepala + 1}:I{kepala + 1}" in gabung
    assert ws[f"R{kepala}"].value.startswith("Kondisi Kinerja pada Akhir") and f"R{kepala}:S{kepala + 1}" in gabung
    assert [ws.cell(kepala + 2, k).value for k in (8, 9)] == ["Target", "Rp"]
    assert ws.cell(kepala + 3, 20).value == "20"  # the column-number row
    program = next(r for r in ws.iter_rows(min_row=kepala + 4) if r[2].value == "1.06.01")
    assert (program[7].value, program[7].data_type, program[7].number_format) == (73, "n", "#,##0")
    assert (program[8].value, program[8].data_type, program[8].number_format) == (5_185_709_303, "n", "#,##0")
    kemiskinan = next(r for r in ws.iter_rows(min_row=kepala + 4) if r[4].value == "Tingkat Kemiskinan")
    assert (kemiskinan[6].value, kemiskinan[6].number_format) == (10.94, "#,##0.00")
    jumlah = next(r for r in ws.iter_rows(min_row=kepala + 4) if r[0].value == "JUMLAH")
    assert f"A{jumlah[0].row}:G{jumlah[0].row}" in gabung
    assert [jumlah[k].value for k in (8, 10, 12, 14, 16, 18)] == [
        14_445_744_207,
        13_924_684_513,
        16_112_581_735,
        16_240_581_735,
        16_265_581_735,
        76_989_173_925,
    ]
    assert all(jumlah[k].data_type == "n" and jumlah[k].number_format == "#,##0" for k in (8, 18))
    assert ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions[get_column_letter(4)].width > ws.column_dimensions[get_column_letter(1)].width


@perlu_pdf
def test_pdf_has_title_signature_and_indonesian_numbers(matriks, tmp_path):
    teks, halaman = teks_pdf(render_pdf(matriks), tmp_path)
    assert "MATRIKS RENSTRA" in teks
    assert "Muliadi, SE" in teks and "Lima Puluh, 2 Juni 2025" in teks
    assert "5.185.709.303" in teks and "76.989.173.925" in teks and "10,94" in teks
    # 130 rows of long names: 22 pages when the number columns took shares above their width,
    # 17 with the statements given the room (Kolom.lebar_cetak).
    assert 8 <= halaman <= 19


def test_query_count_does_not_grow_with_the_plan(sepuluh_kali_demo, django_assert_num_queries):
    # renstra in force, the seven queries of pohon_renstra, the pagu, the data notes on printed figures
    opd = _opd()
    with django_assert_num_queries(10):
        demo = build_matriks_renstra(opd, 2026)
    with django_assert_num_queries(10):
        besar = build_matriks_renstra(sepuluh_kali_demo, 2025)
    assert len(besar.bagian[0].baris) > 7 * len(demo.bagian[0].baris)
