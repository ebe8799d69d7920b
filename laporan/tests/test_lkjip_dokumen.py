"""The LKjIP of the Belitung demo as PDF and XLSX: a table of contents whose page numbers are the
pages the headings are on, a number on every page but the cover, table headers repeated on each
page a table runs over, wide tables on landscape pages, no row cut at a page break; the XLSX
with one sheet per table and real numbers."""

import re
import subprocess
from datetime import date
from io import BytesIO
from itertools import pairwise

import pytest
from openpyxl import load_workbook

from laporan.builders.lkjip import build_lkjip
from laporan.renderers.pdf import render_pdf
from laporan.renderers.xlsx import render_xlsx
from laporan.templatetags.laporan_tampil import tulis_sel

from .conftest import perlu_pdf

pytestmark = pytest.mark.django_db

TANGGAL = date(2025, 3, 4)


@pytest.fixture(scope="module")
def laporan(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return build_lkjip(demo, 2024, tanggal=TANGGAL)


@pytest.fixture(scope="module")
def halaman(laporan, tmp_path_factory):
    """The text of each page of the PDF, and the size of each page."""
    berkas = tmp_path_factory.mktemp("lkjip") / "lkjip.pdf"
    berkas.write_bytes(render_pdf(laporan))
    teks = subprocess.run(["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(berkas)], capture_output=True, text=True, check=True
    ).stdout
    ukuran = [tuple(float(x) for x in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    return teks.stdout.split("\f")[: len(ukuran)], ukuran


def _rata(teks):
    return " ".join(teks.split())


@perlu_pdf
def test_the_table_of_contents_gives_the_page_each_heading_is_on(halaman):
    teks, _ = halaman
    nomor_daftar = next(n for n, t in enumerate(teks) if "DAFTAR ISI" in t)
    entri = re.findall(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+|[ivxl]+)\s*$", teks[nomor_daftar], flags=re.M)
    assert len(entri) >= 20
    # the last heading: the last appendix printed (Lampiran XII, issue 20)
    assert entri[0] == ("Kata Pengantar", "ii") and entri[-1][0].startswith("Lampiran XII")
    awal = _halaman_bab_1(teks) - 1  # the front matter's pages, numbered in roman
    for judul, tercetak in entri:
        halaman_judul = next(n + 1 for n, t in enumerate(teks) if n != nomor_daftar and _berjudul(t, judul))
        assert halaman_judul == (_romawi(tercetak) if tercetak.isalpha() else awal + int(tercetak)), judul


def _halaman_bab_1(teks):
    return next(n + 1 for n, t in enumerate(teks) if _berjudul(t, "BAB I Pendahuluan"))


def _romawi(teks):
    nilai = {"i": 1, "v": 5, "x": 10, "l": 50}
    angka = [nilai[c] for c in teks]
    return sum(-a if a < b else a for a, b in zip(angka, [*angka[1:], 0], strict=True))


def _berjudul(teks, judul):
    """Whether a page carries the heading `judul` on a line of its own (a chapter in capitals,
    its number and its title on two lines)."""
    baris = [_rata(b) for b in teks.splitlines() if b.strip()]
    if judul.startswith("BAB "):
        nomor, _, nama = judul.removeprefix("BAB ").partition(" ")
        return any(a == f"BAB {nomor}" and b == nama.upper() for a, b in pairwise(baris))
    return judul in baris or judul.upper() in baris


@perlu_pdf
def test_every_page_but_the_cover_is_numbered(halaman):
    teks, _ = halaman
    jumlah = len(teks)
    assert 40 <= jumlah <= 95  # Lampiran X–XII add about 27 pages (issue 20)
    assert "Halaman" not in teks[0] and "LAPORAN KINERJA" in teks[0]
    bab_1 = _halaman_bab_1(teks)
    for n, t in enumerate(teks[1:], start=2):
        nomor = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii"][n] if n < bab_1 else str(n - bab_1 + 1)
        assert re.search(rf"Halaman {nomor}\s*$", t.rstrip()), n  # roman before Bab I, from 1 after


@perlu_pdf
def test_wide_tables_are_on_landscape_pages_with_their_header_on_each(halaman):
    teks, ukuran = halaman
    mendatar = [n for n, (lebar, tinggi) in enumerate(ukuran) if lebar > tinggi]
    assert mendatar, "no landscape page"
    matrik = [n for n in mendatar if "Formulasi/Rumus" in teks[n] or "Lampiran 1 Matrik" in teks[n]]
    keuangan = [n for n in mendatar if "Program, Kegiatan dan Sub Kegiatan" in teks[n]]
    assert len(keuangan) >= 3 and len(matrik) >= 2
    # The header of each table is repeated on every page it runs over.
    for n in keuangan:
        assert "Anggaran Induk" in teks[n] and "Anggaran Perubahan" in teks[n], n
    for n in matrik:
        assert "Teknis Perhitungan" in teks[n], n
    # Portrait text never continues on a landscape page: the page after a wide table is portrait.
    assert all(n + 1 in mendatar or ukuran[n + 1][0] < ukuran[n + 1][1] for n in mendatar if n + 1 < len(ukuran))


@perlu_pdf
def test_no_row_is_cut_at_a_page_break(laporan, halaman):
    """Each row of the budget table, which runs over several pages, has its code and its figures
    of the year on one page."""
    teks, _ = halaman
    keuangan = next(b for b in laporan.bagian if getattr(b, "kunci", "") == "keuangan-program")
    diperiksa = 0
    for b in keuangan.baris:
        if b.jenis == "jumlah":
            continue
        kode, realisasi = tulis_sel(b.sel[0]), tulis_sel(b.sel[-2])
        halaman_kode = [n for n, t in enumerate(teks) if re.search(rf"(^|\s){re.escape(kode)}(\s|$)", t)]
        assert halaman_kode, kode
        if realisasi:
            assert realisasi in teks[halaman_kode[0]], (kode, realisasi)
            diperiksa += 1
    assert diperiksa >= 90


@perlu_pdf
def test_the_pdf_carries_the_figures_and_the_signature(halaman):
    teks = _rata(" ".join(halaman[0]))
    for x in (
        "Tanjungpandan, 4 Maret 2025",
        "KASIMIN, S.IP., MAB",
        "NIP. 19690824 199003 1 004",
        "6.110,00%",
        "3.104,41%",
        "10.314.852.053",
        "9.521.256.875",
        "92,31%",
        "49,20%",
        "Sangat Efisien",
    ):
        assert x in teks, x


def test_the_xlsx_has_a_sheet_per_table_with_numbers(laporan):
    wb = load_workbook(BytesIO(render_xlsx(laporan)))
    tabel = [b for b in laporan.bagian if hasattr(b, "kunci") and hasattr(b, "kepala")]
    assert wb.sheetnames == [t.nama for t in tabel]
    komposisi = next(t for t in tabel if t.kunci == "komposisi-belanja")
    ws = wb[komposisi.nama]
    nilai = [c for row in ws.iter_rows(values_only=True) for c in row]
    assert 10_314_852_053 in nilai and 9_521_256_875 in nilai
    # The running text of the document is not in the workbook: its tables are.
    assert not any(
        isinstance(c, str) and c.startswith("Puji dan syukur")
        for s in wb
        for r in s.iter_rows(values_only=True)
        for c in r
    )
