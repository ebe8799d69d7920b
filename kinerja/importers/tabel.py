"""The shape of a table in a sheet: where its header is, what each column holds, which rows
are repeated headers or column numbers (a table printed over several pages), and how each
numeric column writes its decimals."""

import itertools
import re

from kinerja import rules

from .hasil import Masalah
from .sel import huruf_kolom, teks

CARI_KEPALA_MAKS = 60
_TAHUN = re.compile(r"^(?:tahun\s*)?(20\d\d)$", re.IGNORECASE)
_KATA_KEPALA = {
    "target",
    "rp",
    "rp.",
    "tahun",
    "realisasi",
    "%",
    "k",
    "w",
    "t",
    "s",
    "satuan",
    "anggaran",
    "pagu",
    "kinerja",
    "keuangan",
}


def tahun_label(isi):
    m = _TAHUN.match(teks(isi))
    return int(m.group(1)) if m else None


def label_kolom(baris_kepala):
    """Column → the lower-case labels above it in the header rows. A merged header cell is read
    as a label followed by empty cells; the label is carried to the right over the empty cells
    of its row while the row below has labels there (a group such as `2025` over Target/Rp)."""
    lebar = max((len(b) for b in baris_kepala), default=0)
    label = {k: [] for k in range(lebar)}
    for i, baris in enumerate(baris_kepala):
        bawah = baris_kepala[i + 1] if i + 1 < len(baris_kepala) else []
        terakhir = ""
        for k in range(lebar):
            isi = teks(baris[k]) if k < len(baris) else ""
            if isi:
                terakhir = isi
                label[k].append(isi.lower())
            elif terakhir and k < len(bawah) and teks(bawah[k]):
                label[k].append(terakhir.lower())
            else:
                terakhir = ""
    return label


def baris_kepala_berulang(baris, penanda):
    """A header repeated on a new page, a row of its sub-labels, or the row of column numbers."""
    isi = [teks(c) for c in baris if teks(c)]
    if not isi:
        return False
    rendah = [s.lower() for s in isi]
    if any(penanda(s) for s in rendah):
        return True
    if len(isi) >= 4 and all(s.isdigit() for s in isi):
        angka = [int(s) for s in isi]
        return all(b > a for a, b in itertools.pairwise(angka)) and angka[-1] - angka[0] < 60
    return all(s in _KATA_KEPALA or tahun_label(s) for s in rendah)


def baris_pemisah(baris):
    """`-----` rows left by a text export between a table and its signature."""
    isi = [teks(c) for c in baris if teks(c)]
    return bool(isi) and all(set(s) <= {"-", "–", "—", "=", "_"} for s in isi) and any(len(s) > 1 for s in isi)


def desimal_kolom(lembar, baris_data, kolom_angka, hasil):
    """Decide the decimal separator of each numeric column from all its cells; a column that
    writes both ways is reported and gets None."""
    keputusan = {}
    for k in kolom_angka:
        sel = [b[k] for _, b in baris_data if k < len(b) and isinstance(b[k], str)]
        desimal = rules.tentukan_desimal(sel)
        if desimal is None:
            hasil.masalah.append(
                Masalah(
                    "Angka di kolom ini ditulis dengan dua cara (koma desimal seperti 3.104,41 dan titik "
                    "desimal seperti 6,110.00). Seragamkan penulisan angkanya.",
                    lembar,
                    None,
                    huruf_kolom(k),
                )
            )
        keputusan[k] = desimal or ","
    return keputusan
