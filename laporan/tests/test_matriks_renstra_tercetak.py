"""The Matriks Renstra of the Batu Bara demo against seed 002 Bab IV Tabel 4.1 (issue 19, item 6):
the targets Tabel 4.1 prints on rows without an indicator are printed where the document prints
them, marked as the document's figures; a kondisi akhir the document prints other than the
indicator's yearly rule gives the rule's figure with a numbered data note; the urusan and bidang
urusan heading rows stand above the programs, on the page, in the PDF and in the XLSX."""

import re
from datetime import date
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from kinerja import rules
from kinerja.models import CatatanData
from laporan.builders.matriks_renstra import build_matriks_renstra, catatan_kondisi_akhir
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from renstra.models import Indikator, PerangkatDaerah

from .conftest import perlu_pdf, teks_pdf

pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.django_db]

TAHUN = (2025, 2026, 2027, 2028, 2029)
KOLOM = {**{th: 7 + 2 * i for i, th in enumerate(TAHUN)}, "akhir": 17}
CATATAN_500 = "Kondisi akhir tercetak 500 di dokumen, menurut aturan indikator (target tahun terakhir) 100."


@pytest.fixture(scope="module")
def matriks(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_matriks_renstra(
            PerangkatDaerah.objects.get(kode="DSPPPA-BATUBARA"), 2026, tanggal=date(2025, 6, 2)
        )


def _baris_kode(tabel, kode):
    """The first row of a code as {column: cell}."""
    return next(dict(tabel.posisi(b)) for b in tabel.baris if len(b.sel) > 2 and b.sel[2].nilai == kode)


def _butir(tabel, tanda):
    """The numbered note of the list under the table."""
    return next(b for b in tabel.catatan_data if str(b.nomor) == tanda)


def _tercetak(tabel, kode):
    """{year or "akhir": printed text} of the target cells of a row."""
    sel = _baris_kode(tabel, kode)
    return {k: sel[i].nilai for k, i in KOLOM.items() if sel[i].kelas == "tercetak"}


# seed 002, Tabel 4.1: rows printing targets and no indicator (2.08.02: satuan "%")
@pytest.mark.parametrize(
    ("kode", "dicetak"),
    [
        ("2.08.02", {2025: "36", 2026: "36", 2027: "140", 2028: "140", 2029: "140", "akhir": "492"}),
        ("2.08.02.2.01", {2027: "103", 2028: "103", 2029: "103", "akhir": "309"}),
        ("2.08.02.2.03.0002", {2026: "1"}),
        ("2.08.03.2.03", {2026: "5", 2027: "11", 2028: "11", 2029: "11", "akhir": "38"}),
        ("2.08.04", {2025: "1", 2026: "1", 2027: "33", 2028: "33", 2029: "33", "akhir": "101"}),
        ("2.08.04.2.02.0002", {2025: "1", 2026: "1", "akhir": "2"}),
        ("2.08.06.2.01.0001", {2025: "1", 2026: "1", "akhir": "2"}),
    ],
)
def test_targets_printed_on_a_row_without_indicator_are_printed_where_the_document_prints_them(matriks, kode, dicetak):
    assert _tercetak(matriks.bagian[0], kode) == dicetak


def test_the_fifty_targets_without_indicator_each_stand_in_their_cell_with_one_note_per_row(matriks):
    tabel = matriks.bagian[0]
    sel = [s for b in tabel.baris for s in b.sel if s.kelas == "tercetak"]
    assert len(sel) == 50
    assert len([s for s in sel if s.tanda]) == 12  # one note per row, beside its first figure
    program = _baris_kode(tabel, "2.08.02")
    butir = _butir(tabel, program[KOLOM[2025]].tanda)
    assert butir.pesan.startswith(
        "Target tercetak pada baris tanpa indikator (satuan %): 2025: 36; 2026: 36; 2027: 140; 2028: 140; "
        "2029: 140; akhir: 492."
    )
    assert (butir.letak, butir.tercetak) == (
        "Renstra 2025–2029 DSPPPA Kabupaten Batu Bara",
        "2025: 36; 2026: 36; 2027: 140; 2028: 140; 2029: 140; akhir: 492",
    )


def test_figures_without_indicator_are_not_targets_and_count_nowhere(matriks):
    """They are a data note's printed value: no indicator of the program holds them."""
    assert not Indikator.objects.filter(program__kode="2.08.02", program__renstra__opd__kode="DSPPPA-BATUBARA")
    catatan = CatatanData.objects.get(program__kode="2.08.02", medan="target")
    assert catatan.tercetak == "2025: 36; 2026: 36; 2027: 140; 2028: 140; 2029: 140; akhir: 492"


@pytest.mark.parametrize(
    ("kode", "aturan", "tercetak", "teks_aturan"),
    [
        ("1.06.01.2.02", Decimal(100), "500", "target tahun terakhir"),  # 5 x 100 %
        ("1.06.04", Decimal(21199), "69.339", "target tahun terakhir"),  # "persen" summed
        ("2.08.03", Decimal(31), "99", "target tahun terakhir"),  # a ratio summed
        ("2.08.06.2.01.0003", Decimal(15), "17", "jumlah target tahunan"),  # 5 + 5 + 5
        ("2.08.02.2.03.0007", Decimal(3), "4", "jumlah target tahunan"),  # 1 + 1 + 1
    ],
)
def test_kondisi_akhir_is_the_rule_figure_with_a_note_naming_the_printed_one(
    matriks, kode, aturan, tercetak, teks_aturan
):
    tabel = matriks.bagian[0]
    akhir = _baris_kode(tabel, kode)[KOLOM["akhir"]]
    assert akhir.nilai == aturan and akhir.tanda
    butir = _butir(tabel, akhir.tanda)
    assert butir.pesan.startswith(
        f"Kondisi akhir tercetak {tercetak} di dokumen, menurut aturan indikator ({teks_aturan}) "
    )
    assert butir.tercetak == tercetak and butir.dihitung == rules.format_nilai(aturan)


def test_eleven_kondisi_akhir_notes_numbered_in_the_printed_order(matriks):
    catatan = matriks.bagian[0].catatan_data
    assert len([c for c in catatan if c.pesan.startswith("Kondisi akhir tercetak")]) == 11
    assert [c.nomor for c in catatan] == list(range(1, 24))
    tanda = [int(s.tanda) for b in matriks.bagian[0].baris for s in b.sel if s.tanda]
    assert tanda == list(range(1, 24))


def test_no_note_when_the_printed_kondisi_akhir_agrees_or_none_is_known():
    target = [SimpleNamespace(tahun=th, nilai=Decimal(5), teks="", tertulis=None) for th in TAHUN[:3]]
    ind = SimpleNamespace(target_per_tahun=target, cara_tahunan=Indikator.CaraTahunan.KUMULATIF)
    assert catatan_kondisi_akhir(ind, "15") is None
    assert catatan_kondisi_akhir(ind, "") is None
    assert catatan_kondisi_akhir(ind, "17") == (
        "Kondisi akhir tercetak 17 di dokumen, menurut aturan indikator (jumlah target tahunan) 15."
    )


def test_bidang_urusan_headings_of_seed_002_stand_above_their_programs(matriks):
    tabel = matriks.bagian[0]
    kunci = [b.kunci for b in tabel.baris]
    # seed 002, Tabel 4.1: "1 06 URUSAN PEMERINTAHAN B IDANG SOSIAL", "2 08 URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN …"
    sosial = next(b for b in tabel.baris if b.kunci == "urusan-1.06")
    pppa = next(b for b in tabel.baris if b.kunci == "urusan-2.08")
    assert sosial.sel[3].nilai == "URUSAN PEMERINTAHAN BIDANG SOSIAL"
    assert pppa.sel[3].nilai.startswith("URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN")
    assert tabel.baris[kunci.index("urusan-2.08") + 1].sel[2].nilai == "2.08.02"
    assert "urusan-1" in kunci and "urusan-2" in kunci


def test_html_prints_headings_figures_and_numbered_notes(matriks):
    html = render_dokumen(matriks)
    assert "URUSAN PEMERINTAHAN BIDANG SOSIAL" in html
    assert re.search(r'<sup class="tanda-catatan">\d+</sup>', html)
    assert CATATAN_500 in html and 'class="catatan-data-tabel"' in html
    assert "Target tercetak pada baris tanpa indikator (satuan %)" in html


def test_xlsx_keeps_the_note_on_the_cell_and_the_notes_under_the_table(matriks):
    ws = load_workbook(BytesIO(render_xlsx(matriks)))["Matriks Renstra"]
    baris = next(r for r in ws.iter_rows() if r[2].value == "1.06.01.2.02")
    akhir = baris[KOLOM["akhir"]]
    assert akhir.value == 100 and CATATAN_500 in akhir.comment.text
    program = next(r for r in ws.iter_rows() if r[2].value == "2.08.02")
    assert [program[KOLOM[th]].value for th in TAHUN] == ["36", "36", "140", "140", "140"]
    assert any(r[2].value == "1.06" and r[3].value == "URUSAN PEMERINTAHAN BIDANG SOSIAL" for r in ws.iter_rows())
    teks = [r[0].value for r in ws.iter_rows() if isinstance(r[0].value, str)]
    assert "Catatan data" in teks and any(
        t.endswith(
            f". {CATATAN_500} Dibaca dari: Renstra 2025–2029 DSPPPA Kabupaten Batu Bara. "
            "Nilai tercetak 500; dihitung 100."
        )
        for t in teks
    )


@perlu_pdf
def test_pdf_prints_headings_figures_and_notes(matriks, tmp_path):
    teks, _ = teks_pdf(render_pdf(matriks), tmp_path, tata_letak=False)
    datar = " ".join(teks.split())
    assert "URUSAN PEMERINTAHAN BIDANG SOSIAL" in datar
    assert "Kondisi akhir tercetak 69.339 di dokumen" in datar
    assert "akhir: 492" in datar


def test_an_open_total_note_of_an_import_is_numbered_beside_the_nodes_pagu(tmp_path):
    """The seed matrix imported with the printed total of row 114 said right (pagu 2026 printed
    Rp 145.004.000 where its sub kegiatan sum to Rp 385.004.000): the note stays open and is
    numbered beside the node's 2026 pagu."""
    from kinerja import importers
    from kinerja.importers import keputusan
    from kinerja.tests.seed_xlsx import baris_matriks_renstra, perbaiki_matriks_renstra, tulis_xlsx
    from renstra.tests.factories import PerangkatDaerahFactory

    berkas = tulis_xlsx(tmp_path / "matriks.xlsx", {"Tabel 4.1": perbaiki_matriks_renstra(baris_matriks_renstra())})
    opd = PerangkatDaerahFactory()
    importers.jalankan("matriks-renstra", berkas, opd=opd, tahun=2025, simpan=True, keputusan=keputusan.TOTAL)
    catatan = CatatanData.objects.get(opd=opd, jenis="jumlah", medan="pagu")

    tabel = build_matriks_renstra(opd, 2026, tanggal=date(2025, 6, 2)).bagian[0]

    (butir,) = [c for c in tabel.catatan_data if c.pesan == catatan.pesan]
    (sel,) = [s for b in tabel.baris for s in b.sel if s.tanda == str(butir.nomor)]
    assert sel.nilai == 385_004_000  # the 2026 pagu, the sum of its sub kegiatan
    assert (butir.tercetak, butir.dihitung) == ("Rp 145.004.000", "Rp 385.004.000")
