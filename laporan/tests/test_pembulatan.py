"""The region's rounding in the reports (KINERJA_PEMBULATAN = potong): every percentage of the
Belitung demo's reports truncated on the page, in the PDF, in the XLSX, in the generated
sentences and on the dashboards, and each report's notes saying so; the default unchanged."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import rules
from kinerja.tests.factories import verifikator
from laporan.builders.evaluasi_renja import KOLOM, build_evaluasi_renja
from laporan.builders.evaluasi_triwulan import build_evaluasi_triwulan
from laporan.builders.lkjip import build_lkjip
from laporan.dokumen import Paragraf, Tabel
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db
BELITUNG = "DSPPPA-BELITUNG"
TANGGAL = date(2025, 1, 7)
SETENGAH = "Persentase dibulatkan setengah ke atas pada 2 desimal"
POTONG = "Persentase dipotong (tidak dibulatkan) pada 2 desimal"


@pytest.fixture
def potong(settings):
    settings.KINERJA_PEMBULATAN = rules.POTONG


@pytest.fixture
def peninjau(client, demo):
    client.force_login(verifikator())
    return client


def _baris_kode(tabel, kode):
    for b in tabel.baris:
        sel = dict(tabel.posisi(b))
        if KOLOM["kode"] in sel and sel[KOLOM["kode"]].nilai == kode:
            return sel
    raise LookupError(kode)


def _tabel(laporan, kunci):
    return next(b for b in laporan.bagian if isinstance(b, Tabel) and b.kunci == kunci)


def _isi_xlsx(laporan):
    wb = load_workbook(BytesIO(render_xlsx(laporan)))
    return [c for ws in wb.worksheets for r in ws.iter_rows() for c in r]


# LKjIP Belitung Tabel 3.43, Program Penunjang: 6.829.527.996 / 7.089.055.091 = 96,339...%. The
# table prints 96,33 (truncated), Lampiran XII 96,34 (half-up).
PENUNJANG = "1.06.01"


def test_the_default_rounds_half_up_and_says_so(demo):
    laporan = build_evaluasi_renja(demo, 2024, tanggal=TANGGAL)
    sel = _baris_kode(laporan.bagian[0], PENUNJANG)[KOLOM["capaian_renja_rp"]]
    assert tulis_sel(sel) == "96,34%"
    assert any(c.startswith(SETENGAH) for c in laporan.catatan)
    assert not any(POTONG in c for c in laporan.catatan)
    # The workbook keeps the full value; its number format rounds half-up as the page does.
    sel_xlsx = next(c for c in _isi_xlsx(laporan) if isinstance(c.value, float) and 96.33 < c.value < 96.34)
    assert sel_xlsx.number_format == '#,##0.00"%"'


def test_the_evaluasi_renja_truncates_on_the_page_in_the_xlsx_and_says_so(demo, potong, peninjau):
    laporan = build_evaluasi_renja(demo, 2024, tanggal=TANGGAL)
    program = _baris_kode(laporan.bagian[0], PENUNJANG)
    assert tulis_sel(program[KOLOM["capaian_renja_rp"]]) == "96,33%"
    # Arithmetic is not rounded: the cell holds the full value.
    assert program[KOLOM["capaian_renja_rp"]].nilai == rules.serapan(6_829_527_996, 7_089_055_091)
    catatan = next(c for c in laporan.catatan if c.startswith(POTONG))
    assert not any(SETENGAH in c for c in laporan.catatan)

    # XLSX: the value already cut at the two decimals shown (Excel's format would round it up).
    sel = _isi_xlsx(laporan)
    persen = [c for c in sel if c.number_format == '#,##0.00"%"' and isinstance(c.value, (int, float))]
    assert persen and all(round(c.value, 2) == c.value for c in persen)
    assert any(c.value == 96.33 for c in persen) and not any(c.value == 96.34 for c in persen)
    assert catatan in [c.value for c in sel]

    # The page (the PDF prints the same HTML).
    url = reverse("laporan:laporan_html", args=[BELITUNG, 2024, "evaluasi-renja"])
    html = peninjau.get(url, {"triwulan": 4}).content.decode()
    assert ">96,33%<" in html and ">96,34%<" not in html
    assert POTONG in html


def test_the_lkjip_tables_and_sentences_truncate(demo, potong):
    laporan = build_lkjip(demo, 2024, tanggal=TANGGAL)
    # Tabel 3.43 (keuangan-program): the two % the document itself prints truncated.
    keuangan = {b.kunci: [tulis_sel(s) for s in b.sel] for b in _tabel(laporan, "keuangan-program").baris}
    assert keuangan[PENUNJANG][-1] == "96,33%"
    assert keuangan["2.08.06.2.01"][-1] == "92,57%"  # 12.696.100 / 13.713.850 = 92,578...
    # A generated sentence: PMKS 97,62 of 98,79 is 98,815...%.
    teks = "\n".join(b.teks for b in laporan.bagian if isinstance(b, Paragraf)) + "\n".join(
        i for b in laporan.bagian if hasattr(b, "isi") for i in b.isi
    )
    assert "atau capaian 98,81% (Sangat baik)." in teks and "98,82%" not in teks
    assert "dipotong pada dua desimal sebelum digolongkan" in teks
    assert any(c.startswith(POTONG) for c in laporan.catatan)


def test_the_quarterly_evaluation_page_truncates_and_says_so(demo, potong, peninjau):
    laporan = build_evaluasi_triwulan(demo, 2024, 4)
    assert any(c.startswith(POTONG) for c in laporan.catatan)
    url = reverse("laporan:laporan_html", args=[BELITUNG, 2024, "evaluasi-triwulan"])
    html = peninjau.get(url, {"triwulan": 4}).content.decode()
    assert "98,81%" in html and "98,82%" not in html  # PMKS, TW IV
    assert POTONG in html


def test_the_dashboard_writes_the_same_truncated_digits(demo, potong, peninjau):
    respons = peninjau.get(reverse("laporan:dasbor_opd", args=[BELITUNG, 2024]), {"triwulan": 4})
    html = respons.content.decode()
    rata = respons.context["data"].kinerja.rata_rata_semua()
    assert rules.format_persen(rata, aturan=rules.POTONG) in html
    assert POTONG in html
    # Every percentage on the page is one of the truncated ones: none has the half-up digits
    # where the two differ.
    for b in respons.context["anak"].baris:
        for s in b.sel:
            if s.jenis == "persen" and s.nilai is not None:
                setengah = rules.format_persen(s.nilai, aturan=rules.SETENGAH_KE_ATAS)
                dipotong = rules.format_persen(s.nilai, aturan=rules.POTONG)
                assert dipotong in html
                if setengah != dipotong:
                    assert f">{setengah}<" not in html


@perlu_pdf
def test_the_pdf_prints_the_truncated_value_and_the_note(demo, potong, tmp_path):
    teks, _ = teks_pdf(render_pdf(build_evaluasi_triwulan(demo, 2024, 4)), tmp_path, tata_letak=False)
    teks = " ".join(teks.split())
    assert "98,81%" in teks and "98,82%" not in teks
    assert POTONG in teks
