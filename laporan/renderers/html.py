"""Any built report as HTML: a page of the site, or a standalone document (its stylesheets
inlined) that the PDF renderer prints and that the command writes to a file."""

from functools import cache

from django.contrib.staticfiles import finders
from django.shortcuts import render
from django.template.loader import render_to_string

GAYA_LAPORAN = "css/laporan.css"
GAYA_CETAK = "css/cetak.css"
GAYA_POHON = "css/pohon.css"


@cache
def _gaya(nama):
    with open(finders.find(nama), encoding="utf-8") as berkas:
        return berkas.read()


def render_halaman(request, laporan, **konteks):
    """The report as a page of the site (with the site's header, links to PDF and XLSX)."""
    return render(request, "laporan/halaman.html", {"laporan": laporan, **konteks})


def render_dokumen(laporan):
    """The report as one self-contained HTML document laid out for A4."""
    return render_to_string(
        "laporan/dokumen.html",
        {"laporan": laporan, "gaya": _gaya(GAYA_LAPORAN) + _gaya(GAYA_POHON) + _gaya(GAYA_CETAK)},
    )
