"""How a report cell is written on screen and in PDF: through the rules module's formats."""

import hashlib
import html
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from kinerja import rules
from laporan.dokumen import Jenis

register = template.Library()

TEMPLAT_BAGIAN = {
    "Tabel": "laporan/_tabel.html",
    "Pohon": "laporan/_pohon.html",
    "Paragraf": "laporan/_paragraf.html",
    "Judul": "laporan/_judul.html",
    "DaftarIsi": "laporan/_daftar_isi.html",
    "Sampul": "laporan/_sampul.html",
    "Butir": "laporan/_butir.html",
    "Tulisan": "laporan/_tulisan.html",
    "Penanda": "laporan/_penanda.html",
    "Grafik": "laporan/_grafik.html",
    "Gambar": "laporan/_gambar.html",
}


@register.filter
def kelas_lebar(tabel):
    """A class naming a table's column widths: the widths are set by a <style> of the table's own
    (the Content-Security-Policy forbids style attributes). Named after the widths, not the
    object, so that the same report always gives the same HTML (the PDF cache relies on it)."""
    lebar = ",".join("-" if x is None else f"{x:.2f}" for x in tabel.lebar_persen)
    return "lebar-" + hashlib.sha1(lebar.encode()).hexdigest()[:10]


@register.filter
def templat_bagian(bagian):
    """`{% include bagian|templat_bagian %}`: the template that shows a part of a report."""
    return TEMPLAT_BAGIAN[type(bagian).__name__]


@register.filter
def alinea(teks):
    """A text written by people as paragraphs: blank lines separate them, single line breaks
    stay (lists typed one item per line)."""
    return [a.strip("\n") for a in teks.replace("\r\n", "\n").split("\n\n") if a.strip()]


TAK_TERHITUNG = "–"


def tulis_sel(sel):
    """The text of a cell as printed: Indonesian numbers, "–" for what cannot be computed."""
    if sel.teks:
        return sel.teks
    if sel.nilai is None:
        return TAK_TERHITUNG if sel.catatan else ""
    if sel.jenis == Jenis.GRAFIK:
        return sel.nilai.uraian
    if sel.jenis == Jenis.NILAI:
        return rules.format_nilai(sel.nilai)
    if sel.jenis == Jenis.ANGKA:  # a capaian in a column headed "%": the region's rounding
        return rules.format_angka_persen(sel.nilai)
    if sel.jenis == Jenis.PERSEN:
        return rules.format_persen(sel.nilai)
    if sel.jenis == Jenis.RUPIAH:
        return rules.format_angka(sel.nilai, 0)
    return str(sel.nilai)


@register.filter
def tampil(sel):
    """`{{ sel|tampil }}`: the cell's text."""
    return tulis_sel(sel)


# A number or code inside a cell's words (a target "42:100000", "Rp 1.250.000", "2024–2026"): kept
# on one line. Longer runs are left breakable: renderers.pdf gives them break opportunities.
_UTUH = re.compile(r"(?<!\S)\d[\d.,:/%\u2013+-]{3,38}[\d%](?!\S)")


@register.filter
def tampil_html(sel):
    """`{{ sel|tampil_html }}`: the cell's text. Numbers and codes are never broken inside: a
    number or code cell is set on one line by the stylesheet (its column sized to hold it), a
    number or code among words is kept whole in a `span.utuh`; words hyphenate at Indonesian
    syllables (lang="id", `hyphens: auto`)."""
    if sel.jenis == Jenis.GRAFIK and sel.nilai is not None:
        return mark_safe(sel.nilai.svg)  # drawn by laporan.grafik, its texts escaped
    teks = tulis_sel(sel)
    if sel.angka or sel.jenis == Jenis.KODE:
        return teks
    html = str(escape(teks))
    if any(c.isdigit() for c in teks):
        html = _UTUH.sub(lambda m: f'<span class="utuh">{m.group()}</span>', html)
    return mark_safe(html.replace("\n", "<br>"))


# A run longer than any Indonesian word (a pasted link, a formula): its cell may break it anywhere
# (class "panjang"), so that its column does not widen the table past the page (laid out
# automatically, a column is at least as wide as its longest unbreakable run).
_PANJANG = re.compile(r"\S{18,}")


