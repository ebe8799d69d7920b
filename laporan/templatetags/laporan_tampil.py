"""How a report cell is written on screen and in PDF: through the rules module's formats."""

from django import template

from kinerja import rules
from laporan.dokumen import Jenis

register = template.Library()

TAK_TERHITUNG = "–"


def tulis_sel(sel):
    """The text of a cell as printed: Indonesian numbers, "–" for what cannot be computed."""
    if sel.teks:
        return sel.teks
    if sel.nilai is None:
        return TAK_TERHITUNG if sel.catatan else ""
    if sel.jenis == Jenis.NILAI:
        return rules.format_nilai(sel.nilai)
    if sel.jenis == Jenis.ANGKA:
        return rules.format_angka(sel.nilai)
    if sel.jenis == Jenis.PERSEN:
        return rules.format_persen(sel.nilai)
    if sel.jenis == Jenis.RUPIAH:
        return rules.format_angka(sel.nilai, 0)
    return str(sel.nilai)


@register.filter
def tampil(sel):
    """`{{ sel|tampil }}`: the cell's text."""
    return tulis_sel(sel)


@register.filter
def tanggal_id(tanggal):
    return rules.format_tanggal(tanggal)
