"""The rules of computation of Kinerja, in plain Python (no Django import).

Everything Kinerja shows as a percentage or a category comes from here: capaian (achievement)
of an indicator, yearly values from quarterly ones, averages, predikat (category) scales,
budget absorption, efektivitas and efisiensi, and the Indonesian way of writing numbers.
DESIGN.md, section "The rules of computation", is the specification; docs/aturan-perhitungan.md
explains every rule in Indonesian with worked examples, and its examples run as tests.

Arithmetic is `decimal.Decimal` at full precision. Rounding happens only when a number is
written for people (`format_angka`, `format_persen`, `format_rupiah`): half-up to 2 places, and
a percentage by the region's rule (`bulatkan_tampil`: half-up, or truncated where the region
truncates, the setting KINERJA_PEMBULATAN).
Arguments may be `Decimal`, `int` or Indonesian number text (`"34.000"`, `"88,23%"`, `"-"`).
"""

import re
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext
from enum import StrEnum
from functools import wraps
from itertools import pairwise

SERATUS = Decimal(100)
_DUA_DESIMAL = Decimal("0.01")

# Wide enough that no finite input overflows; precision 34 (decimal128) for every result.
_KONTEKS = Context(prec=34, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _dalam_konteks(fungsi):
    @wraps(fungsi)
    def bungkus(*args, **kwargs):
        with localcontext(_KONTEKS):
            return fungsi(*args, **kwargs)

    return bungkus


# ---------------------------------------------------------------------------------------------
# Numbers typed by people or read from workbooks
# ---------------------------------------------------------------------------------------------


class AngkaTidakValid(ValueError):
    """Text that is not a number; the message (Indonesian) quotes it and says what is expected."""


_KOSONG = {"", "-", "–", "—"}
_POLA = {
    # Indonesian: dots between thousands, comma before decimals ("1.234.567,89", "0,5", "34.000").
    ",": re.compile(r"(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?"),
    # The other way round, as some tables of the same document print ("6,110.00").
    ".": re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?"),
}


def parse_angka(teks, desimal=","):
    """Read a number written the Indonesian way; None for an empty cell or `-`.

    Accepts `Decimal`, `int`, `float` (through its text, never its binary value) and text such
    as `"34.000"`, `"1.234.567,89"`, `"88,23%"` (the percentage's number), `"Rp 5.367.987.782,-"`,
    `"-5,01"`, with HTML remnants (`<b>`) and spaces around. `desimal="."` reads tables printed
    the other way (`"6,110.00"`). Anything else raises `AngkaTidakValid` with the reason.

    >>> parse_angka("34.000"), parse_angka("88,23%"), parse_angka("-"), parse_angka("6,110.00", desimal=".")
    (Decimal('34000'), Decimal('88.23'), None, Decimal('6110.00'))
    """
    if teks is None:
        return None
    if isinstance(teks, bool):
        raise AngkaTidakValid(f"{teks!r} bukan angka.")
    if isinstance(teks, Decimal):
        if not teks.is_finite():
            raise AngkaTidakValid(f"{teks} bukan angka yang dapat dihitung.")
        return teks
    if isinstance(teks, int):
        return Decimal(teks)
    if isinstance(teks, float):
        return parse_angka(repr(teks), desimal=".")
    asli = str(teks)
    s = re.sub(r"<[^>]*>", "", asli).replace("\u00a0", " ").replace("\u2212", "-").strip()
    if s in _KOSONG:
        return None
    s = re.sub(r"^Rp\.?\s*", "", s, flags=re.IGNORECASE).removesuffix(",-").removesuffix(".-")
    s = s.removesuffix("%").strip().replace(" ", "")
    negatif = s.startswith("-")
    s = s.removeprefix("-").removeprefix("+")
    pola = _POLA.get(desimal)
    if pola is None:
        raise ValueError(f"desimal harus ',' atau '.', bukan {desimal!r}")
    if not pola.fullmatch(s):
        raise AngkaTidakValid(_pesan_bukan_angka(asli.strip(), desimal))
    ribuan = "." if desimal == "," else ","
    nilai = Decimal(s.replace(ribuan, "").replace(desimal, "."))
    return -nilai if negatif else nilai


_RIBUAN_SAJA = {",": re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+"), ".": re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")}


def tentukan_desimal(sel):
    """Decide how a column of a table writes its decimals, from all its cells.

    Returns `","` (Indonesian: `3.104,41`), `"."` (`6,110.00`), or None when the column shows
    both (it cannot be decided and must be reported). A cell with one kind of separator in
    thousands groups only (`34.000`, `6,110`) says nothing; a column of such cells, or of plain
    numbers, is read the Indonesian way. Cells that are not text (numbers from the workbook)
    are skipped.

    >>> tentukan_desimal(["34.000", "88,23%", "-"]), tentukan_desimal(["6,110.00", "6,110"])
    (',', '.')
    >>> tentukan_desimal(["6,110.00", "3.104,41"]) is None, tentukan_desimal(["Rapat 1, tanggal 2.3", "1,5"])
    (True, ',')
    """
    suara = set()
    for isi in sel:
        if not isinstance(isi, str):
            continue
        s = re.sub(r"<[^>]*>", "", isi).replace(" ", "").replace("\u00a0", "").removesuffix("%")
        s = re.sub(r"^Rp\.?", "", s, flags=re.IGNORECASE).removesuffix(",-").removesuffix(".-")
        if not re.fullmatch(r"[-+]?\d[\d.,]*", s):
            continue  # words, not a number: parse_angka will say so
        titik, koma = "." in s, "," in s
        if titik and koma:
            suara.add("," if s.rfind(",") > s.rfind(".") else ".")
        elif koma and not _RIBUAN_SAJA[","].fullmatch(s):
            suara.add(",")
        elif titik and not _RIBUAN_SAJA["."].fullmatch(s):
            suara.add(".")
    if len(suara) > 1:
        return None
    return suara.pop() if suara else ","


