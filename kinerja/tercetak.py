"""Figures a document prints that Kinerja keeps only as a data note's printed value.

The Renstra matrix of seed 002 (Tabel 4.1) prints targets on program, kegiatan and sub kegiatan
rows that have no indicator, neither on the row nor on a row under it: there is no indicator to
hold them as targets. They are kept as one data note (CatatanData, `medan` "target") on the node,
its printed value a row of years written `2025: 36; 2026: 36; akhir: 492`, so that the Matriks
Renstra prints them where the document does, marked as the document's figures.
"""

import re

from . import rules

MEDAN = "target"
AKHIR = "akhir"
_BAGIAN = re.compile(r"^\s*(\d{4}|akhir)\s*:\s*(.+?)\s*$")


def tulis_deret(target, akhir=None):
    """The printed value of such a note: {tahun: Decimal} and the end of period, in the
    document's order and Indonesian notation.

    >>> from decimal import Decimal
    >>> tulis_deret({2026: Decimal("1035"), 2025: Decimal("36")}, Decimal("492"))
    '2025: 36; 2026: 1.035; akhir: 492'
    """
    bagian = [f"{th}: {rules.format_nilai(v)}" for th, v in sorted(target.items())]
    if akhir is not None:
        bagian.append(f"{AKHIR}: {rules.format_nilai(akhir)}")
    return "; ".join(bagian)


def baca_deret(teks):
    """{tahun (int) or "akhir": printed text} of a value written by `tulis_deret`; {} for any
    other text.

    >>> baca_deret("2025: 36; 2026: 1.035; akhir: 492")
    {2025: '36', 2026: '1.035', 'akhir': '492'}
    """
    hasil = {}
    for bagian in (teks or "").split(";"):
        m = _BAGIAN.match(bagian)
        if m is None:
            return {}
        hasil[AKHIR if m.group(1) == AKHIR else int(m.group(1))] = m.group(2)
    return hasil
