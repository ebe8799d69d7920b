"""Typesetting of the printed reports (issue 20): no word split without a hyphen, no number or
code broken inside, no text outside its cell, the LKjIP's front matter numbered in roman.

Every demo report is laid out by WeasyPrint exactly as `renderers.pdf.cetak_html` prints it, and
the layout is read back from WeasyPrint's own boxes (`HTML(...).render()`: pages, table cells,
their lines and the text on them, with positions): exact, and no extra dependency."""

import html as html_mod
import re
import subprocess
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest
from django.conf import settings

from laporan.builders import LAPORAN
from laporan.dokumen import Jenis, Kolom, Sel, Tabel, kode, rupiah, teks
from laporan.renderers.html import render_dokumen
from laporan.renderers.pdf import render_pdf, siapkan_cetak
from laporan.templatetags.laporan_tampil import tampil_html
from renstra.models import PerangkatDaerah

from .conftest import perlu_pdf

TANGGAL = date(2025, 1, 15)
DEMO = [("DSPPPA-BELITUNG", 2024), ("DSPPPA-BATUBARA", 2025)]
TOLERANSI = 0.75  # CSS px: rounding of the layout


def _kosakata(html):
    """Every word and number of the document as written (tags, <wbr>, break opportunities and
    soft hyphens removed)."""
    isi = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    isi = isi.replace("<wbr>", "").replace("\u200b", "").replace("\u00ad", "")
    isi = html_mod.unescape(re.sub(r"<[^>]+>", " ", isi))
    return {w.strip(",;()\"'") for w in isi.split()}