def bulatkan(x, desimal):
    """`x` rounded half-up to `desimal` places, as the documents round.

    >>> bulatkan(Decimal(15) / 17 * 100, 2), bulatkan(Decimal("10994") / 34000 * 100, 0)
    (Decimal('88.24'), Decimal('32'))
    """
    return _bulatkan(_angka(x), desimal)


def _pesan_bukan_angka(teks, desimal):
    if desimal == "," and re.fullmatch(r"-?\d+\.\d{1,2}|-?\d+\.\d{4,}|-?0\.\d+", teks):
        saran = teks.replace(".", ",")
        return f'"{teks}" bukan angka format Indonesia: desimal ditulis dengan koma ({saran}).'
    if desimal == ",":
        return f'"{teks}" bukan angka. Tulis seperti 1.234,5 (titik pemisah ribuan, koma desimal).'
    return f'"{teks}" bukan angka. Tulis seperti 1,234.5 (koma pemisah ribuan, titik desimal).'


def _angka(x):
    if type(x) is Decimal and x.is_finite():
        return x  # the computed values: no text to read
    return parse_angka(x)


def _realisasi(x):
    """A realisation: `-` in the quarterly workbooks means nothing was achieved (0); an empty
    cell or None means the quarter was not reported."""
    if isinstance(x, str) and x.strip() in _KOSONG - {""}:
        return Decimal(0)
    return parse_angka(x)


# ---------------------------------------------------------------------------------------------
# Capaian (achievement) of one indicator
# ---------------------------------------------------------------------------------------------


class Alasan(StrEnum):
    """Why a capaian cannot be computed; shown to the user beside the `–`."""

    TARGET_KOSONG = "Target belum ditetapkan."
    TARGET_NOL = "Target 0: capaian tidak dapat dihitung."
    REALISASI_KOSONG = "Realisasi belum dilaporkan."
    REALISASI_NOL_NEGATIF = "Realisasi 0 pada indikator negatif: target dibagi 0 tidak dapat dihitung."
    TINGKAT_TIDAK_DIKENAL = "Tingkatan tidak termasuk skala indikator ini."
    DIUKUR_TAHUNAN = "Diukur tahunan: realisasinya dilaporkan sekali setahun, pada akhir tahun (bersama Triwulan IV)."


@dataclass(frozen=True)
class HasilCapaian:
    nilai: Decimal | None
    alasan: Alasan | None = None

    @property
    def terhitung(self):
        return self.nilai is not None


@_dalam_konteks
def hasil_capaian(target, realisasi, arah="positif", metode_negatif="target_per_realisasi"):
    """Capaian with, when it cannot be computed, the reason (see `capaian`)."""
    t, r = _angka(target), _realisasi(realisasi)
    if t is None:
        return HasilCapaian(None, Alasan.TARGET_KOSONG)
    if r is None:
        return HasilCapaian(None, Alasan.REALISASI_KOSONG)
    if t == 0:
        return HasilCapaian(None, Alasan.TARGET_NOL)
    if arah == "positif":
        return HasilCapaian(r / t * SERATUS)
    if arah != "negatif":
        raise ValueError(f"Arah indikator harus 'positif' atau 'negatif', bukan {arah!r}.")
    if metode_negatif == "target_per_realisasi":
        if r == 0:
            return HasilCapaian(None, Alasan.REALISASI_NOL_NEGATIF)
        return HasilCapaian(t / r * SERATUS)
    if metode_negatif == "dua_kali_target":
        return HasilCapaian((2 * t - r) / t * SERATUS)
    raise ValueError(
        f"Metode indikator negatif harus 'target_per_realisasi' atau 'dua_kali_target', bukan {metode_negatif!r}."
    )


def capaian(target, realisasi, arah="positif", metode_negatif="target_per_realisasi"):
    """Capaian (%) of a realisation against a target, or None when it cannot be computed.

    positif: realisasi / target × 100. negatif (lower is better): target / realisasi × 100 by
    default, or (2 × target − realisasi) / target × 100 with `metode_negatif="dua_kali_target"`.
    No cap: a realisation ten times the target gives 1000. A missing target or realisation,
    a target of 0, or a realisation of 0 on a negative indicator give None (`hasil_capaian`
    says which).

    >>> capaian("3,20", "4,45", arah="negatif").quantize(Decimal("0.01"))
    Decimal('71.91')
    """
    return hasil_capaian(target, realisasi, arah, metode_negatif).nilai


@_dalam_konteks
def hasil_capaian_ordinal(target, realisasi, tingkatan):
    """Capaian of an indicator measured in ordered levels (`tingkatan`, lowest first).

    Reaching or passing the target level gives 100; falling short gives
    rank(realisasi) / rank(target) × 100 (APE Pratama against a Madya target: 1 / 2 → 50).
    """
    daftar = list(tingkatan or ())
    if target is None or target == "":
        return HasilCapaian(None, Alasan.TARGET_KOSONG)
    if realisasi is None or realisasi == "":
        return HasilCapaian(None, Alasan.REALISASI_KOSONG)
    if target not in daftar or realisasi not in daftar:
        return HasilCapaian(None, Alasan.TINGKAT_TIDAK_DIKENAL)
    peringkat_t, peringkat_r = daftar.index(target) + 1, daftar.index(realisasi) + 1
    if peringkat_r >= peringkat_t:
        return HasilCapaian(SERATUS)
    return HasilCapaian(Decimal(peringkat_r) / Decimal(peringkat_t) * SERATUS)


def capaian_ordinal(target, realisasi, tingkatan):
    """See `hasil_capaian_ordinal`.

    >>> capaian_ordinal("Madya", "Pratama", ["Pratama", "Madya", "Utama", "Mentor"]) == 50
    True
    """
    return hasil_capaian_ordinal(target, realisasi, tingkatan).nilai