@register.filter
def berjalur_panjang(sel):
    """Whether the cell's text has a run of 18 or more characters without a blank (not a number
    or a code: those have their column sized to them)."""
    if sel.angka or sel.jenis in (Jenis.KODE, Jenis.GRAFIK):
        return False
    return bool(_PANJANG.search(tulis_sel(sel)))


def _aman(x):
    """`conditional_escape` without its lazy-string wrapper (called thousands of times a page)."""
    return x.__html__() if hasattr(x, "__html__") else html.escape(str(x))


_DIGIT = re.compile(r"\d")


def _isi_html(sel, teks, angka):
    """The inside of a body cell as HTML: `tampil_html` on the text already written."""
    if sel.jenis == Jenis.GRAFIK and sel.nilai is not None:
        return sel.nilai.svg  # drawn by laporan.grafik, its texts escaped
    if angka or sel.jenis == Jenis.KODE:
        return _aman(teks)
    isi = html.escape(str(teks))
    if _DIGIT.search(teks):
        isi = _UTUH.sub(lambda m: f'<span class="utuh">{m.group()}</span>', isi)
    return isi.replace("\n", "<br>")


def sel_html(sel, jorok):
    """One body cell as `<td>`: the markup the cell loop of _tabel.html wrote, in Python (a table
    of the Renja evaluation has thousands of cells; a template costs a lookup per attribute)."""
    teks = tulis_sel(sel)
    angka = sel.angka
    kelas = ["sel-" + html.escape(sel.jenis)]
    if jorok:
        kelas.append("jorok")
    if angka:
        kelas.append("angka")
    if sel.teks:
        kelas.append("sel-kata")
    if sel.kelas:
        kelas.append(_aman(sel.kelas))
    if sel.tanda:
        kelas.append("ber-catatan")
    if not angka and sel.jenis not in (Jenis.KODE, Jenis.GRAFIK) and _PANJANG.search(teks):
        kelas.append("panjang")
    rentang = f' colspan="{sel.kolom}"' if sel.kolom > 1 else ""
    judul = f' title="{_aman(sel.catatan)}"' if sel.catatan else ""
    isi = _isi_html(sel, teks, angka)
    if sel.tautan:
        isi = f'<a href="{_aman(sel.tautan)}">{isi}</a>'
    if sel.kelas and "pencilan" in sel.kelas.split():
        isi += '<sup class="tanda-pencilan">*</sup>'
    if sel.tanda:
        isi += f'<wbr><sup class="tanda-catatan">{_aman(sel.tanda)}</sup>'
    return f'<td{rentang} class="{" ".join(kelas)}"{judul}>{isi}</td>'


@register.filter
def baris_html(tabel):
    """`{% for tr in tabel|baris_html %}`: each body row of the table as its `<tr>`."""
    menjorok = {i for i, k in enumerate(tabel.kolom) if k.menjorok}
    hasil = []
    for b in tabel.baris:
        sel = "".join(sel_html(s, k in menjorok) for k, s in tabel.posisi(b))
        hasil.append(
            mark_safe(
                f'<tr class="baris-{html.escape(b.jenis)} tingkat-{b.tingkat}">\n            {sel}\n          </tr>'
            )
        )
    return hasil


@register.simple_tag
def bagi_naskah(laporan):
    """A long document's parts in two: the front matter (cover, kata pengantar, ringkasan, daftar
    isi), numbered in roman on paper, and from the first numbered chapter ("BAB I") on, numbered
    in arabic from 1. Also the anchors of the front matter's headings, whose page the table of
    contents prints in roman. A document without a numbered chapter is all front matter."""
    bagian = list(laporan.bagian)
    mulai = next(
        (i for i, b in enumerate(bagian) if type(b).__name__ == "Judul" and b.tingkat == 1 and b.nomor),
        len(bagian),
    )
    awal = bagian[:mulai]
    jangkar = {b.jangkar for b in awal if type(b).__name__ == "Judul"}
    return {"awal": awal, "isi": bagian[mulai:], "jangkar_awal": jangkar}
