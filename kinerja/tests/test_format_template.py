"""Templates format numbers only through the rules module's filters."""

import datetime
from decimal import Decimal

from django.template import Context, Template


def _render(teks, **konteks):
    return Template("{% load kinerja_format %}" + teks).render(Context(konteks))


def test_filters_write_numbers_the_indonesian_way():
    assert _render("{{ x|angka }}", x=Decimal("1234567.885")) == "1.234.567,89"
    assert _render("{{ x|angka:0 }}", x=Decimal("34000.4")) == "34.000"
    assert _render("{{ x|angka:'asli' }}", x=Decimal("0.5000")) == "0,5"
    assert _render("{{ x|persen }}", x=Decimal(15) / 17 * 100) == "88,24%"
    assert _render("{{ x|persen|default:'–' }}", x=None) == "–"
    assert _render("{{ x|rupiah }}", x=5_367_987_782) == "Rp 5.367.987.782"
    assert _render("{{ x|tanggal_id }}", x=datetime.date(2025, 3, 4)) == "4 Maret 2025"