@_dalam_konteks
def hasil_capaian_rentang(batas_bawah, batas_atas, realisasi):
    """Capaian against a band target (e.g. 2,1–2,3): inside it 100; below it realisasi /
    lower bound × 100; above it upper bound / realisasi × 100."""
    bawah, atas, r = _angka(batas_bawah), _angka(batas_atas), _realisasi(realisasi)
    if bawah is None or atas is None:
        return HasilCapaian(None, Alasan.TARGET_KOSONG)
    if r is None:
        return HasilCapaian(None, Alasan.REALISASI_KOSONG)
    bawah, atas = min(bawah, atas), max(bawah, atas)
    if bawah <= r <= atas:
        return HasilCapaian(SERATUS)
    if r < bawah:
        if bawah == 0:
            return HasilCapaian(None, Alasan.TARGET_NOL)
        return HasilCapaian(r / bawah * SERATUS)
    return HasilCapaian(atas / r * SERATUS)


def capaian_rentang(batas_bawah, batas_atas, realisasi):
    """See `hasil_capaian_rentang`.

    >>> capaian_rentang("2,1", "2,3", "2,2"), round(capaian_rentang("2,1", "2,3", "2,46"), 2)
    (Decimal('100'), Decimal('93.50'))
    """
    return hasil_capaian_rentang(batas_bawah, batas_atas, realisasi).nilai


@_dalam_konteks
def nilai_rumus(pembilang, penyebut, pengali=100, nol_dari_nol_tercapai=False):
    """The value of a formula indicator: pembilang / penyebut × pengali (100 for a percentage,
    10.000 for a ratio per 10.000 people). 0 of 0 is not computable, unless the indicator counts
    "nobody needed the service" as achieved (some SPM indicators): then it is the full pengali."""
    a, b, k = _angka(pembilang), _angka(penyebut), _angka(pengali)
    if a is None or b is None or k is None:
        return None
    if b == 0:
        return k if (a == 0 and nol_dari_nol_tercapai) else None
    return a / b * k


# ---------------------------------------------------------------------------------------------
# Quarterly values into a year
# ---------------------------------------------------------------------------------------------

KUMULATIF = "kumulatif"
AKHIR_PERIODE = "akhir_periode"
RATA_RATA = "rata_rata"


def _per_triwulan(nilai_per_triwulan):
    if isinstance(nilai_per_triwulan, dict):
        return [_realisasi(nilai_per_triwulan.get(tw)) for tw in range(1, 5)]
    nilai = [_realisasi(v) for v in nilai_per_triwulan]
    if len(nilai) > 4:
        raise ValueError("Satu tahun mempunyai empat triwulan.")
    return nilai + [None] * (4 - len(nilai))


@_dalam_konteks
def nilai_sampai_triwulan(nilai_per_triwulan, cara, triwulan):
    """The value of quarters 1 to `triwulan` together, by the indicator's rule `cara`:
    `kumulatif` sums the reported quarters, `akhir_periode` takes the last reported one,
    `rata_rata` their mean. None when no quarter up to `triwulan` is reported.

    `nilai_per_triwulan` is a list in quarter order or a dict {1: …, 4: …}; None or an empty
    cell is "not reported", `-` is 0.

    >>> nilai_sampai_triwulan([8, 6, 24, 14], "kumulatif", 2)
    Decimal('14')
    """
    if not 1 <= triwulan <= 4:
        raise ValueError("Triwulan harus 1, 2, 3 atau 4.")
    return _gabung([v for v in _per_triwulan(nilai_per_triwulan)[:triwulan] if v is not None], cara)


# An indicator measured once a year (Indikator.frekuensi "tahunan") keeps its yearly value with
# the quarter that closes the year; it has no value, and no capaian, in the quarters before.
TRIWULAN_TAHUNAN = 4


def diukur_pada(tahunan, triwulan):
    """Whether an indicator is measured in `triwulan`: a quarterly one in every quarter, an
    annual one (`tahunan`) only when its year closes.

    >>> diukur_pada(True, 2), diukur_pada(True, 4), diukur_pada(False, 2)
    (False, True, True)
    """
    return not tahunan or triwulan == TRIWULAN_TAHUNAN


def _gabung(dilaporkan, cara):
    """Reported values (in order, Decimals) combined by the rule `cara`; None when none."""
    if not dilaporkan:
        return None
    if cara == KUMULATIF:
        return sum(dilaporkan, Decimal(0))
    if cara == AKHIR_PERIODE:
        return dilaporkan[-1]
    if cara == RATA_RATA:
        return sum(dilaporkan, Decimal(0)) / len(dilaporkan)
    raise ValueError(f"Cara nilai tahunan harus kumulatif, akhir_periode atau rata_rata, bukan {cara!r}.")


@_dalam_konteks
def nilai_periode(nilai_per_tahun, cara):
    """The value of several years together by the indicator's rule, as quarters make a year:
    the realisation "s.d. tahun lalu" and "s.d. tahun berjalan" of a Renstra (Permendagri
    86/2017, evaluation of the Renja). A level of a qualitative indicator is the last reached.

    >>> nilai_periode([Decimal(10), None, Decimal(12)], "kumulatif")
    Decimal('22')
    >>> nilai_periode(["Pratama", "Madya"], "akhir_periode")
    'Madya'
    """
    dilaporkan = [v for v in nilai_per_tahun if v is not None and v != ""]
    if dilaporkan and _nama_tingkat(dilaporkan[-1]):
        return dilaporkan[-1]
    return _gabung([_realisasi(v) for v in dilaporkan], cara)


def _nama_tingkat(x):
    """Whether `x` names a level (Pratama, Madya ...) rather than writing a number."""
    if not isinstance(x, str):
        return False
    try:
        _realisasi(x)
    except ValueError:
        return True
    return False


def kondisi_akhir(target_per_tahun, cara):
    """The Renstra's end-of-period target (kondisi akhir) from its yearly targets {tahun: nilai}:
    their sum for a count (`kumulatif`), the last year's otherwise (percentages, ratios, indices:
    the seed Renstra sums percentages to 500, a slip). None when a year has no number.

    >>> kondisi_akhir({2025: Decimal(5), 2026: Decimal(5), 2027: Decimal(5)}, "kumulatif")
    Decimal('15')
    """
    nilai = [v for _, v in sorted(target_per_tahun.items())]
    if not nilai or any(not isinstance(v, Decimal) for v in nilai):
        return None
    return sum(nilai) if cara == KUMULATIF else nilai[-1]


