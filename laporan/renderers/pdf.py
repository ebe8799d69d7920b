"""Any built report as PDF: the standalone HTML document printed by WeasyPrint (A4, the report's
orientation, the table header repeated on every page, "Halaman X dari Y").

Printing takes WeasyPrint seconds, so the site never prints in a request: laporan/cetak.py makes
it a job and keeps the printed file. `render_pdf` is the printing itself, for that job, the
`laporan` command and the tests."""

import re

from django.conf import settings

from .html import render_dokumen

# The system libraries WeasyPrint loads, and the fonts the reports are set in (Debian names).
PAKET_SISTEM = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core")
PERINTAH_PASANG = "sudo apt-get install " + " ".join(PAKET_SISTEM)


class PdfTidakTersedia(RuntimeError):
    """WeasyPrint cannot run on this machine: a system library is missing."""


def periksa_pdf():
    """None when PDFs can be made here, else a message in Indonesian naming what to install."""
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi)
    except (ImportError, OSError) as galat:
        return (
            f"PDF tidak dapat dibuat: pustaka sistem untuk WeasyPrint tidak ditemukan ({galat}). "
            f"Pasang dengan: {PERINTAH_PASANG}"
        )
    return None


# A run of text without a break opportunity: characters other than blanks and markup, an entity
# counting as one character.
_TANDA = re.compile(r"(<[^>]*>)")
_PANJANG_RUNTUN = 40
_LEBAR_POTONG = 20
_RUNTUN = re.compile(r"(?:[^\s<>&]|&#?\w+;){" + str(_PANJANG_RUNTUN) + ",}")
_SATUAN = re.compile(r"&#?\w+;|[^&]")
ZWSP = "\u200b"


def beri_titik_putus(html):
    """Give every run of 40 or more characters without a blank (a pasted hash, a row of dashes,
    50.000 letters typed by someone testing the limit) a zero-width break opportunity every 20
    characters, outside <style> and <script>.

    WeasyPrint looks for a line break in such a run character by character, again for every
    line: a 20.000-character run took 12 s, 50.000 about 90 s, and one operator's narrative could
    hold the printer for everyone. Words, numbers and codes are shorter and stay whole.

    >>> beri_titik_putus("<p>" + "x" * 45 + "</p>").count(ZWSP)
    2
    >>> beri_titik_putus("<style>" + "y" * 45 + "</style>").count(ZWSP)
    0
    """
    bagian = _TANDA.split(html)
    di_gaya = False
    for i, teks in enumerate(bagian):
        if i % 2:  # a tag
            nama = teks[1:].split(None, 1)[0].lower().rstrip(">") if len(teks) > 2 else ""
            if nama in ("style", "script"):
                di_gaya = True
            elif nama in ("/style", "/script"):
                di_gaya = False
        elif not di_gaya and len(teks) >= _PANJANG_RUNTUN:
            bagian[i] = _RUNTUN.sub(_potong, teks)
    return "".join(bagian)


def _potong(cocok):
    satuan = _SATUAN.findall(cocok.group())
    return ZWSP.join("".join(satuan[i : i + _LEBAR_POTONG]) for i in range(0, len(satuan), _LEBAR_POTONG))


# A <style> element outside inline SVG (an SVG's own styles apply to it alone and stay there).
_SVG = re.compile(r"(<svg\b.*?</svg>)", re.S | re.I)
_GAYA = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)


def satukan_gaya(html):
    """The document with all its <style> elements made one, in the <head>, in document order (a
    rule repeated word for word kept once, where it first appears).

    Each table of a report brings a <style> with its column widths, and WeasyPrint matches every
    element against every stylesheet separately: the LKjIP's 50 stylesheets meant 450.000
    matches, 5 of its 16 s of CPU.

    >>> print(satukan_gaya("<head><style>a{}</style></head><body><style>b{}</style><p>x</p></body>"))
    <head><style>a{}
    b{}</style></head><body><p>x</p></body>
    """
    isi = []
    bagian = _SVG.split(html)
    for i in range(0, len(bagian), 2):  # outside SVG
        isi += _GAYA.findall(bagian[i])
        bagian[i] = _GAYA.sub("", bagian[i])
    if len(isi) < 2:
        return html
    gaya = "\n".join(dict.fromkeys(isi))
    return "".join(bagian).replace("</head>", f"<style>{gaya}</style></head>", 1)


def siapkan_cetak(html):
    """The HTML that WeasyPrint lays out: break opportunities in long runs, one stylesheet."""
    return satukan_gaya(beri_titik_putus(html))


def cetak_html(html):
    """PDF bytes of a standalone HTML document."""
    pesan = periksa_pdf()
    if pesan:
        raise PdfTidakTersedia(pesan)
    from weasyprint import HTML

    return HTML(string=siapkan_cetak(html), base_url=str(settings.BASE_DIR)).write_pdf()


def render_pdf(laporan):
    """The report as PDF bytes, printed now."""
    return cetak_html(render_dokumen(laporan))
