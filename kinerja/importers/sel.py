"""Cells of the agencies' workbooks: text without HTML remnants and labels, numbers decided per
column, codes put together from their parts."""

import re
from datetime import date, datetime
from decimal import Decimal

from kinerja import rules
from renstra.kode import normalkan_kode

from .hasil import _huruf

_TAG = re.compile(r"<[^>]*>")
_SPASI = re.compile(r"\s+")
# "Sub. Kegiatan :", "<i>Sub. Kegiatan</i> :", "Sub . Kegiatan:", "Sub Kegiatan:", "Kegiatan :", "- "
_LABEL = re.compile(
    r"^(?:(?P<sub>sub\s*\.?\s*kegiatan)|(?P<kegiatan>kegiatan)|(?P<program>program))\s*[:.]?\s*",
    re.IGNORECASE,
)
_PENANDA_REFOCUSING = re.compile(r"\brefo[ck]using\b", re.IGNORECASE)
_KODE = re.compile(r"^[0-9X][0-9X.,\s]*$")


def teks(isi):
    """The text of a cell: tags removed, blanks collapsed; numbers as the workbook shows them."""
    if isi is None:
        return ""
    if isinstance(isi, float) and isi.is_integer():
        isi = int(isi)
    if isinstance(isi, datetime | date):
        isi = isi.isoformat()
    return _SPASI.sub(" ", _TAG.sub("", str(isi)).replace("\u00a0", " ")).strip()


def pisah_label(isi):
    """(level named by the label or None, the name without the label): `Sub. Kegiatan : X` →
    ("sub_kegiatan", "X"); a leading `- ` of a listed item is dropped; `PROGRAM X` keeps its
    name (a programme's name starts with the word)."""
    s = teks(isi)
    s = re.sub(r"^-\s*", "", s)
    m = _LABEL.match(s)
    if not m:
        return None, s
    if m.group("program"):
        return "program", s
    level = "sub_kegiatan" if m.group("sub") else "kegiatan"
    return level, s[m.end() :].strip()


def refocusing(isi):
    return bool(_PENANDA_REFOCUSING.search(teks(isi)))


def seperti_kode(isi):
    s = teks(isi)
    return bool(s) and bool(_KODE.match(s)) and any(c.isdigit() for c in s)


def gabung_kode(bagian):
    """A code from the columns a matrix splits it into (`1`, `06`, `02`, `2,03`, `0004`)."""
    isi = [teks(b) for b in bagian]
    isi = [b for b in isi if b]
    return normalkan_kode(".".join(isi)) if isi else ""


def jumlah_bagian(kode):
    return len(kode.split(".")) if kode else 0


def kosong(isi):
    return teks(isi) == ""


def angka(isi, desimal=","):
    """A number from a cell: None for empty or `-`; openpyxl floats through their text."""
    if isinstance(isi, bool):
        raise rules.AngkaTidakValid(f"{'TRUE' if isi else 'FALSE'} bukan angka.")
    if isinstance(isi, float):
        if isi != isi or isi in (float("inf"), float("-inf")):
            raise rules.AngkaTidakValid("Sel ini bukan angka yang dapat dihitung.")
        return Decimal(str(isi))
    if isinstance(isi, int):
        return Decimal(isi)
    nilai = rules.parse_angka(isi, desimal=desimal)
    if nilai is not None and not nilai.is_finite():
        raise rules.AngkaTidakValid(f'"{teks(isi)}" bukan angka yang dapat dihitung.')
    return nilai


def realisasi(isi, desimal=","):
    """A realisation: `-` means nothing was achieved (0), an empty cell that none was reported."""
    s = teks(isi)
    if s in {"-", "–", "—"}:
        return Decimal(0)
    return angka(isi, desimal)


RUPIAH_MAKS = 10**15  # a thousand trillion rupiah: beyond any regional budget


def rupiah(isi, desimal=","):
    """Whole rupiah; raises AngkaTidakValid for a negative or fractional amount."""
    nilai = angka(isi, desimal)
    if nilai is None:
        return None
    if nilai < 0:
        raise rules.AngkaTidakValid(f'"{teks(isi)}" negatif; nilai rupiah tidak boleh negatif.')
    if nilai != nilai.to_integral_value():
        raise rules.AngkaTidakValid(f'"{teks(isi)}" berdesimal; nilai rupiah ditulis dalam rupiah penuh.')
    if nilai >= RUPIAH_MAKS:
        raise rules.AngkaTidakValid(f'"{teks(isi)}" terlalu besar untuk nilai rupiah.')
    return int(nilai)


def sama_teks(a, b):
    """Equal names, ignoring case and blanks (workbooks write `PROGRAM X` for `Program X`)."""
    return teks(a).casefold() == teks(b).casefold()


def huruf_kolom(indeks):
    """`A` for column 0, `AB` for column 27."""
    return _huruf(indeks)