def nilai_tahunan(nilai_per_triwulan, cara):
    """The yearly value from the four quarters (see `nilai_sampai_triwulan`).

    >>> nilai_tahunan([0, 7, 1, 2], "kumulatif"), nilai_tahunan(["97,62", None, None, None], "akhir_periode")
    (Decimal('10'), Decimal('97.62'))
    """
    return nilai_sampai_triwulan(nilai_per_triwulan, cara, 4)


# ---------------------------------------------------------------------------------------------
# Averages
# ---------------------------------------------------------------------------------------------


@_dalam_konteks
def rata_rata_capaian(capaians, batas_atas=None):
    """Unweighted mean of the computable capaian (None is left out); None when there is none.

    With `batas_atas` each capaian counts at most that much (a setting, off by default: the
    seeds average 6110 as printed). A mean of means (capaian of a group from its children's
    means) is this function applied to the means.

    >>> rata_rata_capaian(["6.110", "98,82", None])
    Decimal('3104.41')
    """
    return rata_rata_gabungan([jumlah_capaian(capaians, batas_atas)])


@_dalam_konteks
def rata_rata_gabungan(bagian):
    """The mean of values given in parts of (sum, count), as `jumlah_capaian` gives them: a
    region's mean from its agencies' sums (kinerja.ringkasan). None when there is no value.

    >>> rata_rata_gabungan([(Decimal("298.82"), 2), (Decimal("100"), 1)]), rata_rata_gabungan([(Decimal(0), 0)])
    (Decimal('132.94'), None)
    """
    bagian = list(bagian)
    banyak = sum(n for _, n in bagian)
    return sum((j for j, _ in bagian), Decimal(0)) / banyak if banyak else None


@_dalam_konteks
def jumlah_capaian(capaians, batas_atas=None):
    """(sum, count) of the computable capaian, each at most `batas_atas`: what
    `rata_rata_capaian` divides, kept by the read model so that a region's mean adds its
    agencies' sums (kinerja.ringkasan).

    >>> jumlah_capaian(["6.110", "98,82", None], batas_atas="200")
    (Decimal('298.82'), 2)
    """
    nilai = [v for v in (_angka(c) for c in capaians) if v is not None]
    if batas_atas is not None:
        batas = _angka(batas_atas)
        nilai = [min(v, batas) for v in nilai]
    return sum(nilai, Decimal(0)), len(nilai)


def rata_rata_bertingkat(kelompok, batas_atas=None):
    """Mean of means: the unweighted mean of each group's `rata_rata_capaian` (a group without a
    computable capaian is left out); None when no group has one. The LKjIP's capaian of the
    agency (PermenPAN-RB 53/2014) is this over its tujuan/sasaran strategis.

    >>> format_angka(rata_rata_bertingkat([["6110", "98,82"], ["100,07", "100"], ["71,91"]]))  # Tabel 3.45
    '1.092,12'
    """
    return rata_rata_capaian((rata_rata_capaian(k, batas_atas) for k in kelompok), None)


RATA_RATA_SIMPUL = "simpul"
RATA_RATA_KINERJA = "kinerja"
RATA_RATA_STRATEGIS = "strategis"
JENIS_RATA_RATA = {
    RATA_RATA_SIMPUL: "rata-rata capaian indikator {nama} itu sendiri",
    RATA_RATA_KINERJA: (
        "rata-rata capaian kinerja (Permendagri 86/2017): rata-rata tanpa bobot capaian {indikator} sasaran, "
        "program, kegiatan dan sub kegiatan{nama}, setiap indikator dihitung sekali"
    ),
    RATA_RATA_STRATEGIS: (
        "rata-rata capaian tujuan/sasaran strategis (PermenPAN-RB 53/2014): rata-rata dari capaian {kelompok}, "
        "masing-masing rata-rata capaian indikatornya ({indikator}; indikator yang dipakai tujuan dan sasarannya "
        "dihitung sekali)"
    ),
}
"""The three kinds of average the reports print, by their definition (docs/aturan-perhitungan.md)."""


def uraian_rata_rata(jenis, jumlah_indikator=None, jumlah_kelompok=None, nama="", batas_atas=None):
    """The note under a printed average naming its definition, with what it counts: the one
    sentence every report prints under an average of that kind (`JENIS_RATA_RATA`).

    >>> uraian_rata_rata("strategis", 5, 3)
    'Rata-rata capaian tujuan/sasaran strategis (PermenPAN-RB 53/2014): rata-rata dari capaian 3 tujuan/sasaran \
strategis, masing-masing rata-rata capaian indikatornya (5 indikator; indikator yang dipakai tujuan dan sasarannya \
dihitung sekali).'
    >>> uraian_rata_rata("kinerja", 46, nama=" yang tampil")
    'Rata-rata capaian kinerja (Permendagri 86/2017): rata-rata tanpa bobot capaian 46 indikator sasaran, program, \
kegiatan dan sub kegiatan yang tampil, setiap indikator dihitung sekali.'
    >>> uraian_rata_rata("simpul", nama="tujuan atau sasaran")
    'Rata-rata capaian indikator tujuan atau sasaran itu sendiri.'
    """
    if jenis not in JENIS_RATA_RATA:
        raise ValueError(f"Jenis rata-rata harus salah satu dari {', '.join(JENIS_RATA_RATA)}, bukan {jenis!r}.")
    indikator = f"{jumlah_indikator} indikator" if jumlah_indikator is not None else "semua indikator"
    kelompok = f"{jumlah_kelompok} tujuan/sasaran strategis" if jumlah_kelompok is not None else "setiap tujuan/sasaran"
    kalimat = JENIS_RATA_RATA[jenis].format(indikator=indikator, kelompok=kelompok, nama=nama)
    kalimat = kalimat[0].upper() + kalimat[1:] + "."
    if batas_atas is not None:
        kalimat += f" Setiap capaian dihitung paling tinggi {format_angka(batas_atas, None)}%."
    return kalimat


# ---------------------------------------------------------------------------------------------
# Outliers: capaian far above the top of every scale
# ---------------------------------------------------------------------------------------------

