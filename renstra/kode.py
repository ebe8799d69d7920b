"""Codes of the Renstra hierarchy: their shape per level and their relation to the parent.

Program, kegiatan and sub kegiatan follow the national nomenclature (Permendagri 90/2019 and
Kepmendagri 050-5889/2021 and their updates): urusan `1`, bidang urusan `1.06`, program `1.06.02`,
kegiatan `1.06.02.2.03`, sub kegiatan `1.06.02.2.03.0001`. The supporting programme of every
agency is written with the placeholder bidang urusan `X.XX` (`X.XX.01`), which is accepted too.
Tujuan and sasaran have no national code; an agency numbers them `1`, `2` and `1.1`, `1.2`.

Codes are text, never numbers. This module is pure Python so that importers, forms and model
validation all apply the same rule and give the same message.
"""

import re

TUJUAN = "tujuan"
SASARAN = "sasaran"
PROGRAM = "program"
KEGIATAN = "kegiatan"
SUB_KEGIATAN = "sub_kegiatan"

# How a row whose document prints no code (the nomenclature before 2021) is shown.
TANPA_KODE = "tanpa kode"

NAMA_LEVEL = {
    TUJUAN: "tujuan",
    SASARAN: "sasaran",
    PROGRAM: "program",
    KEGIATAN: "kegiatan",
    SUB_KEGIATAN: "sub kegiatan",
}

# The part each level adds to its parent's code (pattern, how it is written), and an example.
_BAGIAN = {
    TUJUAN: (r"\d{1,2}", "N", "1"),
    SASARAN: (r"\d{1,2}", "N", "1.1"),
    PROGRAM: (r"(?:\d|X)\.(?:\d{2}|XX)\.\d{2}", "N.NN.NN", "1.06.02"),
    KEGIATAN: (r"\d\.\d{2}", "N.NN", "1.06.02.2.03"),
    # Four digits since Kepmendagri 050-5889/2021; workbooks still keeping the two digits of
    # Permendagri 90/2019 (seed 000: `1.06.05.2.01.01`) are accepted as they are.
    SUB_KEGIATAN: (r"\d{4}|\d{2}", "NNNN", "1.06.02.2.03.0001"),
}


def _bagian(level):
    return f"(?:{_BAGIAN[level][0]})"


_BENTUK_PENUH = {
    TUJUAN: re.compile(_bagian(TUJUAN)),
    SASARAN: re.compile(_bagian(TUJUAN) + r"\." + _bagian(SASARAN)),
    PROGRAM: re.compile(_bagian(PROGRAM)),
    KEGIATAN: re.compile(_bagian(PROGRAM) + r"\." + _bagian(KEGIATAN)),
    SUB_KEGIATAN: re.compile(_bagian(PROGRAM) + r"\." + _bagian(KEGIATAN) + r"\." + _bagian(SUB_KEGIATAN)),
}

# Levels whose code extends the parent's code (a program's parent is a sasaran, whose
# code has nothing to do with the national nomenclature).
_INDUK = {SASARAN: TUJUAN, KEGIATAN: PROGRAM, SUB_KEGIATAN: KEGIATAN}


def periksa_kode(level, kode, kode_induk=None):
    """Return the problems of `kode` at `level` as messages in Indonesian (empty when valid).

    `kode_induk` is the parent's code for the levels whose code extends it (sasaran under
    tujuan, kegiatan under program, sub kegiatan under kegiatan); with it the message says
    what the code must look like under that parent.

    >>> periksa_kode(SUB_KEGIATAN, "1.06.04.2.01.0010", "1.06.04.2.01")
    []
    >>> periksa_kode(SUB_KEGIATAN, "1.06.04.2.0001", "1.06.04.2.01")[0]
    'Kode sub kegiatan "1.06.04.2.0001" tidak cocok dengan kegiatan "1.06.04.2.01": \
di bawah kegiatan itu kodenya harus berbentuk 1.06.04.2.01.NNNN.'
    """
    nama = NAMA_LEVEL[level]
    pola, tulisan, contoh = _BAGIAN[level]
    if not kode:
        return [f"Kode {nama} wajib diisi."]
    if kode_induk is not None and level in _INDUK:
        nama_induk = NAMA_LEVEL[_INDUK[level]]
        awalan = kode_induk + "."
        if kode.startswith(awalan) and re.fullmatch(pola, kode[len(awalan) :]):
            return []
        return [
            f'Kode {nama} "{kode}" tidak cocok dengan {nama_induk} "{kode_induk}": '
            f"di bawah {nama_induk} itu kodenya harus berbentuk {awalan}{tulisan}."
        ]
    if not _BENTUK_PENUH[level].fullmatch(kode):
        return [f'Kode {nama} "{kode}" tidak sesuai bentuk kode {nama} (contoh: {contoh}).']
    return []


def normalkan_kode(teks):
    """Return a code typed or exported by a spreadsheet in its canonical form.

    Spreadsheet software turns `2.03` into `2,03` and some workbooks put spaces around the dots;
    the code itself is kept, never padded or guessed.

    >>> normalkan_kode(" 1.06.02. 2,03 ")
    '1.06.02.2.03'
    """
    teks = (teks or "").strip().replace(",", ".")
    return re.sub(r"\s*\.\s*", ".", teks)


def urut_simpul(simpul):
    """Sort key of sibling plan nodes: first their `urutan`, the order an agency's own workbook
    lists them in (set by the imports when it is not the code order; 0 otherwise and for nodes
    without the field), then coded ones by the numbers between the dots ("1.2" before "1.10"),
    then those without a code in the order they were entered."""
    urutan = getattr(simpul, "urutan", 0) or 0
    if not simpul.kode:
        return (urutan, 1, [], simpul.pk or 0)
    bagian = [(0, int(x), "") if x.isdigit() else (1, 0, x) for x in simpul.kode.split(".")]
    return (urutan, 0, bagian, simpul.pk or 0)


def urut_jalur(simpul):
    """Sort key of plan nodes of different parents (a list of every sub kegiatan, every
    indicator's node): the sibling keys (`urut_simpul`) from its program down to it, so that
    each parent's children stay together in their order. Walks up through `kegiatan` and
    `program`, which the caller loads with the node (select_related)."""
    induk = {SUB_KEGIATAN: "kegiatan", KEGIATAN: "program"}
    jalur = []
    while simpul is not None:
        jalur.append(urut_simpul(simpul))
        atribut = induk.get(getattr(simpul, "LEVEL", None))
        simpul = getattr(simpul, atribut) if atribut else None
    return tuple(reversed(jalur))
