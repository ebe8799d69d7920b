"""The numbered chart of a long document (dokumen.Gambar): numbered per chapter as the tables are,
drawn inline in HTML (and so in the PDF), its caption and text alternative in XLSX."""

from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from laporan import dokumen as d
from laporan.builders.lkjip.naskah import Naskah
from laporan.grafik import garis
from laporan.renderers.html import render_dokumen
from laporan.renderers.xlsx import render_xlsx

D = Decimal


def _grafik():
    return garis([2023, 2024], [("Target", [D(80), D("98.79")], "#1d4ed8")], "Persentase PMKS")


def _naskah():
    naskah = Naskah({})
    naskah.bab("3", "Akuntabilitas Kinerja", nomor="BAB III")
    naskah.tabel("a", "Satu", [d.Kolom(10)], [[d.Kepala("A")]], [d.Baris([d.teks("x")])])
    naskah.gambar("iku-1", "Target dan Realisasi", _grafik())
    naskah.gambar("iku-2", "Lagi", _grafik())
    naskah.bab("4", "Penutup", nomor="BAB IV")
    naskah.gambar("iku-3", "Bab berikut", _grafik())
    return naskah


def test_charts_are_numbered_per_chapter_like_tables():
    gambar = [b for b in _naskah().bagian if isinstance(b, d.Gambar)]
    assert [g.judul for g in gambar] == [
        "Gambar 3.1 Target dan Realisasi",
        "Gambar 3.2 Lagi",
        "Gambar 4.1 Bab berikut",
    ]
    assert [g.nama for g in gambar] == ["Gambar 3.1", "Gambar 3.2", "Gambar 4.1"]


def _laporan(bagian):
    return d.Laporan(kode="uji", judul=["Uji"], keterangan=[], bagian=bagian, hanya_tabel_xlsx=True)


def test_a_chart_is_drawn_inline_with_its_caption_in_the_document():
    html = render_dokumen(_laporan(_naskah().bagian))
    assert html.count('class="laporan-bagian laporan-gambar"') == 3
    assert '<figcaption class="laporan-gambar-judul">Gambar 3.1 Target dan Realisasi</figcaption>' in html
    assert 'data-seri="Target" data-tahun="2024" data-nilai="98.79"' in html


def test_a_chart_is_its_caption_and_text_under_the_table_before_it_in_xlsx():
    wb = load_workbook(BytesIO(render_xlsx(_laporan(_naskah().bagian))))
    assert wb.sheetnames == ["Tabel 3.1"]  # no sheet of its own
    isi = [c for r in wb["Tabel 3.1"].iter_rows(values_only=True) for c in r if c]
    assert "Gambar 3.1 Target dan Realisasi" in isi and "Gambar 4.1 Bab berikut" in isi
    assert isi.index("Gambar 3.1 Target dan Realisasi") > isi.index("x")
    assert "Target per tahun, 2023–2024" in isi