PENCILAN = Decimal(200)
"""The default threshold of an outlier (%), the setting KINERJA_CAPAIAN_PENCILAN."""
_SERATUS = Decimal("0.01")


def capaian_pencilan(capaian, ambang=PENCILAN):
    """True when a capaian is far above the top of every predikat scale: above `ambang` percent
    once rounded for display (as predikat are found). Such a value mostly comes from a target or
    a realisation in another unit (0,5 against 30,55 in the LKjIP Belitung 2024); it is shown
    and averaged as computed (no capping, DESIGN), only marked so that someone checks it.
    `ambang` None turns the mark off.

    >>> capaian_pencilan(capaian("0,5", "30,55"))  # LKjIP Belitung 2024, penurunan PMKS: 6.110%
    True
    >>> capaian_pencilan("200"), capaian_pencilan("200,004"), capaian_pencilan("200,01"), capaian_pencilan(None)
    (False, False, True, False)
    >>> capaian_pencilan("6110", ambang=None)
    False
    """
    nilai, batas = _angka(capaian), _angka(ambang)
    if nilai is None or batas is None:
        return False
    # Rounding to 2 places moves a value by less than 0,01 either way: only a value that close to
    # the threshold needs rounding (a region's overview asks this of every indicator).
    if abs(nilai - batas) >= _SERATUS:
        return nilai > batas
    return bulatkan_tampil(nilai, 2) > batas


def daftar_pencilan(capaians, ambang=PENCILAN):
    """The outliers among `capaians` (see `capaian_pencilan`), highest first.

    >>> daftar_pencilan(["6.110", "98,82", None, "250"])
    [Decimal('6110'), Decimal('250')]
    """
    return sorted((_angka(c) for c in capaians if capaian_pencilan(c, ambang)), reverse=True)


def catatan_pencilan(capaians, ambang=PENCILAN, paling_banyak=3):
    """The note of a mean that holds outliers (its value is left as it is): how many, above
    which threshold, the highest `paling_banyak` of them. An empty string when there is none.

    >>> catatan_pencilan([capaian("0,5", "30,55"), capaian("98,79", "97,62")])  # Tabel 3.12: 3.104,41
    'Rata-rata ini memuat 1 capaian di atas 200% (6.110,00%).'
    >>> catatan_pencilan(["1000", "250", "6110", "300", "90"], paling_banyak=2)
    'Rata-rata ini memuat 4 capaian di atas 200% (6.110,00%, 1.000,00% dan 2 lainnya).'
    >>> catatan_pencilan(["98,82", None])
    ''
    """
    pencilan = daftar_pencilan(capaians, ambang)
    if not pencilan:
        return ""
    nilai = ", ".join(format_persen(p) for p in pencilan[:paling_banyak])
    if len(pencilan) > paling_banyak:
        nilai += f" dan {len(pencilan) - paling_banyak} lainnya"
    return f"Rata-rata ini memuat {len(pencilan)} capaian di atas {format_angka(ambang, None)}% ({nilai})."


# ---------------------------------------------------------------------------------------------
# Budgets
# ---------------------------------------------------------------------------------------------


@_dalam_konteks
def _persen(bagian, keseluruhan):
    a, b = _angka(bagian), _angka(keseluruhan)
    if a is None or b is None or b == 0:
        return None
    return a / b * SERATUS


def bagian_persen(bagian, keseluruhan):
    """A part of a whole in percent (e.g. indicators filled of those asked); None when either is
    missing or the whole is 0.

    >>> bagian_persen(76, 102).quantize(Decimal("0.01"))
    Decimal('74.51')
    """
    return _persen(bagian, keseluruhan)


def serapan(realisasi_rp, pagu_rp):
    """Budget absorption: realisasi / pagu × 100 (the revised pagu when there is one; the caller
    passes the one in force). None without a pagu or a realisation, or for a pagu of 0.

    >>> round(serapan(9_521_256_875, 10_314_852_053), 2)
    Decimal('92.31')
    """
    return _persen(realisasi_rp, pagu_rp)


def efektivitas(realisasi_rp, target_rp):
    """Efektivitas anggaran (Mahsun 2009): realisasi biaya / target biaya × 100; its categories
    follow Kepmendagri 690.900.327/1996 (scale `efektivitas_anggaran`)."""
    return _persen(realisasi_rp, target_rp)


def efisiensi(realisasi_belanja_langsung, realisasi_anggaran_belanja):
    """Efisiensi anggaran (Mahsun 2009): realisasi belanja langsung / realisasi anggaran belanja
    × 100 (scale `efisiensi_anggaran`: lower is more efficient)."""
    return _persen(realisasi_belanja_langsung, realisasi_anggaran_belanja)


KUADRAN = {
    (True, True): "Capaian tinggi, serapan tinggi",
    (True, False): "Capaian tinggi, serapan rendah",
    (False, True): "Serapan tinggi, capaian rendah",
    (False, False): "Capaian rendah, serapan rendah",
}


def ambang_sampai_triwulan(ambang_tahunan, triwulan):
    """A yearly threshold up to a quarter, in proportion to the part of the year gone: results
    and spending are planned through the year.

    >>> ambang_sampai_triwulan(90, 3)
    Decimal('67.5')
    """
    return _angka(ambang_tahunan) * Decimal(triwulan) / 4


def kuadran(capaian, serapan, ambang_capaian, ambang_serapan):
    """Where physical capaian and budget absorption put an agency or a program: at or above each
    threshold is high. "Serapan tinggi, capaian rendah" is money spent without results. None when
    either is missing.

    >>> kuadran(Decimal("71.9"), Decimal("95"), 90, 90)
    'Serapan tinggi, capaian rendah'
    """
    c, s = _angka(capaian), _angka(serapan)
    if c is None or s is None:
        return None
    return KUADRAN[(c >= _angka(ambang_capaian), s >= _angka(ambang_serapan))]


