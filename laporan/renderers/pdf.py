"""Any built report as PDF: the standalone HTML document printed by WeasyPrint (A4, the report's
orientation, the table header repeated on every page, "Halaman X dari Y")."""

import hashlib

from django.conf import settings
from django.core.cache import cache

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


def render_pdf(laporan):
    """The report as PDF bytes. Printing takes WeasyPrint seconds while the HTML takes a tenth of
    one, and the same HTML (its styles inlined, its data and print date included) always prints
    the same PDF: the PDF is kept in the cache under the HTML's digest for
    KINERJA_SIMPAN_PDF_DETIK seconds, so a report downloaded again unchanged comes at once."""
    pesan = periksa_pdf()
    if pesan:
        raise PdfTidakTersedia(pesan)
    from weasyprint import HTML

    html = render_dokumen(laporan)
    kunci = "kinerja:pdf:" + hashlib.sha256(html.encode()).hexdigest()
    isi = cache.get(kunci)
    if isi is None:
        isi = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
        if settings.KINERJA_SIMPAN_PDF_DETIK:
            cache.set(kunci, isi, settings.KINERJA_SIMPAN_PDF_DETIK)
    return isi
