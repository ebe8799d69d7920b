"""Template filters that format numbers for people; all of them call kinerja.rules."""

from django import template

from kinerja import rules

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    """`{{ x|angka }}` → 1.234,50; `{{ x|angka:"asli" }}` keeps the number's own decimals."""
    return rules.format_angka(nilai, desimal=None if desimal == "asli" else int(desimal))


@register.filter
def target(t):
    """A target as the documents print it: a number, a band, a level or the printed text."""
    return "" if t is None else t.tertulis(lambda d: rules.format_angka(d, desimal=None))