@_dalam_konteks
def indeks_spm(persen_penerima, persen_mutu):
    """Indeks pencapaian SPM (Permendagri 59/2021): 0,8 × % penerima layanan dasar + 0,2 × %
    mutu, where mutu is the mean of the quality items' percentages (None items left out)."""
    penerima = _angka(persen_penerima)
    mutu = rata_rata_capaian(persen_mutu)
    if penerima is None or mutu is None:
        return None
    return Decimal("0.8") * penerima + Decimal("0.2") * mutu


# ---------------------------------------------------------------------------------------------
# Predikat: a capaian falls into exactly one band of a scale
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rentang:
    """One band of a scale. A bound of None is unbounded (−∞ below, +∞ above)."""

    label: str
    bawah: Decimal | None
    atas: Decimal | None
    bawah_inklusif: bool = True
    atas_inklusif: bool = False
    warna: str = ""

    def memuat(self, x):
        if self.bawah is not None and (x < self.bawah or (x == self.bawah and not self.bawah_inklusif)):
            return False
        return not (self.atas is not None and (x > self.atas or (x == self.atas and not self.atas_inklusif)))

    @property
    def uraian(self):
        """The band as the reports print it: "≥ 90", "75 s.d. < 90", "= 100", "< 50".

        >>> Rentang("Baik", Decimal(75), Decimal(90)).uraian, Rentang("Sangat baik", Decimal(90), None).uraian
        ('75 s.d. < 90', '≥ 90')
        """
        if self.bawah is not None and self.bawah == self.atas:
            return f"= {format_angka(self.bawah, None)}"
        if self.bawah is None and self.atas is None:
            return "semua nilai"
        if self.bawah is None:
            return f"{'≤' if self.atas_inklusif else '<'} {format_angka(self.atas, None)}"
        kiri = format_angka(self.bawah, None)
        if self.atas is None:
            return f"{'≥' if self.bawah_inklusif else '>'} {kiri}"
        kiri = kiri if self.bawah_inklusif else f"> {kiri}"
        kanan = format_angka(self.atas, None) if self.atas_inklusif else f"< {format_angka(self.atas, None)}"
        return f"{kiri} s.d. {kanan}"

    def __str__(self):
        kiri = "(−∞" if self.bawah is None else ("[" if self.bawah_inklusif else "(") + format_angka(self.bawah, None)
        kanan = "∞)" if self.atas is None else format_angka(self.atas, None) + ("]" if self.atas_inklusif else ")")
        return f"{self.label} {kiri}; {kanan}"


@dataclass(frozen=True)
class Skala:
    kode: str
    nama: str
    dasar: str
    rentang: tuple

    def cari(self, nilai):
        """The band holding `nilai` rounded to 2 places by the region's rule, the value people read."""
        x = _angka(nilai)
        if x is None:
            return None
        x = bulatkan_tampil(x, 2)
        for r in self.rentang:
            if r.memuat(x):
                return r
        return None


def _r(label, bawah, atas, bawah_inklusif=True, atas_inklusif=False, warna=""):
    d = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return Rentang(label, d(bawah), d(atas), bawah_inklusif, atas_inklusif, warna)


# The regulations print their bands with gaps ("91–100 / 76–90") or overlaps ("90–100 / 80–90").
# Each preset closes them one way, written out in docs/aturan-perhitungan.md and tested at every
# boundary on both sides.
PRESET = {
    # Printed upper bounds are inclusive ("≤ 50", "76–90"); a value in a gap belongs to the band
    # above it: 90 is Tinggi, 90,01 and 90,5 are Sangat Tinggi. Above 100 is Sangat Tinggi.
    "permendagri_86_2017": Skala(
        "permendagri_86_2017",
        "Permendagri 86/2017 (evaluasi Renja/RKPD)",
        "Permendagri Nomor 86 Tahun 2017, Lampiran: kriteria tingkat capaian kinerja",
        (
            _r("Sangat Tinggi", "90", None, bawah_inklusif=False, warna="#166534"),
            _r("Tinggi", "75", "90", bawah_inklusif=False, atas_inklusif=True, warna="#15803d"),
            _r("Sedang", "65", "75", bawah_inklusif=False, atas_inklusif=True, warna="#a16207"),
            _r("Rendah", "50", "65", bawah_inklusif=False, atas_inklusif=True, warna="#c2410c"),
            _r("Sangat Rendah", None, "50", atas_inklusif=True, warna="#b91c1c"),
        ),
    ),
    # Printed lower bounds are inclusive ("75 – 89,99", "0 – 49,99"); "> 90" is read as from 90:
    # 89,99 is Baik, 90,00 Sangat baik. Negative values are Sangat kurang.
    "permendagri_54_2010": Skala(
        "permendagri_54_2010",
        "Permendagri 54/2010 (kategori capaian LKjIP)",
        "Permendagri Nomor 54 Tahun 2010, dipakai dalam LKjIP",
        (
            _r("Sangat baik", "90", None, warna="#166534"),
            _r("Baik", "75", "90", warna="#15803d"),
            _r("Cukup", "65", "75", warna="#a16207"),
            _r("Kurang", "50", "65", warna="#c2410c"),
            _r("Sangat kurang", None, "50", warna="#b91c1c"),
        ),
    ),
    "status_capaian": Skala(
        "status_capaian",
        "Status capaian",
        "Predikat capaian kinerja (LKjIP): < 100, = 100, > 100",
        (
            _r("Melebihi target", "100", None, bawah_inklusif=False, warna="#1d4ed8"),
            _r("Tercapai", "100", "100", atas_inklusif=True, warna="#166534"),
            _r("Tidak tercapai", None, "100", warna="#b91c1c"),
        ),
    ),
    # Kepmendagri 690.900.327/1996; a shared printed bound (90, 80, 60) belongs to the band above.
    "efektivitas_anggaran": Skala(
        "efektivitas_anggaran",
        "Efektivitas anggaran",
        "Kepmendagri Nomor 690.900.327 Tahun 1996",
        (
            _r("Sangat Efektif", "100", None, bawah_inklusif=False, warna="#166534"),
            _r("Efektif", "90", "100", atas_inklusif=True, warna="#15803d"),
            _r("Cukup Efektif", "80", "90", warna="#a16207"),
            _r("Kurang Efektif", "60", "80", warna="#c2410c"),
            _r("Tidak Efektif", None, "60", warna="#b91c1c"),
        ),
    ),
    # Mahsun (2009): lower is more efficient; bounds as in efektivitas.
    "efisiensi_anggaran": Skala(
        "efisiensi_anggaran",
        "Efisiensi anggaran",
        "Mahsun (2009), Pengukuran Kinerja Sektor Publik",
        (
            _r("Tidak Efisien", "100", None, bawah_inklusif=False, warna="#b91c1c"),
            _r("Kurang Efisien", "90", "100", atas_inklusif=True, warna="#c2410c"),
            _r("Cukup Efisien", "80", "90", warna="#a16207"),
            _r("Efisien", "60", "80", warna="#15803d"),
            _r("Sangat Efisien", None, "60", warna="#166534"),
        ),
    ),
}


