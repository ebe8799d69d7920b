"""Template filters that write numbers, percentages, rupiah and dates for people. All of them
call kinerja.rules: templates never compute or format on their own."""

from django import template

from kinerja import rules

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    """`{{ x|angka }}` → 1.234,50; `{{ x|angka:0 }}` → 1.235; `{{ x|angka:"asli" }}` keeps the
    number's own decimals."""
    return rules.format_angka(nilai, desimal=None if desimal == "asli" else int(desimal))


@register.filter
def persen(nilai, desimal=2):
    """`{{ capaian|persen }}` → 88,24%; empty for a capaian that cannot be computed."""
    return rules.format_persen(nilai, int(desimal))


@register.filter
def rupiah(nilai):
    """`{{ pagu|rupiah }}` → Rp 5.367.987.782."""
    return rules.format_rupiah(nilai)


@register.filter
def tanggal_id(tanggal):
    """`{{ tanggal|tanggal_id }}` → 3 Januari 2025."""
    return rules.format_tanggal(tanggal)


@register.filter
def target(t):
    """A target as the documents print it: a number, a band, a level or the printed text."""
    return "" if t is None else t.tertulis(lambda d: rules.format_angka(d, desimal=None))