def periksa_tata_letak(html):
    """(split, outside, wide) of a document laid out by WeasyPrint: `split` the words and numbers
    of the document broken across two lines of a table cell without a hyphen ("Sanga|t",
    "8.928.|557.353", "42:10000|0"; a break after a slash is a break between words, and two
    pieces that are both words of the document are taken for two words), `outside`
    the texts reaching past their cell's content box (into its padding or beyond its border),
    `wide` the tables whose border box reaches past the right edge of the page's content area
    (page, by how many CSS px)."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    kata = _kosakata(html)
    dokumen = HTML(string=siapkan_cetak(html), base_url=str(settings.BASE_DIR)).render()
    pecah, luber, lebar = [], [], []
    for nomor, halaman in enumerate(dokumen.pages, 1):
        kanan_halaman = halaman._page_box.content_box_x() + halaman._page_box.width
        for sel in halaman._page_box.descendants():
            if isinstance(sel, boxes.TableBox):
                lewat = sel.border_box_x() + sel.border_width() - kanan_halaman
                if lewat > TOLERANSI:
                    lebar.append((nomor, round(lewat, 1)))
            if not isinstance(sel, boxes.TableCellBox):
                continue
            baris = [
                "".join(t.text for t in b.descendants() if isinstance(t, boxes.TextBox)).replace("\u200b", "").strip()
                for b in sel.descendants()
                if isinstance(b, boxes.LineBox)
            ]
            for atas, bawah in pairwise(baris):
                if not atas or not bawah or atas.endswith(("-", "/")):
                    continue
                kiri, kanan = atas.split()[-1].strip(",;()"), bawah.split()[0].strip(",;()")
                # two words of the document side by side are two words ("sumber daya", "sumberdaya")
                if 4 <= len(kiri + kanan) < 40 and kiri + kanan in kata and not {kiri, kanan} <= kata:
                    pecah.append((nomor, f"{kiri}|{kanan}"))
            x0 = sel.content_box_x()
            x1 = x0 + sel.width
            for t in sel.descendants():
                di_luar = isinstance(t, boxes.TextBox) and (
                    t.position_x < x0 - TOLERANSI or t.position_x + t.width > x1 + TOLERANSI
                )
                if di_luar and t.text.strip():
                    luber.append((nomor, t.text, round(t.position_x + t.width - x1, 1)))
    return pecah, luber, lebar


@pytest.mark.parametrize("nama", sorted(LAPORAN))
@pytest.mark.parametrize("kode_opd,tahun", DEMO)
@perlu_pdf
@pytest.mark.django_db
def test_no_word_of_a_demo_report_is_split_without_a_hyphen_nor_outside_its_cell_nor_page(demo, nama, kode_opd, tahun):
    opd = PerangkatDaerah.objects.get(kode=kode_opd)
    laporan = LAPORAN[nama].build(opd, tahun, triwulan=4, bidang=None, tanggal=TANGGAL)

    pecah, luber, lebar = periksa_tata_letak(render_dokumen(laporan))

    assert not pecah, f"split without a hyphen: {pecah[:20]}"
    assert not luber, f"outside its cell: {luber[:20]}"
    assert not lebar, f"table past the page's right edge: {lebar[:20]}"


@perlu_pdf
def test_a_table_wider_than_the_page_is_found_past_its_right_edge():
    angka = '<td class="angka">12.345.678.901</td>'
    html = (
        '<html lang="id"><head><style>@page { size: A4 landscape; margin: 10mm }'
        " td { white-space: nowrap; border: 1px solid }</style></head><body>"
        f"<table><tr>{angka * 30}</tr></table><table><tr>{angka * 3}</tr></table></body></html>"
    )

    pecah, luber, lebar = periksa_tata_letak(html)

    assert not pecah and not luber
    assert len(lebar) == 1 and lebar[0][0] == 1 and lebar[0][1] > 1000  # only the wide one, 30 amounts of ~80 px


def test_a_table_of_twenty_columns_is_marked_for_the_small_type_of_the_wide_forms():
    def tabel(n):
        return Tabel(nama="", judul="", kolom=[Kolom() for _ in range(n)], kepala=[], baris=[])

    assert tabel(22).padat and not tabel(19).padat


def test_the_print_stylesheets_use_no_has_selector():
    """WeasyPrint matches `:has()` by walking the whole table for every cell: the Renja evaluation
    took 125 s of CPU with one such rule and 15 s with a class instead."""
    css = [p for p in (settings.BASE_DIR / "static" / "css").glob("*.css") if ":has(" in p.read_text()]

    assert css == []


def test_a_number_among_words_is_kept_whole_and_a_number_cell_is_printed_bare():
    sasaran = Sel("42:100000", Jenis.NILAI)
    kalimat = teks("Target 2026 sebesar Rp 1.250.000 untuk 12 desa")

    assert str(tampil_html(sasaran)) == '<span class="utuh">42:100000</span>'
    assert str(tampil_html(kalimat)) == ('Target 2026 sebesar Rp <span class="utuh">1.250.000</span> untuk 12 desa')
    assert str(tampil_html(rupiah(Decimal(12_345_678_901)))) == "12.345.678.901"  # no <wbr>
    assert str(tampil_html(kode("1.06.02.2.03.0001"))) == "1.06.02.2.03.0001"


def test_an_empty_column_gets_no_share_of_the_width_and_the_others_share_it():
    tabel = Tabel(
        "t",
        [Kolom(5), Kolom(10), Kolom(30), Kolom(10), Kolom(10)],
        [],
        [_baris(kode("1.06.01"), teks("Sekretariat"), rupiah(Decimal(7_561_886_363)), teks("Sangat Tinggi"))],
    )

    assert tabel.lebar_persen == [None, 16.67, 50.0, 16.67, 16.67]


def test_a_printed_share_below_the_width_gives_the_room_to_the_words_and_xlsx_keeps_the_width():
    rp = Kolom(15, lebar_cetak=10)
    tabel = Tabel("t", [Kolom(5), Kolom(20, lebar_cetak=30), rp], [], [_baris(teks("Program"), rupiah(Decimal(1)))])

    assert tabel.lebar_persen == [None, 75.0, 25.0]  # 30 and 10 of 40, the first column empty
    assert rp.lebar == 15  # the XLSX column width in characters


def _baris(*sel):
    from laporan.dokumen import Baris

    return Baris([teks(None), *sel])


@perlu_pdf
@pytest.mark.django_db
def test_the_lkjip_numbers_its_front_matter_in_roman_and_its_chapters_from_1(demo, tmp_path):
    laporan = LAPORAN["lkjip"].build(demo, 2024, triwulan=4, bidang=None, tanggal=TANGGAL)
    berkas = tmp_path / "lkjip.pdf"
    berkas.write_bytes(render_pdf(laporan))

    def halaman(n):
        return subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(berkas), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "Halaman" not in halaman(1)  # the cover
    assert re.search(r"Halaman ii\s*$", halaman(2).strip())
    bab_1 = next(n for n in range(2, 12) if re.search(r"^\s*BAB I\s*$", halaman(n), re.M))
    assert re.search(r"Halaman iii|Halaman iv|Halaman v", halaman(bab_1 - 1))
    assert re.search(r"Halaman 1\s*$", halaman(bab_1).strip())
    daftar = next(halaman(n) for n in range(2, bab_1) if "daftar isi" in halaman(n).lower())
    assert re.search(r"BAB I Pendahuluan \.+ 1$", daftar, re.M)
    assert re.search(r"Kata Pengantar \.+ ii$", daftar, re.M)