def _skala(skala):
    if isinstance(skala, Skala):
        return skala
    if isinstance(skala, str):
        try:
            return PRESET[skala]
        except KeyError:
            raise ValueError(f"Skala predikat {skala!r} tidak dikenal; pilihan: {', '.join(PRESET)}.") from None
    if hasattr(skala, "sebagai_skala"):
        return skala.sebagai_skala()
    raise TypeError(f"Bukan skala predikat: {skala!r}")


def rentang_predikat(nilai, skala):
    """The band of `skala` holding `nilai` (label and colour), or None for None."""
    return _skala(skala).cari(nilai)


def predikat(nilai, skala):
    """The category of a capaian on a scale: a preset key (`permendagri_86_2017`,
    `permendagri_54_2010`, `status_capaian`, `efektivitas_anggaran`, `efisiensi_anggaran`), a
    `Skala` or a scale from the database. The value is classified as written for people
    (rounded to 2 places by the region's rule, `bulatkan_tampil`), so the category always agrees
    with the printed number.

    >>> predikat("71,91", "permendagri_54_2010"), predikat(90, "permendagri_86_2017")
    ('Cukup', 'Tinggi')
    """
    rentang = rentang_predikat(nilai, skala)
    return rentang.label if rentang else None


def periksa_skala(rentang):
    """The problems of a set of bands (empty when every value falls in exactly one band):
    it must start at −∞, end at +∞, and each band must begin exactly where the one below ends,
    with the shared bound in exactly one of them.

    >>> periksa_skala([Rentang("Baik", Decimal(76), None), Rentang("Kurang", None, Decimal(75), atas_inklusif=True)])
    ['Nilai antara 75 dan 76 tidak masuk rentang mana pun.']
    """
    daftar = sorted(
        rentang, key=lambda r: (r.bawah is not None, r.bawah if r.bawah is not None else 0, not r.bawah_inklusif)
    )
    if not daftar:
        return ["Skala memerlukan sekurang-kurangnya satu rentang."]
    masalah = [
        f'Rentang "{r.label}" kosong: batas bawahnya tidak di bawah batas atasnya.'
        for r in daftar
        if r.bawah is not None
        and r.atas is not None
        and (r.bawah > r.atas or (r.bawah == r.atas and not (r.bawah_inklusif and r.atas_inklusif)))
    ]
    if daftar[0].bawah is not None:
        masalah.append(f"Nilai di bawah {format_angka(daftar[0].bawah, None)} tidak masuk rentang mana pun.")
    for bawah, atas in pairwise(daftar):
        if bawah.atas is None:
            masalah.append(f'Rentang "{bawah.label}" tidak berbatas atas, padahal ada rentang di atasnya.')
        elif atas.bawah < bawah.atas:
            masalah.append(f'Rentang "{bawah.label}" dan "{atas.label}" bertumpang tindih.')
        elif atas.bawah > bawah.atas:
            masalah.append(
                f"Nilai antara {format_angka(bawah.atas, None)} dan {format_angka(atas.bawah, None)} "
                "tidak masuk rentang mana pun."
            )
        elif bawah.atas_inklusif and atas.bawah_inklusif:
            masalah.append(
                f'Nilai {format_angka(bawah.atas, None)} masuk dua rentang: "{bawah.label}" dan "{atas.label}".'
            )
        elif not bawah.atas_inklusif and not atas.bawah_inklusif:
            masalah.append(f"Nilai {format_angka(bawah.atas, None)} tidak masuk rentang mana pun.")
    if daftar[-1].atas is not None:
        masalah.append(f"Nilai di atas {format_angka(daftar[-1].atas, None)} tidak masuk rentang mana pun.")
    return masalah


# ---------------------------------------------------------------------------------------------
# Writing numbers and dates for people
# ---------------------------------------------------------------------------------------------


_EKSPONEN = {n: Decimal(1).scaleb(-n) for n in range(7)}


def _bulatkan(d, desimal, cara=ROUND_HALF_UP):
    eksponen = _EKSPONEN.get(desimal) or Decimal(1).scaleb(-desimal)
    if d.adjusted() + desimal + 2 <= _KONTEKS.prec:
        # The usual case (a region's overview rounds tens of thousands): no context to set up.
        return d.quantize(eksponen, rounding=cara, context=_KONTEKS)
    with localcontext(_KONTEKS) as konteks:
        konteks.prec = d.adjusted() + desimal + 2
        return d.quantize(eksponen, rounding=cara)


# The region's rounding of written percentages (the setting KINERJA_PEMBULATAN).
SETENGAH_KE_ATAS = "setengah-ke-atas"
POTONG = "potong"
PEMBULATAN = {SETENGAH_KE_ATAS: ROUND_HALF_UP, POTONG: ROUND_DOWN}
_sumber_pembulatan = lambda: SETENGAH_KE_ATAS  # noqa: E731


def atur_pembulatan(sumber):
    """Where the region's rule comes from: a function giving `"setengah-ke-atas"` or `"potong"`,
    asked each time a percentage is written (kinerja.apps reads settings.KINERJA_PEMBULATAN, so
    this module needs no Django). Returns the previous source."""
    global _sumber_pembulatan
    lama, _sumber_pembulatan = _sumber_pembulatan, sumber
    return lama


