"""The shape of a table in a sheet: where its header is, what each column holds, which rows
are repeated headers or column numbers (a table printed over several pages), and how each
numeric column writes its decimals."""

import itertools
import re
from decimal import Decimal

from . import sinonim
from .hasil import Masalah
from .sel import huruf_kolom, teks, triwulan_label

CARI_KEPALA_MAKS = 60
_ANGKA_ATAU_KODE = re.compile(r"(?:rp\.?)?[-+]?\d[\d.,]*%?", re.IGNORECASE)
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
        return bentuk_kepala(baris, penanda)
    if len(isi) >= 4 and all(s.isdigit() for s in isi):
        angka = [int(s) for s in isi]
        return all(b > a for a, b in itertools.pairwise(angka)) and angka[-1] - angka[0] < 60
    if len(isi) >= 2 and not any(_sel_data(c) for c in baris):
        # a row of sub-labels: header words only (TW I–IV with their prefix, synonyms, years)
        return all(
            s in _KATA_KEPALA or tahun_label(s) or triwulan_label(s, awalan_wajib=True) or sinonim.kunci(s)
            for s in rendah
        )
    return all(s in _KATA_KEPALA or tahun_label(s) for s in rendah)


def _label_kepala(s, penanda):
    return bool(penanda(s) or s in _KATA_KEPALA or tahun_label(s) or sinonim.kunci(s) or triwulan_label(s))


def _sel_data(isi):
    """A cell shaped as data: a number typed as a number, a code (`1.06.02`), an amount."""
    if isinstance(isi, bool):
        return False
    if isinstance(isi, int | float | Decimal):
        return not tahun_label(isi)
    s = teks(isi)
    if not s or tahun_label(s) or triwulan_label(s):
        return False
    return bool(_ANGKA_ATAU_KODE.fullmatch(s.replace(" ", "")))


def bentuk_kepala(baris, penanda):
    """Whether a row has the shape of a header: header words in at least two cells, most of its
    cells header words, and no cell shaped as data (a number, a code). A data row whose name holds
    the words of a header ("Program Peningkatan Kegiatan Sosial", "Kegiatan penyuluhan program
    KB") is not one."""
    isi = [c for c in baris if teks(c)]
    if any(_sel_data(c) for c in isi):
        return False
    kepala = [c for c in isi if _label_kepala(teks(c).lower(), penanda)]
    return len(kepala) >= 2 and 2 * len(kepala) >= len(isi)


def baris_pemisah(baris):
    """`-----` rows left by a text export between a table and its signature."""
    isi = [teks(c) for c in baris if teks(c)]
    return bool(isi) and all(set(s) <= {"-", "–", "—", "=", "_"} for s in isi) and any(len(s) > 1 for s in isi)


_RIBUAN_SAJA = {",": re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+"), ".": re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")}


def suara_desimal(isi):
    """How one text cell writes its numbers: (`","` or `"."`, strong) or None when it says nothing.

    Strong: both separators (`3.104,41`), or a separator that cannot be a thousands group
    (`88,23`, `0.5`, `513.211.0000`). Weak: thousands groups only (`34.000` says "," — the point
    groups thousands —, `6,110` says ".").

    >>> suara_desimal("3.104,41"), suara_desimal("34.000"), suara_desimal("513.211.0000"), suara_desimal("-")
    ((',', True), (',', False), ('.', True), None)
    """
    if not isinstance(isi, str):
        return None
    s = re.sub(r"<[^>]*>", "", isi).replace(" ", "").replace("\u00a0", "").removesuffix("%")
    s = re.sub(r"^Rp\.?", "", s, flags=re.IGNORECASE).removesuffix(",-").removesuffix(".-")
    if not re.fullmatch(r"[-+]?\d[\d.,]*", s):
        return None
    titik, koma = "." in s, "," in s
    if titik and koma:
        return ("," if s.rfind(",") > s.rfind(".") else "."), True
    if koma:
        return (".", False) if _RIBUAN_SAJA[","].fullmatch(s) else (",", True)
    if titik:
        return (",", False) if _RIBUAN_SAJA["."].fullmatch(s) else (".", True)
    return None


def tentukan_desimal_mayoritas(sel):
    """The convention of a column decided by the majority of its cells (strong and weak votes
    together, `suara_desimal`): one malformed amount among 33 written `1.234.567` does not switch
    the column. A tie is decided by the strong votes when they agree, else it is None (the column
    cannot be decided). A column without votes is Indonesian (`,`)."""
    hitung = {",": 0, ".": 0}
    kuat = set()
    for isi in sel:
        suara = suara_desimal(isi)
        if suara is not None:
            hitung[suara[0]] += 1
            if suara[1]:
                kuat.add(suara[0])
    if hitung[","] != hitung["."]:
        return "," if hitung[","] > hitung["."] else "."
    if not hitung[","]:
        return ","
    return kuat.pop() if len(kuat) == 1 else None


def desimal_kolom(lembar, baris_data, kolom_angka, hasil):
    """Decide the decimal separator of each numeric column by the majority of its cells; a cell
    written the other way is then reported by the reader of that cell alone (sheet, cell, what was
    read, how to write it). A column split evenly both ways is reported and gets None."""
    keputusan = {}
    for k in kolom_angka:
        sel = [b[k] for _, b in baris_data if k < len(b) and isinstance(b[k], str)]
        desimal = tentukan_desimal_mayoritas(sel)
        if desimal is None:
            hasil.masalah.append(
                Masalah(
                    "Angka di kolom ini ditulis dengan dua cara sama banyak (koma desimal seperti 3.104,41 dan "
                    "titik desimal seperti 6,110.00). Seragamkan penulisan angkanya.",
                    lembar,
                    None,
                    huruf_kolom(k),
                )
            )
        keputusan[k] = desimal or ","
    return keputusan


# -- the account of rows (kinerja.importers.hasil.Hasil.akun_baris) ---------------------------------

ALASAN_KEPALA_BERULANG = "Kepala tabel (diulang di halaman baru, sub-kepala, atau nomor kolom)."


def abaikan_di_atas(hasil, lembar, mulai):
    """Account for the rows above a table's first data row: the title above it, and its header
    (whose last row is row `mulai`)."""
    for nomor in range(1, mulai + 1):
        alasan = "Kepala tabel." if nomor == mulai else "Judul atau teks di atas tabel."
        hasil.abaikan(lembar.nama, nomor, alasan)


def baris_data(lembar, mulai, penanda, hasil, sampai=None):
    """The (row number, cells) of the rows of a table from row `mulai + 1` (to `sampai`, else the
    sheet's end) that may hold data; separator rows and repeated headers are set aside, each
    with its reason, in the account of rows."""
    data = []
    for nomor, baris in enumerate(lembar.baris[mulai:sampai], start=mulai + 1):
        if not any(teks(c) for c in baris):
            continue
        if baris_pemisah(baris):
            hasil.abaikan(lembar.nama, nomor, "Baris pemisah (garis).")
            continue
        if baris_kepala_berulang(baris, penanda):
            hasil.abaikan(lembar.nama, nomor, ALASAN_KEPALA_BERULANG)
            continue
        data.append((nomor, baris))
    return data
