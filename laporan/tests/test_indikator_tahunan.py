"""An indicator measured once a year in the reports: its value printed as the year's (in the
columns that close the year, marked as yearly), the quarters before it "diukur tahunan" rather
than an empty or "–" cell, and never in a quarter's average before TW IV."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kinerja import dasbor as baca
from kinerja.models import Realisasi
from kinerja.selectors import skala_laporan
from laporan.builders.dasbor import tabel_triwulan
from laporan.builders.evaluasi_renja import build_evaluasi_renja
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel
from renstra.models import Indikator
from renstra.tests.factories import IndikatorFactory, RenstraFactory, SubKegiatanFactory, TargetFactory

pytestmark = pytest.mark.django_db
D = Decimal
IKM = "Indeks Kepuasan Masyarakat terhadap layanan rehabilitasi sosial"


@pytest.fixture
def dinas():
    renstra = RenstraFactory(tahun_awal=2024, tahun_akhir=2026)
    sub = SubKegiatanFactory(kegiatan__program__renstra=renstra)
    orang = IndikatorFactory(sub_kegiatan=sub, uraian="Jumlah orang yang dilayani", satuan="Orang")
    TargetFactory(indikator=orang, tahun=2024, nilai=D(12))
    tahunan = IndikatorFactory(
        sub_kegiatan=sub,
        uraian=IKM,
        satuan="Indeks",
        frekuensi=Indikator.Frekuensi.TAHUNAN,
        cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE,
    )
    TargetFactory(indikator=tahunan, tahun=2024, nilai=D(80))
    for tw in (1, 2, 3, 4):
        Realisasi.objects.create(indikator=orang, tahun=2024, triwulan=tw, nilai=D(3))
    Realisasi.objects.create(indikator=tahunan, tahun=2024, triwulan=4, nilai=D(84))
    return renstra.opd, orang, tahunan


def _baris(tabel, indikator):
    return next(b for b in tabel.baris if b.kunci == f"indikator-{indikator.pk}")


def test_quarterly_evaluation_tw_iv_prints_the_annual_value_as_the_years(dinas):
    opd, _, tahunan = dinas
    laporan = build_evaluasi_triwulan(opd, 2024, 4)
    form1, form2 = laporan.bagian

    sel = _baris(form1, tahunan).sel
    tertulis = [tulis_sel(s) for s in sel]
    assert tertulis[6] == "diukur tahunan: realisasi tahunan 2024 →" and sel[6].kolom == 6
    assert tertulis[7:9] == ["84", "105,00%"]
    assert sel[7].catatan == "Realisasi tahunan 2024 (indikator diukur tahunan)"
    assert len(sel) == 9  # 6 + one merged cell for TW I–III + TW IV's two
    assert sum(s.kolom for s in sel) == sum(s.kolom for s in _baris(form1, dinas[1]).sel)
    assert sum(s.kolom for s in _baris(form2, tahunan).sel) == sum(s.kolom for s in _baris(form2, dinas[1]).sel)
    assert any("Diukur tahunan (1 indikator: " + IKM in c for c in laporan.catatan)


def test_quarterly_evaluation_tw_ii_says_measured_yearly_and_averages_without_it(dinas):
    opd, _, tahunan = dinas
    form1 = build_evaluasi_triwulan(opd, 2024, 2).bagian[0]

    sel = _baris(form1, tahunan).sel
    assert tulis_sel(sel[6]) == "diukur tahunan" and sel[6].kolom == 4
    rata = form1.baris[-1].sel
    assert [tulis_sel(s) for s in rata[1:5]] == ["", "25,00%", "", "25,00%"]  # 3 of 12, the index left out


def test_quarterly_evaluation_xlsx_merges_the_measured_yearly_cell(dinas):
    opd, _, _ = dinas
    buku = load_workbook(BytesIO(render_xlsx(build_evaluasi_triwulan(opd, 2024, 4))))
    ws = buku.worksheets[0]
    sel = next(c for baris in ws.iter_rows() for c in baris if c.value == "diukur tahunan: realisasi tahunan 2024 →")
    assert any(sel.coordinate in r and r.max_col - r.min_col == 5 for r in ws.merged_cells.ranges)


def test_evaluasi_renja_marks_quarters_before_the_year_closes(dinas):
    opd, _, tahunan = dinas
    tabel = build_evaluasi_renja(opd, 2024, 2).bagian[0]
    teks = [tulis_sel(s) for s in _baris(tabel, tahunan).sel]
    assert teks.count("diukur tahunan") == 4  # TW I and II, the Renja's realisation and capaian

    tabel = build_evaluasi_renja(opd, 2024, 4).bagian[0]
    sel = _baris(tabel, tahunan).sel
    teks = [tulis_sel(s) for s in sel]
    assert teks.count("diukur tahunan") == 3
    assert "84" in teks and "105,00%" in teks


def test_the_indicator_dashboard_shows_one_yearly_row_not_four_quarters(dinas):
    _, orang, tahunan = dinas
    skala = skala_laporan("dasbor")
    tabel = tabel_triwulan(baca.dasbor_indikator(tahunan, 2024, skala=skala), skala)

    assert [[tulis_sel(s) for s in b.sel][:4] for b in tabel.baris] == [["Tahunan 2024", "80", "84", "105,00%"]]
    assert [k.teks for k in tabel.kepala[0]][:3] == ["Periode", "Target tahunan", "Realisasi tahunan"]
    assert len(tabel_triwulan(baca.dasbor_indikator(orang, 2024, skala=skala), skala).baris) == 4