def periksa_pembulatan(aturan):
    """The Indonesian message refusing an unknown rule, or "" for a valid one.

    >>> periksa_pembulatan("potong"), periksa_pembulatan("bankir")
    ('', 'KINERJA_PEMBULATAN harus "setengah-ke-atas" atau "potong", bukan "bankir".')
    """
    if aturan in PEMBULATAN:
        return ""
    return f'KINERJA_PEMBULATAN harus "{SETENGAH_KE_ATAS}" atau "{POTONG}", bukan "{aturan}".'


def pembulatan():
    """The rule in force: `"setengah-ke-atas"` (the default) or `"potong"`."""
    aturan = _sumber_pembulatan()
    if pesan := periksa_pembulatan(aturan):
        raise ValueError(pesan)
    return aturan


def bulatkan_tampil(x, desimal=2, aturan=None):
    """A percentage as it is written: rounded to `desimal` places by the region's rule, `aturan`
    or else the one in force (`pembulatan()`). `"potong"` cuts toward zero, as agencies that
    truncate print (77,09/70 = 110,1285…% → 110,12; half-up gives 110,13). The one place that
    decides how a percentage is rounded; arithmetic never uses its result. None gives None.

    >>> x = Decimal("77.09") / 70 * 100
    >>> bulatkan_tampil(x, 2, SETENGAH_KE_ATAS), bulatkan_tampil(x, 2, POTONG), bulatkan_tampil("-1,239", 2, POTONG)
    (Decimal('110.13'), Decimal('110.12'), Decimal('-1.23'))
    """
    d = _angka(x)
    if d is None:
        return None
    aturan = aturan or pembulatan()
    if pesan := periksa_pembulatan(aturan):
        raise ValueError(pesan)
    return _bulatkan(d, desimal, PEMBULATAN[aturan])


def uraian_pembulatan(aturan=None, desimal=2):
    """The note of a report saying how its percentages are rounded (the rule in force unless
    `aturan` is given).

    >>> uraian_pembulatan(POTONG).split(";")[0]
    'Persentase dipotong (tidak dibulatkan) pada 2 desimal (KINERJA_PEMBULATAN = potong)'
    """
    aturan = aturan or pembulatan()
    cara = "dipotong (tidak dibulatkan)" if aturan == POTONG else "dibulatkan setengah ke atas"
    return (
        f"Persentase {cara} pada {desimal} desimal (KINERJA_PEMBULATAN = {aturan}); hitungan dan rata-rata memakai "
        "nilai penuh, predikat digolongkan dari nilai sebagaimana ditulis."
    )


def format_angka(x, desimal=2):
    """Write a number the Indonesian way: `.` between thousands, `,` before decimals, rounded
    half-up to `desimal` places; `desimal=None` keeps the number's own significant decimals (a
    target as the document prints it). None gives an empty string.

    >>> format_angka(Decimal("1234567.885")), format_angka(Decimal("0.5000"), desimal=None)
    ('1.234.567,89', '0,5')
    """
    d = _angka(x)
    if d is None:
        return ""
    if desimal is None:
        d = _bulatkan(d, 0) if d == d.to_integral_value() else d.normalize(_KONTEKS)
    else:
        d = _bulatkan(d, desimal)
    tanda = "-" if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return f"{tanda}{bulat},{pecahan}" if pecahan else f"{tanda}{bulat}"


def format_nilai(x):
    """A realisation or target as a value: whole numbers without decimals (`34.000`), others
    with two (`97,62`); a level's name as it is; None gives an empty string.

    >>> format_nilai(Decimal("34000.0000")), format_nilai(Decimal("97.62133")), format_nilai("Madya")
    ('34.000', '97,62', 'Madya')
    """
    if x is None or isinstance(x, str):
        return x or ""
    d = _angka(x)
    return format_angka(d, 0 if d == d.to_integral_value() else 2)


def format_angka_persen(x, desimal=2, aturan=None):
    """A percentage's number without the sign (a column headed "%"), rounded by the region's
    rule (`bulatkan_tampil`); None gives an empty string.

    >>> format_angka_persen(Decimal("94.2799")), format_angka_persen(Decimal("94.2799"), aturan=POTONG)
    ('94,28', '94,27')
    """
    return format_angka(bulatkan_tampil(x, desimal, aturan), desimal)


def format_persen(x, desimal=2, aturan=None):
    """`88,24%`, rounded by the region's rule (`bulatkan_tampil`); None gives an empty string.

    >>> format_persen(Decimal(15) / 17 * 100), format_persen(Decimal(15) / 17 * 100, aturan=POTONG)
    ('88,24%', '88,23%')
    """
    teks = format_angka_persen(x, desimal, aturan)
    return f"{teks}%" if teks else ""


def format_rupiah(x):
    """`Rp 5.367.987.782` (whole rupiah, rounded half-up); None gives an empty string."""
    teks = format_angka(x, 0)
    if not teks:
        return ""
    return f"-Rp {teks[1:]}" if teks.startswith("-") else f"Rp {teks}"


BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def format_tanggal(tanggal):
    """`3 Januari 2025`; None gives an empty string. A moment gives its day as it is expressed
    (callers pass local time)."""
    if tanggal is None:
        return ""
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def format_waktu(waktu, spasi=" "):
    """A moment: `7 Desember 2026 pukul 09.59`, the time after "pukul" with a dot between hours
    and minutes (PUEBI), in the time zone `waktu` is expressed in (callers pass local time).
    `spasi` is the space inside the day and inside the time: pages give a no-break space, so that
    a narrow column breaks the moment only between the two. None gives an empty string.

    >>> import datetime
    >>> format_waktu(datetime.datetime(2025, 1, 3, 10, 15))
    '3 Januari 2025 pukul 10.15'
    """
    if waktu is None:
        return ""
    hari = format_tanggal(waktu).replace(" ", spasi)
    return f"{hari} pukul{spasi}{waktu.hour:02d}.{waktu.minute:02d}"
