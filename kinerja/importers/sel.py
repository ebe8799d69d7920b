"""Cells of the agencies' workbooks: text without HTML remnants and labels, numbers decided per
column, codes put together from their parts."""

import functools
import re
from datetime import date, datetime
from decimal import Decimal

from kinerja import rules
from renstra import kode as kode_rules
from renstra.kode import normalkan_kode

from .hasil import huruf_kolom as huruf_kolom  # columns are named where cells are read

_TAG = re.compile(r"<[^>]*>")
_SPASI = re.compile(r"\s+")
# "Sub. Kegiatan :", "<i>Sub. Kegiatan</i> :", "Sub . Kegiatan:", "Sub Kegiatan:", "Kegiatan :", "- "
_LABEL = re.compile(
    r"^(?:(?P<sub>sub\s*\.?\s*kegiatan)|(?P<kegiatan>kegiatan)|(?P<program>program))\s*[:.]?\s*",
    re.IGNORECASE,
)
_PENANDA_REFOCUSING = re.compile(r"\brefo[ck]using\b", re.IGNORECASE)
_KODE = re.compile(r"^[0-9X][0-9X.,\s]*$")
_TRIWULAN = re.compile(
    r"^(?P<awalan>(?:realisasi\s*)?(?:tw|triwulan)\s*\.?)?\s*(?P<tw>iv|i{1,3}|[1-4])$", re.IGNORECASE
)
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_JUMLAH = {"jumlah", "total", "t o t a l", "jumlah total"}
# The level of a row from the number of parts of its code (urusan and bidang urusan have none).
LEVEL_MENURUT_BAGIAN = {3: kode_rules.PROGRAM, 5: kode_rules.KEGIATAN, 6: kode_rules.SUB_KEGIATAN}
KODE_SAH = re.compile(r"[0-9X.]+")


def isi(baris, k):
    """The cell of column `k` in a row (None past its end or when there is no such column)."""
    return baris[k] if k is not None and k < len(baris) else None


def baris_jumlah(teks_sel):
    """A total row (`JUMLAH`, `T O T A L`): a sum, checked, never stored."""
    return teks(teks_sel).lower() in _JUMLAH


def triwulan_label(label, awalan_wajib=False):
    """The quarter a header label names (`TW 1`, `Triwulan IV`, `Realisasi TW II`; a bare `1`
    unless `awalan_wajib`), or None."""
    m = _TRIWULAN.match(label.strip())
    if not m or (awalan_wajib and not m.group("awalan")):
        return None
    tw = m.group("tw").lower()
    return _ROMAWI.get(tw) or int(tw)


def persen_tercetak(teks_sel, desimal):
    """(value, decimals printed) of a printed percentage (`88,23%` → (88.23, 2); a number typed
    as 99.75 → (99.75, 2)): compared with the computed one at that precision, so a slip of 0,01
    shows. None for an empty cell or `-`. Raises AngkaTidakValid."""
    nilai = angka(teks_sel, desimal)
    if nilai is None:
        return None
    if isinstance(teks_sel, int | float | Decimal) and not isinstance(teks_sel, bool):
        # typed as a number: the decimals it was typed with (99,75 → 2), as the cell shows them;
        # a long fraction is a formula's result, shown as the documents round (2 decimals)
        desimal_ketik = max(0, -nilai.normalize().as_tuple().exponent) if nilai else 0
        return nilai, desimal_ketik if desimal_ketik <= 4 else 2
    s = teks(teks_sel)
    pecahan = re.search(r"[.,](\d+)%?$", s) if desimal in s else None
    return nilai, len(pecahan.group(1)) if pecahan else 0


def beda_dari_cetakan(dihitung, tercetak, desimal):
    """True when a computed percentage, rounded as printed (at the printed decimals, by the
    region's rule KINERJA_PEMBULATAN: a truncating region's 110,12 for 110,1285… is no slip),
    differs from the printed one."""
    return rules.bulatkan_tampil(dihitung, desimal) != rules.bulatkan_tampil(tercetak, desimal)


def teks(isi):
    """The text of a cell: tags removed, blanks collapsed; numbers as the workbook shows them."""
    if isi is None:
        return ""
    if type(isi) is str:
        return _teks_str(isi)
    if isinstance(isi, float) and isi.is_integer():
        isi = int(isi)
    if isinstance(isi, datetime | date):
        isi = isi.isoformat()
    return _SPASI.sub(" ", _TAG.sub("", str(isi)).replace("\u00a0", " ")).strip()


@functools.lru_cache(maxsize=2**16)
def _teks_str(s):
    """`teks` of a string, remembered: a parser asks for the same cell's text many times."""
    return _SPASI.sub(" ", _TAG.sub("", s).replace("\u00a0", " ")).strip()


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


_NOMOR_URUT = re.compile(r"^(?:\d{1,3}|[a-z]|[ivxl]{1,6})[.)]?$", re.IGNORECASE)


def nama_di_kiri(baris, k_nama):
    """(column, text) of a name written left of the name column (a programme's name in the No
    column, a merged cell starting there), or (None, ""): a cell left of `k_nama` holding words,
    not a code, a number or a row number such as `1.`, `a)`, `IV`."""
    for k in range(min(k_nama, len(baris))):
        s = teks(baris[k])
        if s and not seperti_kode(s) and not _NOMOR_URUT.match(s) and any(c.isalpha() for c in s):
            return k, s
    return None, ""


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


def strip(isi):
    """Whether a cell holds only a dash (`-`, `–`, `—`): the workbooks' way of writing 0."""
    return teks(isi) in {"-", "–", "—"}


def realisasi(isi, desimal=","):
    """A realisation: `-` means nothing was achieved (0), an empty cell that none was reported."""
    if strip(isi):
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
