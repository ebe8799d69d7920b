"""Reports of an agency onboarded from documents of the older nomenclature (issue 18): a kegiatan
without sub kegiatan whose budget sits on a hidden row, codes printed as "tanpa kode", and
programs in force only some years of the Renstra (one replacing another)."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kinerja.dasbor import dasbor_opd
from kinerja.tests.factories import renstra_nomenklatur_berganti
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.builders.lkjip import build_lkjip
from laporan.builders.matriks_renstra import build_matriks_renstra
from laporan.builders.perjanjian_kinerja import build_perjanjian_kinerja
from laporan.dokumen import Paragraf, Tabel
from laporan.renderers.html import render_dokumen
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.kode import TANPA_KODE

pytestmark = pytest.mark.django_db

TANGGAL = date(2026, 1, 7)
UANG_LAMA = 150_000_000  # APBD 100.000.000 + DAK 50.000.000 on the hidden row


@pytest.fixture
def data():
    return renstra_nomenklatur_berganti()


def _baris(tabel):
    return [dict(tabel.posisi(b)) for b in tabel.baris]


def _teks(sel):
    return tulis_sel(sel) if sel is not None else ""


def _baris_uraian(tabel, kolom, awal):
    """The rows whose name column starts with `awal`."""
    return [b for b in _baris(tabel) if kolom in b and _teks(b[kolom]).startswith(awal)]


# ---------------------------------------------------------------------------------------------
# Evaluasi Renja: a year's report
# ---------------------------------------------------------------------------------------------


def test_evaluasi_renja_shows_old_kegiatan_budget_on_its_own_row_and_no_sub_kegiatan_row(data):
    laporan = build_evaluasi_renja(data.opd, 2025, tanggal=TANGGAL)
    tabel = laporan.bagian[0]
    kegiatan = _baris_uraian(tabel, KOLOM["uraian"], "Pelayanan Anak Terlantar")
    assert len(kegiatan) == 1, "the hidden budget row (same name) must not appear as a sub kegiatan"
    baris = kegiatan[0]
    assert baris[KOLOM["target_renja_rp"]].nilai == UANG_LAMA
    assert baris[KOLOM["triwulan_1_rp"]].nilai == 30_000_000
    assert baris[KOLOM["realisasi_renja_rp"]].nilai == 120_000_000
    assert tulis_sel(baris[KOLOM["capaian_renja_rp"]]) == "80,00%"
    assert tulis_sel(baris[KOLOM["kode"]]) == TANPA_KODE
    program = _baris_uraian(tabel, KOLOM["uraian"], "Program Pelayanan dan Rehabilitasi")[0]
    assert program[KOLOM["target_renja_rp"]].nilai == UANG_LAMA
    assert tulis_sel(program[KOLOM["kode"]]) == TANPA_KODE
    jumlah = next(b for b in _baris(tabel) if _teks(b.get(0)) == "Jumlah")
    assert jumlah[KOLOM["target_renja_rp"]].nilai == UANG_LAMA


def test_evaluasi_renja_lists_only_the_programs_in_force_that_year(data):
    lama = build_evaluasi_renja(data.opd, 2025, tanggal=TANGGAL).bagian[0]
    baru = build_evaluasi_renja(data.opd, 2026, tanggal=TANGGAL).bagian[0]
    assert _baris_uraian(lama, KOLOM["uraian"], "Program Pelayanan dan Rehabilitasi")
    assert not _baris_uraian(lama, KOLOM["uraian"], "Program Rehabilitasi Sosial")
    assert not _baris_uraian(baru, KOLOM["uraian"], "Program Pelayanan dan Rehabilitasi")
    assert not _baris_uraian(baru, KOLOM["uraian"], "Pelayanan Anak Terlantar")
    program = _baris_uraian(baru, KOLOM["uraian"], "Program Rehabilitasi Sosial")[0]
    assert program[KOLOM["target_renja_rp"]].nilai == 200_000_000
    indikator = {_teks(b.get(KOLOM["indikator"])) for b in _baris(baru)}
    assert "Jumlah anak terlantar yang dilayani (Anak)" not in indikator


def test_evaluasi_renja_html_prints_tanpa_kode_and_not_the_hidden_row(data):
    html = render_dokumen(build_evaluasi_renja(data.opd, 2025, tanggal=TANGGAL)).replace("<wbr>", "")
    assert TANPA_KODE in html
    assert html.count("Pelayanan Anak Terlantar") == 1
    assert "150.000.000" in html


# ---------------------------------------------------------------------------------------------
# Matriks Renstra: every year of the Renstra
# ---------------------------------------------------------------------------------------------

URAIAN = 3
TAHUN = (2024, 2025, 2026)
TARGET = {th: 7 + 2 * i for i, th in enumerate(TAHUN)}
RP = {th: 8 + 2 * i for i, th in enumerate(TAHUN)}
RP_AKHIR = 7 + 2 * len(TAHUN) + 1


def test_matriks_renstra_shows_both_programs_with_empty_cells_in_the_years_not_in_force(data):
    tabel = build_matriks_renstra(data.opd, 2025, tanggal=TANGGAL).bagian[0]
    lama = _baris_uraian(tabel, URAIAN, "Program Pelayanan dan Rehabilitasi")[0]
    baru = _baris_uraian(tabel, URAIAN, "Program Rehabilitasi Sosial")[0]
    assert lama[RP[2025]].nilai == UANG_LAMA
    assert lama[RP[2026]].nilai is None and lama[TARGET[2026]].nilai is None
    assert baru[RP[2026]].nilai == 200_000_000
    assert baru[RP[2024]].nilai is None and baru[RP[2025]].nilai is None
    assert "menggantikan: tanpa kode Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial" in _teks(baru[URAIAN])
    assert "digantikan oleh: 1.06.04 Program Rehabilitasi Sosial" in _teks(lama[URAIAN])
    assert tulis_sel(lama[2]) == TANPA_KODE


def test_matriks_renstra_sums_the_old_kegiatan_budget_without_a_sub_kegiatan_row(data):
    tabel = build_matriks_renstra(data.opd, 2025, tanggal=TANGGAL).bagian[0]
    kegiatan = _baris_uraian(tabel, URAIAN, "Pelayanan Anak Terlantar")
    assert len(kegiatan) == 1
    assert kegiatan[0][RP[2025]].nilai == UANG_LAMA
    assert tulis_sel(kegiatan[0][2]) == TANPA_KODE
    # The old kegiatan's indicator keeps its targets in the years it is in force.
    assert kegiatan[0][TARGET[2024]].nilai == 40
    jumlah = _baris(tabel)[-1]
    assert jumlah[RP_AKHIR].nilai == UANG_LAMA + 200_000_000


def test_matriks_renstra_orders_codeless_programs_after_coded_ones(data):
    tabel = build_matriks_renstra(data.opd, 2025, tanggal=TANGGAL).bagian[0]
    nama = [_teks(b[URAIAN]).split("\n")[0] for b in _baris(tabel) if URAIAN in b and b[URAIAN].nilai]
    assert nama.index("Program Rehabilitasi Sosial") < nama.index(
        "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial"
    )


def test_matriks_renstra_xlsx_and_html_print_tanpa_kode_and_the_predecessor(data):
    laporan = build_matriks_renstra(data.opd, 2025, tanggal=TANGGAL)
    html = render_dokumen(laporan).replace("<wbr>", "")
    assert TANPA_KODE in html
    assert "menggantikan: tanpa kode Program Pelayanan" in html
    ws = load_workbook(BytesIO(render_xlsx(laporan))).active
    nilai = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert TANPA_KODE in nilai
    assert UANG_LAMA in nilai


# ---------------------------------------------------------------------------------------------
# LKjIP
# ---------------------------------------------------------------------------------------------


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _isi(baris):
    return [tulis_sel(s) for s in baris.sel]


def test_lkjip_financial_table_follows_each_year_programs_and_sums_the_old_kegiatan(data):
    laporan = build_lkjip(data.opd, 2026, tanggal=TANGGAL)
    baris = [_isi(b) for b in _tabel(laporan, "keuangan-program").baris]
    uraian = [b[1] for b in baris]
    assert uraian.count("Pelayanan Anak Terlantar") == 1, "no row for the hidden budget row"
    lama = next(b for b in baris if b[1].startswith("Program Pelayanan dan Rehabilitasi"))
    baru = next(b for b in baris if b[1] == "Program Rehabilitasi Sosial")
    kegiatan = next(b for b in baris if b[1] == "Pelayanan Anak Terlantar")
    # Columns: Kode, name, 2025 (induk, perubahan, realisasi, %), 2026 (the same).
    assert lama[0] == kegiatan[0] == TANPA_KODE
    assert lama[2] == kegiatan[2] == "150.000.000" and lama[4] == "120.000.000" and lama[6] == ""
    assert baru[2] == "" and baru[6] == "200.000.000"
    total = baris[-1]
    assert total[1] == "150.000.000" and total[5] == "200.000.000"


def test_lkjip_counts_the_old_kegiatan_but_not_its_budget_row_as_a_sub_kegiatan(data):
    laporan = build_lkjip(data.opd, 2025, tanggal=TANGGAL)
    paragraf = [b.teks for b in laporan.bagian if isinstance(b, Paragraf)]
    kalimat = next(p for p in paragraf if p.startswith("Pada tahun 2025 dilaksanakan"))
    assert kalimat.startswith("Pada tahun 2025 dilaksanakan 1 (satu) program dan 1 (satu) kegiatan dengan pagu")
    assert "Rp 150.000.000" in kalimat and "APBD Kabupaten" in kalimat and "DAK" in kalimat


# ---------------------------------------------------------------------------------------------
# Perjanjian Kinerja and the dashboard of an agency
# ---------------------------------------------------------------------------------------------


def _program_pk(opd, tahun):
    laporan = build_perjanjian_kinerja(opd, tahun, tanggal=TANGGAL)
    tabel = next(
        b for b in laporan.bagian if isinstance(b, Tabel) and b.baris and _teks(b.baris[-1].sel[0]) == "JUMLAH"
    )
    return [_isi(b) for b in tabel.baris]


def test_perjanjian_kinerja_lists_the_programs_in_force_with_both_sources_of_funds(data):
    lama = _program_pk(data.opd, 2025)
    assert lama[:-1] == [
        ["1.", "Pelayanan dan Rehabilitasi Kesejahteraan Sosial", "150.000.000", "APBD Kabupaten & DAK"]
    ]
    assert lama[-1][1] == "150.000.000"
    baru = _program_pk(data.opd, 2026)
    assert [b[1] for b in baru[:-1]] == ["Rehabilitasi Sosial"]
    assert baru[-1][1] == "200.000.000"


def test_dashboard_of_the_agency_shows_the_old_kegiatan_money_and_no_sub_kegiatan_node(data):
    dasbor = dasbor_opd(data.opd, 2025, 4)
    kegiatan = [s for s in dasbor.akar.semua() if s.level == "kegiatan"]
    assert [k.objek.uraian for k in kegiatan] == ["Pelayanan Anak Terlantar"]
    assert not [s for s in dasbor.akar.semua() if s.level == "sub_kegiatan"]
    assert kegiatan[0].pagu == UANG_LAMA and kegiatan[0].realisasi == 120_000_000
    assert dasbor.akar.pagu == UANG_LAMA
    assert [p.objek.uraian for p in dasbor.program] == ["Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial"]
    baru = dasbor_opd(data.opd, 2026, 4)
    assert [p.objek.kode for p in baru.program] == ["1.06.04"]
    assert baru.akar.pagu == 200_000_000
