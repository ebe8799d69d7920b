"""Any built report as an XLSX workbook: one sheet per table (or tree), with the title block, the
merged multi-row header, real numeric cells with number formats, frozen header rows, column
widths, A4 print setup with the header repeated on every printed page, and the signatures. A
numbered chart (Gambar) is its caption and its text alternative, under the table before it."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kinerja import rules
from laporan.dokumen import Gambar, Jenis, Paragraf, Pohon, Tabel
from laporan.templatetags.laporan_tampil import TAK_TERHITUNG
from renstra.resources import sel_teks

GARIS = Side(style="thin", color="808080")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
LATAR_KEPALA = PatternFill("solid", fgColor="DCE6EA")
LATAR_KELOMPOK = PatternFill("solid", fgColor="F2F5F7")
TEBAL = Font(bold=True)
JUDUL = Font(bold=True, size=12)

FORMAT = {
    Jenis.ANGKA: "#,##0.00",
    Jenis.PERSEN: '#,##0.00"%"',
    Jenis.RUPIAH: "#,##0",
}


def format_angka(sel):
    """The number format of a numeric cell: a measured value keeps no decimals when whole."""
    if sel.jenis == Jenis.NILAI:
        return "#,##0" if sel.nilai == int(sel.nilai) else "#,##0.00"
    return FORMAT[sel.jenis]


def _tulis(ws, baris, kolom, teks):
    """A text cell that stays text (renstra.resources.sel_teks): a name or a narrative typed by a
    user never becomes a formula, also when someone edits the cell."""
    return sel_teks(ws.cell(row=baris, column=kolom, value=teks))


def nilai_sel(sel):
    """The number a numeric cell holds. A percentage is the value itself (its number format
    rounds half-up as the page does), except where the region truncates (KINERJA_PEMBULATAN =
    potong): then the value already cut at the decimals shown, so the sheet shows the page's digits."""
    if sel.jenis in (Jenis.PERSEN, Jenis.ANGKA) and rules.pembulatan() == rules.POTONG:
        return rules.bulatkan_tampil(sel.nilai, 2)
    return sel.nilai


def _isi(ws, baris, kolom, sel):
    if sel.angka:
        c = ws.cell(row=baris, column=kolom, value=nilai_sel(sel))
        c.number_format = format_angka(sel)
        c.alignment = Alignment(horizontal="right", vertical="top")
        if sel.tanda:  # a data note's number: the note, under the table, also on the cell
            c.comment = Comment(f"Catatan data {sel.tanda}: {sel.catatan}", "Kinerja")
        return c
    if sel.jenis == Jenis.GRAFIK:
        isi = sel.nilai.uraian if sel.nilai else None  # a chart in a cell is its text on a sheet
    elif sel.teks:
        isi = sel.teks
    elif sel.nilai is None:
        isi = TAK_TERHITUNG if sel.catatan else None
    else:
        isi = str(sel.nilai)
    c = _tulis(ws, baris, kolom, isi)
    if sel.catatan:
        c.comment = Comment(sel.catatan, "Kinerja")
    c.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if sel.teks else None)
    return c


def _judul(ws, laporan, lebar, baris):
    for teks in laporan.judul:
        _tulis(ws, baris, 1, teks).font = JUDUL
        ws.cell(row=baris, column=1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=lebar)
        baris += 1
    for label, isi in laporan.keterangan:
        _tulis(ws, baris, 1, f"{label}: {isi}")
        baris += 1
    return baris + 1


def _kepala(ws, tabel, baris_awal):
    """Write the multi-row header with its merges; returns the first body row."""
    terisi = set()
    for r, baris in enumerate(tabel.kepala):
        k = 1
        for kepala in baris:
            while (r, k) in terisi:
                k += 1
            for dr in range(kepala.baris):
                for dk in range(kepala.kolom):
                    terisi.add((r + dr, k + dk))
            _tulis(ws, baris_awal + r, k, kepala.teks)
            if kepala.baris > 1 or kepala.kolom > 1:
                ws.merge_cells(
                    start_row=baris_awal + r,
                    start_column=k,
                    end_row=baris_awal + r + kepala.baris - 1,
                    end_column=k + kepala.kolom - 1,
                )
            k += kepala.kolom
    akhir = baris_awal + len(tabel.kepala)
    for row in ws.iter_rows(min_row=baris_awal, max_row=akhir - 1, max_col=tabel.jumlah_kolom):
        for c in row:
            c.font = TEBAL
            c.fill = LATAR_KEPALA
            c.border = BINGKAI
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return akhir


def _badan(ws, tabel, baris):
    menjorok = {i for i, k in enumerate(tabel.kolom) if k.menjorok}
    for b in tabel.baris:
        for i, sel in tabel.posisi(b):
            k = i + 1
            c = _isi(ws, baris, k, sel)
            if sel.kolom > 1:
                ws.merge_cells(start_row=baris, start_column=k, end_row=baris, end_column=k + sel.kolom - 1)
            if i in menjorok and b.tingkat:
                c.alignment = Alignment(wrap_text=True, vertical="top", indent=b.tingkat)
        for c in ws[baris][: tabel.jumlah_kolom]:
            c.border = BINGKAI
            if b.tebal:
                c.font = TEBAL
            if b.jenis == "kelompok":
                c.fill = LATAR_KELOMPOK
        baris += 1
    return baris


