"""The Perjanjian Kinerja report: the Belitung demo of 2024 against the PK printed in seed 003
(the signed "Perubahan Perjanjian Kinerja 2024" in its appendix, Tabel 2.4 and Tabel 2.5), its
XLSX and PDF, and a fixed number of queries."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from laporan.builders.perjanjian_kinerja import build_perjanjian_kinerja
from laporan.dokumen import Paragraf, Tabel
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import PerangkatDaerah, Target

from .conftest import perlu_pdf, teks_pdf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

BELITUNG = "DSPPPA-BELITUNG"
TANGGAL = date(2024, 10, 14)  # "Tanjungpandan, 14 Oktober 2024" (seed 003, the signed PK)


def _opd(kode=BELITUNG):
    return PerangkatDaerah.objects.get(kode=kode)


@pytest.fixture
def pk():
    return build_perjanjian_kinerja(_opd(), 2024, tanggal=TANGGAL)


def _tabel(laporan):
    return [b for b in laporan.bagian if isinstance(b, Tabel)]


def _isi(baris):
    return [s.teks or s.nilai for s in baris.sel]


# Seed 003, appendix "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024": NO., SASARAN STRATEGIS,
# INDIKATOR KINERJA, TARGET. The appendix writes the sasaran in title case ("Meningkatnya
# Kesejahteraan PMKS") and spells "Paruhita"; the demo keeps Tabel 2.3's "Parahita".
SASARAN = [
    ("1", "Meningkatnya kesejahteraan PMKS", "Persentase penurunan PMKS per tahun", "%", Decimal("0.5")),
    (
        "2",
        "Meningkatnya penanganan PMKS",
        "Persentase PMKS yang tertangani atau mendapatkan layanan",
        "%",
        Decimal("98.79"),
    ),
    (
        "3",
        "Meningkatnya partisipasi perempuan dalam pembangunan",
        "Indeks Pemberdayaan Gender (IDG)",
        "Indeks",
        Decimal("53.43"),
    ),
    (
        "4",
        "Meningkatnya kesetaraan gender dalam pembangunan",
        "Level Anugerah Parahita Ekapraya (APE)",
        "Level",
        "Pratama",
    ),
    (
        "5",
        "Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan",
        "Rasio kekerasan terhadap perempuan dan anak",
        "per 10.000 penduduk perempuan dan anak",
        Decimal("3.20"),
    ),
]

# Same appendix, "Program / Anggaran": the budgets in force (APBD-P) and the JUMLAH.
PROGRAM = [
    ("Pemberdayaan Sosial", 348_934_400),
    ("Penanganan Warga Negara Migran Korban Tindak Kekerasan", 41_256_200),
    ("Rehabilitasi Sosial", 355_284_512),
    ("Perlindungan dan Jaminan Sosial", 644_184_050),
    ("Penanganan Bencana", 438_517_700),
    ("Pengelolaan Taman Makam Pahlawan", 11_325_400),
    ("Pengarusutamaan Gender dan Pemberdayaan Perempuan", 439_498_900),
    ("Perlindungan Perempuan", 394_720_850),
    ("Peningkatan Kualitas Keluarga", 12_132_500),
    ("Pengelolaan Sistem Data Gender dan Anak", 45_671_700),
    ("Pemenuhan Hak Anak (PHA)", 270_743_750),
    ("Perlindungan Khusus Anak", 223_527_000),
    ("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 7_089_055_091),
]
JUMLAH = 10_314_852_053


def test_sasaran_indicators_and_targets_are_those_of_the_signed_pk(pk):
    baris = [_isi(b) for b in _tabel(pk)[0].baris]
    assert len(baris) == len(SASARAN)  # the ratio serving tujuan 3 and sasaran 3 is agreed on once
    for (no, sasaran, indikator, satuan, target), isi in zip(SASARAN, baris, strict=True):
        assert isi[0] == no and isi[1].casefold() == sasaran.casefold()
        assert isi[2:4] == [indikator, satuan]
        assert isi[4] == target, indikator
    assert [tulis_sel(b.sel[4]) for b in _tabel(pk)[0].baris] == ["0,50", "98,79", "53,43", "Pratama", "3,20"]


def test_program_budgets_and_total_are_those_of_the_signed_pk(pk):
    baris = [_isi(b) for b in _tabel(pk)[1].baris]
    # numbered in the order printed: by code, the supporting program (1.06.01) last
    assert [(b[1], b[2]) for b in baris[:-1]] == PROGRAM
    assert [b[0] for b in baris[:-1]] == [f"{n}." for n in range(1, 14)]
    assert baris[-1][:2] == ["JUMLAH", JUMLAH] and _tabel(pk)[1].baris[-1].jenis == "jumlah"
    assert sum(b for _, b in PROGRAM) == JUMLAH
    assert baris[11][3] == "APBD Kabupaten & DAK Non Fisik"  # "P-APBD & DAK Non Fisik"


def test_revised_targets_make_it_the_perubahan(pk):
    assert pk.judul[0] == "Perubahan Perjanjian Kinerja Tahun 2024"
    assert pk.orientasi == "portrait" and pk.kode == "perjanjian-kinerja"


def test_without_revised_targets_it_is_the_pk_of_tabel_2_4():
    """Seed 003, Tabel 2.4 "Uraian Perjanjian Kinerja Tahun 2024" (before the revision): IDG 47."""
    Target.objects.filter(indikator__renstra__opd__kode=BELITUNG, jenis=Target.Jenis.PK_PERUBAHAN).delete()
    laporan = build_perjanjian_kinerja(_opd(), 2024)
    assert laporan.judul[0] == "Perjanjian Kinerja Tahun 2024"
    assert [_isi(b)[4] for b in _tabel(laporan)[0].baris] == [
        Decimal("0.5"),
        Decimal("98.79"),
        Decimal("47"),
        "Pratama",
        Decimal("3.20"),
    ]


def test_renstra_target_stands_in_when_there_is_no_pk_target_and_says_so():
    laporan = build_perjanjian_kinerja(_opd("DSPPPA-BATUBARA"), 2025)
    sel = {b.sel[2].nilai: b.sel[4] for b in _tabel(laporan)[0].baris}
    # seed 002, Tabel 4.5.1 (IKU) 2025
    assert sel["Tingkat Kemiskinan"].nilai == Decimal("10.68")
    assert sel["Nilai AKIP"].nilai == "BB (73,00)"
    assert "Target Renstra" in sel["Tingkat Kemiskinan"].catatan
    assert laporan.judul[0] == "Perjanjian Kinerja Tahun 2025"


def test_statement_names_both_parties(pk):
    teks = "\n".join(b.teks for b in pk.bagian if isinstance(b, Paragraf))
    assert teks.startswith(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    assert "Nama: KASIMIN, S.IP., MAB\n" in teks and "selanjutnya disebut pihak pertama" in teks
    assert "Nama: MIKRON ANTARIKSA\nJabatan: Pj. Bupati Belitung\n" in teks  # seed 003: Pj. BUPATI BELITUNG
    assert "selaku atasan pihak pertama, selanjutnya disebut pihak kedua" in teks


def test_regent_signs_as_pihak_kedua_and_the_head_as_pihak_pertama(pk):
    kedua, pertama = pk.penanda
    assert (kedua.sebutan, kedua.jabatan, kedua.nama) == ("PIHAK KEDUA", "Pj. Bupati Belitung", "MIKRON ANTARIKSA")
    assert kedua.tanggal is None and not kedua.tempat
    assert (pertama.sebutan, pertama.jabatan, pertama.nama) == ("PIHAK PERTAMA", "Kepala Dinas", "KASIMIN, S.IP., MAB")
    assert (pertama.nip, pertama.tempat, pertama.tanggal) == ("19690824 199003 1 004", "Tanjungpandan", TANGGAL)


def test_regent_without_a_name_leaves_the_name_line_empty():
    laporan = build_perjanjian_kinerja(_opd("DSPPPA-BATUBARA"), 2025)
    kedua = laporan.penanda[0]
    assert (kedua.jabatan, kedua.nama) == ("Bupati Batu Bara", "")
    assert any(b.teks.startswith("Nama: ....") for b in laporan.bagian if isinstance(b, Paragraf))


@pytest.mark.parametrize(
    ("bidang", "program", "jumlah"),
    [
        # seed 003, Tabel 2.5, 2024 row 2 "Meningkatnya kualitas hidup perempuan": 497.303.100
        ("Bidang Pelembagaan Pengarusutamaan Gender dan Pemberdayaan Perempuan", 3, 497_303_100),
        # row 3 "Meningkatnya kualitas hidup anak": 888.991.600
        ("Bidang Perlindungan Perempuan dan Anak", 3, 888_991_600),
    ],
    ids=["tabel-2.5-row-2", "tabel-2.5-row-3"],
)
def test_pk_of_a_bidang_is_signed_with_the_head_of_the_agency(bidang, program, jumlah):
    opd = _opd()
    laporan = build_perjanjian_kinerja(opd, 2024, bidang=opd.bidang.get(nama=bidang), tanggal=TANGGAL)
    sasaran, anggaran = _tabel(laporan)
    assert len(anggaran.baris) == program + 1 and _isi(anggaran.baris[-1])[1] == jumlah
    assert all(b.sel[1].nilai.startswith("Program ") for b in sasaran.baris if b.sel[1].nilai)
    kedua, pertama = laporan.penanda
    assert kedua.nama == "KASIMIN, S.IP., MAB" and kedua.sebutan == "PIHAK KEDUA"
    assert pertama.jabatan == f"Kepala {bidang}" and pertama.nama == ""


def test_year_without_renstra_gives_empty_tables_with_a_note():
    laporan = build_perjanjian_kinerja(_opd(), 2030)
    assert [t.baris for t in _tabel(laporan)] == [[], []]
    assert "Tidak ada Renstra yang berlaku pada tahun 2030." in laporan.catatan


def test_xlsx_has_numeric_targets_and_budgets_and_both_signatures(pk):
    buku = load_workbook(BytesIO(render_xlsx(pk)))
    assert buku.sheetnames == ["Sasaran dan Target", "Program dan Anggaran"]
    ws = buku["Sasaran dan Target"]
    assert any(str(c.value).startswith("Dalam rangka mewujudkan") for c in ws["A"])
    kepala = next(c.row for c in ws["A"] if c.value == "No.")
    target = [ws.cell(kepala + 2 + i, 5) for i in range(5)]
    assert [c.value for c in target] == [0.5, 98.79, 53.43, "Pratama", 3.2]
    assert [c.data_type for c in target] == ["n", "n", "n", "s", "n"]
    assert target[0].number_format == "#,##0.00" and target[3].number_format == "General"
    ws = buku["Program dan Anggaran"]
    kepala = next(c.row for c in ws["A"] if c.value == "No.")
    anggaran = [ws.cell(kepala + 1 + i, 3) for i in range(13)]
    assert [c.value for c in anggaran] == [b for _, b in PROGRAM]
    assert all(c.data_type == "n" and c.number_format == "#,##0" for c in anggaran)
    jumlah = kepala + 14
    assert ws.cell(jumlah, 1).value == "JUMLAH" and f"A{jumlah}:B{jumlah}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(jumlah, 3).value == JUMLAH and ws.cell(jumlah, 3).number_format == "#,##0"
    nilai = [c.value for r in ws.iter_rows(min_row=jumlah + 1) for c in r if c.value]
    assert {"PIHAK KEDUA", "MIKRON ANTARIKSA", "PIHAK PERTAMA", "KASIMIN, S.IP., MAB"} <= set(nilai)
    assert ws.page_setup.orientation == "portrait"


@perlu_pdf
def test_pdf_has_title_both_signatures_and_indonesian_numbers(pk, tmp_path):
    teks, halaman = teks_pdf(render_pdf(pk), tmp_path)
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024" in teks
    assert "KASIMIN, S.IP., MAB" in teks and "MIKRON ANTARIKSA" in teks
    assert "PIHAK PERTAMA" in teks and "PIHAK KEDUA" in teks and "Tanjungpandan, 14 Oktober 2024" in teks
    assert "10.314.852.053" in teks and "7.089.055.091" in teks and "98,79" in teks and "0,50" in teks
    assert 2 <= halaman <= 3


def test_query_count_does_not_grow_with_the_plan(sepuluh_kali_demo, django_assert_num_queries):
    # renstra in force, indicators, their targets of the year, the open data notes of the year, programs, pagu
    opd = _opd()
    with django_assert_num_queries(6):
        build_perjanjian_kinerja(opd, 2024)
    with django_assert_num_queries(6):
        besar = build_perjanjian_kinerja(sepuluh_kali_demo, 2025)
    assert len(_tabel(besar)[1].baris) == 13 + 1
    bidang = opd.bidang.get(nama="Bidang Perlindungan Perempuan dan Anak")
    with django_assert_num_queries(6):
        build_perjanjian_kinerja(opd, 2024, bidang=bidang)
