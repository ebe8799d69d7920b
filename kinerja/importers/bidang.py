"""Bidang named in workbooks, matched to the agency's bidang the way people write their names.

Two names are the same bidang when their keys are equal (`kunci_bidang`): case, blanks,
punctuation, HTML remnants and a leading "Bidang" / "Bidang :" do not count, and "&" is "dan".
Such a name is the existing bidang, never a new one ("BIDANG REHABILITASI SOSIAL." is "Bidang
Rehabilitasi Sosial"). A new name close to an existing one is created but reported (`mirip`):
difflib's ratio of the two keys at least `BATAS_MIRIP` (a typo, a letter left out, words
swapped), or the same words in another order. Whether "Bidang Rehabilitasi Sosial Anak" is
"Bidang Rehabilitasi Sosial" is for a person to say; the threshold keeps distinct bidang of one
agency apart ("Pemberdayaan Sosial dan Penanganan Fakir Miskin" and "Pemberdayaan Perempuan dan
Penanganan Fakir Miskin" score 0,87).
"""

import difflib
import re

from .sel import teks

BATAS_MIRIP = 0.9
_TANDA = re.compile(r"[^\w\s]")
_AWALAN = re.compile(r"^bidang\b\s*")


def kunci_bidang(nama):
    """The key two names of one bidang share: "bidang rehabilitasi, sosial." → "rehabilitasi sosial"."""
    s = teks(nama).casefold().replace("&", " dan ")
    s = " ".join(_TANDA.sub(" ", s).split())
    return _AWALAN.sub("", s)


def _kata(kunci):
    return set(kunci.split()) - {"dan"}


def mirip(nama, daftar):
    """The names in `daftar` close to `nama` but not the same bidang, closest first."""
    kunci = kunci_bidang(nama)
    nilai = []
    for lain in daftar:
        k = kunci_bidang(lain)
        if k == kunci:
            continue
        rasio = difflib.SequenceMatcher(None, kunci, k).ratio()
        if rasio >= BATAS_MIRIP or (_kata(kunci) == _kata(k) and _kata(k)):
            nilai.append((-rasio, lain))
    return [lain for _, lain in sorted(nilai)]


class DaftarBidang:
    """The bidang of an agency by key, and the bidang an import creates (by key, with the row
    that named them first)."""

    def __init__(self, bidang):
        self.ada = {kunci_bidang(b.nama): b for b in bidang}
        self.baru = {}

    def cari(self, nama):
        """The existing or new bidang `nama` names, or None."""
        kunci = kunci_bidang(nama)
        return self.ada.get(kunci) or self.baru.get(kunci)

    def tambah(self, bidang):
        self.baru[kunci_bidang(bidang.nama)] = bidang

    def semua_nama(self):
        return [b.nama for b in (*self.ada.values(), *self.baru.values())]