def _penanda(ws, laporan, baris, lebar):
    """The signature blocks side by side, the last one at the right edge."""
    if not laporan.penanda:
        return baris
    baris += 1
    jumlah = len(laporan.penanda)
    for i, p in enumerate(laporan.penanda):
        kolom = max(1, lebar - 2) if i == jumlah - 1 else 1 + i * max(1, lebar // jumlah)
        isi = []
        if p.tanggal or p.tempat:
            isi.append(", ".join(x for x in (p.tempat, rules.format_tanggal(p.tanggal)) if x))
        if p.sebutan:
            isi.append(p.sebutan)
        isi += [p.jabatan, "", "", "", p.nama]
        if p.pangkat:
            isi.append(p.pangkat)
        if p.nip:
            isi.append(f"NIP. {p.nip}")
        for j, teks in enumerate(isi):
            c = _tulis(ws, baris + j, kolom, teks)
            if teks == p.nama:
                c.font = Font(bold=True, underline="single")
    return baris + 10


def _gambar(ws, daftar, baris, lebar):
    """Each chart as two rows: its caption, and the sentence saying what it shows."""
    for g in daftar:
        baris += 1
        _tulis(ws, baris, 1, g.judul).font = TEBAL
        _tulis(ws, baris + 1, 1, g.uraian).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=baris + 1, start_column=1, end_row=baris + 1, end_column=lebar)
        ws.row_dimensions[baris + 1].height = 15 * max(1, len(g.uraian) // 120 + 1)
        baris += 2
    return baris


def _lembar(wb, laporan, tabel, paragraf, terakhir, gambar=()):
    ws = wb.create_sheet(tabel.nama[:31])
    lebar = tabel.jumlah_kolom
    baris = _judul(ws, laporan, lebar, 1)
    for p in paragraf:
        if p.judul:
            _tulis(ws, baris, 1, p.judul).font = TEBAL
            baris += 1
        _tulis(ws, baris, 1, p.teks).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=baris, start_column=1, end_row=baris, end_column=lebar)
        ws.row_dimensions[baris].height = 15 * max(1, len(p.teks) // 120 + 1)
        baris += 2
    if tabel.judul:
        _tulis(ws, baris, 1, tabel.judul).font = TEBAL
        baris += 1
    awal_kepala = baris
    awal_badan = _kepala(ws, tabel, awal_kepala)
    baris = _badan(ws, tabel, awal_badan)
    if tabel.catatan_data:  # the numbered data notes of its cells (each also a comment on its cell)
        _tulis(ws, baris, 1, "Catatan data").font = TEBAL
        baris += 1
        for butir in tabel.catatan_data:
            _tulis(ws, baris, 1, butir.baris)
            baris += 1
    for catatan in tabel.catatan:
        if catatan:
            _tulis(ws, baris, 1, catatan)
            baris += 1
    baris = _gambar(ws, gambar, baris, lebar)
    if terakhir:
        baris += 1
        for catatan in laporan.catatan:
            _tulis(ws, baris, 1, catatan)
            baris += 1
        _penanda(ws, laporan, baris, lebar)
    for i, k in enumerate(tabel.kolom, start=1):
        ws.column_dimensions[get_column_letter(i)].width = k.lebar
    ws.freeze_panes = ws.cell(row=awal_badan, column=1)
    ws.print_title_rows = f"{awal_kepala}:{awal_badan - 1}"
    ws.page_setup.orientation = laporan.orientasi
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.right.text = "Halaman &P dari &N"
    return ws


def _gambar_per_tabel(bagian, tabel):
    """{id of a table: [the charts written under it]}: each chart under the table before it, a
    chart before every table under the first one."""
    hasil, kini = {}, tabel[0] if tabel else None
    for b in bagian:
        if isinstance(b, (Tabel, Pohon)):
            kini = b.tabel if isinstance(b, Pohon) else b
        elif isinstance(b, Gambar) and kini is not None:
            hasil.setdefault(id(kini), []).append(b)
    return hasil


def render_xlsx(laporan):
    """The report as XLSX bytes: a sheet per table (the running text before a table on its sheet,
    unless the report keeps its XLSX to the tables alone)."""
    wb = Workbook()
    wb.remove(wb.active)
    tabel = [b.tabel if isinstance(b, Pohon) else b for b in laporan.bagian if isinstance(b, (Tabel, Pohon))]
    gambar = _gambar_per_tabel(laporan.bagian, tabel)
    paragraf = []
    for b in laporan.bagian:
        if isinstance(b, Paragraf):
            if not laporan.hanya_tabel_xlsx:
                paragraf.append(b)
            continue
        if not isinstance(b, (Tabel, Pohon)):
            continue
        t = b.tabel if isinstance(b, Pohon) else b
        _lembar(wb, laporan, t, paragraf, terakhir=t is tabel[-1], gambar=gambar.get(id(t), ()))
        paragraf = []
    if not wb.worksheets:
        ws = wb.create_sheet("Laporan")
        _judul(ws, laporan, 6, 1)
    wb.properties.title = laporan.judul_utama
    wb.properties.creator = "Kinerja"
    keluaran = BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
