"""The national nomenclature of the social-sector urusan as data, and the check against it.

The data (renstra/data/nomenklatur/, see its README) hold urusan, bidang urusan, program,
kegiatan and sub kegiatan codes and names of urusan 1.06 (Sosial), 2.08 (Pemberdayaan Perempuan
dan Perlindungan Anak) and 2.14 (Pengendalian Penduduk dan Keluarga Berencana), with the
supporting programme `X.XX.01` shared by every agency, per version of the nomenclature
(Permendagri 90/2019 and the Kepmendagri that replaced or amended it) and the year each version
took effect.

`versi.csv` lists the versions. Each version's file (`<versi>.csv`) holds its own rows; a version
also takes over the levels named in its `mewarisi` column from the version before it, and a row
whose `perubahan` is `hapus` removes an inherited code. Only the levels named in `lengkap` are
transcribed completely: a code missing at such a level is reported, a code missing at another
level is not (the transcription may simply lack it). Names are compared wherever the code is
known.

Pure Python (no models): importers, forms and reports call it alike.

>>> versi_berlaku(2023).nama
'Kepmendagri 050-5889/2021'
>>> cari("1.06.04", 2023).uraian
'PROGRAM REHABILITASI SOSIAL'
>>> cari("2.08.01.2.08", 2022).uraian
'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah'
>>> bidang_urusan_dari("2.14.03.2.02").uraian
'URUSAN PEMERINTAHAN BIDANG PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA'
>>> periksa("program", "1.06.09", "Program Apa Saja", 2023)
['Kode program 1.06.09 tidak ada dalam nomenklatur Kepmendagri 050-5889/2021 yang berlaku tahun 2023.']
"""

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from renstra.kode import KEGIATAN, PROGRAM, SUB_KEGIATAN

URUSAN = "urusan"
BIDANG_URUSAN = "bidang_urusan"
LEVEL = (URUSAN, BIDANG_URUSAN, PROGRAM, KEGIATAN, SUB_KEGIATAN)
NAMA_LEVEL = {
    URUSAN: "urusan",
    BIDANG_URUSAN: "bidang urusan",
    PROGRAM: "program",
    KEGIATAN: "kegiatan",
    SUB_KEGIATAN: "sub kegiatan",
}
# Number of dot-separated parts of a code per level: 1, 1.06, 1.06.02, 1.06.02.2.03, 1.06.02.2.03.0001.
_LEVEL_MENURUT_BAGIAN = {1: URUSAN, 2: BIDANG_URUSAN, 3: PROGRAM, 5: KEGIATAN, 6: SUB_KEGIATAN}
# The supporting programme is written once for every agency, with the placeholder bidang urusan.
PENUNJANG = ("X", "XX", 1)

DIREKTORI = Path(__file__).resolve().parent / "data" / "nomenklatur"


@dataclass(frozen=True)
class Versi:
    versi: str
    nama: str
    ditetapkan: str
    berlaku_mulai: int
    mewarisi: frozenset
    lengkap: frozenset
    dasar_hukum: str


@dataclass(frozen=True)
class Entri:
    kode: str
    uraian: str
    level: str
    versi: str


@dataclass(frozen=True)
class Nomenklatur:
    daftar_versi: tuple  # of Versi, oldest first
    isi: dict  # versi -> {kunci: Entri}, the rows in force under that version
    milik: dict  # versi -> set of kunci the version's own file holds


def kunci(kode):
    """The comparable form of a code: parts as numbers (`01` and `0001` alike), `X`/`XX` kept.

    >>> kunci(" 1.06.05.2,01.01 ")
    (1, 6, 5, 2, 1, 1)
    >>> kunci("X.XX.01.2.08") == kunci("x.xx.01.2.8")
    True
    >>> kunci("1.06.a") is None
    True
    """
    bagian = re.split(r"[.,]", re.sub(r"\s+", "", str(kode or "")))
    if not bagian or any(b == "" for b in bagian):
        return None
    hasil = []
    for b in bagian:
        if b.isdigit():
            hasil.append(int(b))
        elif b.upper() in ("X", "XX"):
            hasil.append(b.upper())
        else:
            return None
    return tuple(hasil)


def level_kode(kode):
    """The level a code's shape belongs to, or None.

    >>> level_kode("2.08.02.2.01.0001")
    'sub_kegiatan'
    """
    k = kunci(kode)
    return _LEVEL_MENURUT_BAGIAN.get(len(k)) if k else None


def _penunjang(k):
    """A code of the supporting programme of some bidang urusan, written with the placeholder."""
    if k and len(k) >= 3 and k[2] == 1 and not isinstance(k[0], str):
        return PENUNJANG + k[3:]
    return k


def muat(direktori=DIREKTORI):
    """Read the versions and their rows (uncached; `nomenklatur()` is the cached one)."""
    direktori = Path(direktori)
    with open(direktori / "versi.csv", newline="", encoding="utf-8") as f:
        daftar = tuple(
            sorted(
                (
                    Versi(
                        versi=r["versi"],
                        nama=r["nama"],
                        ditetapkan=r["ditetapkan"],
                        berlaku_mulai=int(r["berlaku_mulai"]),
                        mewarisi=frozenset(r["mewarisi"].split()),
                        lengkap=frozenset(r["lengkap"].split()),
                        dasar_hukum=r["dasar_hukum"],
                    )
                    for r in csv.DictReader(f)
                ),
                key=lambda v: v.berlaku_mulai,
            )
        )
    isi, milik, sebelumnya = {}, {}, {}
    for v in daftar:
        berlaku = {k: e for k, e in sebelumnya.items() if e.level in v.mewarisi}
        sendiri = set()
        berkas = direktori / f"{v.versi}.csv"
        if berkas.exists():
            with open(berkas, newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    k = kunci(r["kode"])
                    if (r.get("perubahan") or "").strip() == "hapus":
                        berlaku.pop(k, None)
                        continue
                    berlaku[k] = Entri(r["kode"].strip(), r["uraian"].strip(), level_kode(r["kode"]), v.versi)
                    sendiri.add(k)
        isi[v.versi], milik[v.versi], sebelumnya = berlaku, sendiri, berlaku
    return Nomenklatur(daftar, isi, milik)


@functools.cache
def nomenklatur():
    return muat()


def versi_berlaku(tahun, data=None):
    """The version in force for a budget year, or None before the first one shipped."""
    data = data or nomenklatur()
    hasil = None
    for v in data.daftar_versi:
        if tahun is not None and v.berlaku_mulai <= int(tahun):
            hasil = v
    return hasil


def _terbaru(data):
    return data.daftar_versi[-1] if data.daftar_versi else None


def cari(kode, tahun=None, data=None):
    """The entry a code names in the version in force that year (latest version without a year)."""
    data = data or nomenklatur()
    v = versi_berlaku(tahun, data) if tahun is not None else _terbaru(data)
    k = kunci(kode)
    if v is None or k is None:
        return None
    isi = data.isi[v.versi]
    return isi.get(k) or isi.get(_penunjang(k))


def urusan_dari(kode, tahun=None, data=None):
    """The urusan heading row above a program (or kegiatan, sub kegiatan) code.

    >>> urusan_dari("1.06.04.2.01.0001").kode
    '1'
    """
    k = kunci(kode)
    if not k or isinstance(k[0], str):
        return None
    return cari(str(k[0]), tahun, data)


def bidang_urusan_dari(kode, tahun=None, data=None):
    """The bidang urusan heading row above a program (or kegiatan, sub kegiatan) code."""
    k = kunci(kode)
    if not k or len(k) < 2 or isinstance(k[0], str) or isinstance(k[1], str):
        return None
    return cari(f"{k[0]}.{k[1]:02d}", tahun, data)


def sama(uraian, resmi):
    """Whether two names are the same but for case, spacing and punctuation.

    >>> sama("Program  Rehabilitasi sosial.", "PROGRAM REHABILITASI SOSIAL")
    True
    """

    def bentuk(t):
        return " ".join(re.sub(r"[\W_]+", " ", str(t or "").casefold()).split())

    return bentuk(uraian) == bentuk(resmi)


def _tersedia(k, data):
    """Whether the shipped data cover the bidang urusan of a code."""
    if k[:3] == PENUNJANG or (len(k) >= 3 and k[2] == 1):
        return True
    return k[:2] in _bidang_urusan(data.isi[_terbaru(data).versi])


_BIDANG_URUSAN = {}  # id(rows of a version) -> (those rows, the keys of their bidang urusan)


def _bidang_urusan(isi):
    """The keys of the bidang urusan among a version's rows, gathered once per version (a
    workbook checks thousands of codes against them)."""
    ada = _BIDANG_URUSAN.get(id(isi))
    if ada is None or ada[0] is not isi:
        ada = _BIDANG_URUSAN[id(isi)] = (isi, frozenset(kk for kk, e in isi.items() if e.level == BIDANG_URUSAN))
    return ada[1]


def periksa(level, kode, uraian, tahun, data=None, sudah_diberitahu=None):
    """Indonesian warnings about a code and name against the nomenclature in force that year.

    `level` is "program", "kegiatan" or "sub_kegiatan" (or "urusan", "bidang_urusan"). Nothing is
    said of a blank code, of a year before the first version shipped, of codes with the placeholder
    `X.XX` other than the supporting programme, or of a code whose bidang urusan is not shipped
    (there: "nomenklatur urusan ini belum tersedia", once per bidang urusan when the caller passes
    the same set `sudah_diberitahu` for all rows of a workbook).
    """
    data = data or nomenklatur()
    level = level.replace(" ", "_")
    nama_level = NAMA_LEVEL.get(level, level)
    k = kunci(kode)
    v = versi_berlaku(tahun, data)
    if not str(kode or "").strip() or v is None:
        return []
    if k is None:
        return [f"Kode {nama_level} {kode} bukan kode nomenklatur (angka dipisah titik)."]
    if isinstance(k[0], str) and k[: len(PENUNJANG)] != PENUNJANG[: len(k)]:
        return []
    if isinstance(k[0], str) and len(k) < 3:
        return []
    bentuk = _LEVEL_MENURUT_BAGIAN.get(len(k))
    if bentuk != level:
        contoh = {URUSAN: "1", BIDANG_URUSAN: "1.06", PROGRAM: "1.06.02", KEGIATAN: "1.06.02.2.03"}
        contoh[SUB_KEGIATAN] = "1.06.02.2.03.0001"
        return [f"Kode {nama_level} {kode} tidak berbentuk kode {nama_level} (contoh: {contoh.get(level, '')})."]
    if not isinstance(k[0], str) and len(k) >= 2 and not _tersedia(k, data):
        bidang = f"{k[0]}.{k[1]:02d}"
        if sudah_diberitahu is not None:
            if bidang in sudah_diberitahu:
                return []
            sudah_diberitahu.add(bidang)
        return [f"Kode {nama_level} {kode}: nomenklatur urusan {bidang} belum tersedia, kode dan nama tidak diperiksa."]
    entri = cari(kode, tahun, data)
    if entri is None:
        if level not in v.lengkap:
            return []
        lama = _versi_terakhir_memuat(k, v, data)
        if lama is not None:
            sampai = _berlaku_sampai(lama, data)
            return [
                f"Kode {nama_level} {kode} berasal dari nomenklatur {lama.nama} yang berlaku sampai tahun "
                f"{sampai}; tahun {tahun} berlaku {v.nama}."
            ]
        return [f"Kode {nama_level} {kode} tidak ada dalam nomenklatur {v.nama} yang berlaku tahun {tahun}."]
    if str(uraian or "").strip() and not sama(uraian, entri.uraian):
        return [f"Nama {nama_level} {kode} berbeda dari nomenklatur {v.nama}: «{entri.uraian}»."]
    return []


def periksa_dalam_periode(level, kode, uraian, daftar_tahun, data=None, sudah_diberitahu=None):
    """`periksa` for a node of a plan covering `daftar_tahun` (a Renstra or a matrix): a code and
    name that fit the version in force in any of those years are right, since a plan written
    under one version may run into the next; otherwise the warnings of the latest year whose
    version can tell (a version transcribed only in part says nothing of a code it lacks)."""
    daftar_tahun = sorted(daftar_tahun)
    if not daftar_tahun:
        return []
    for tahun in daftar_tahun:
        ada = cari(kode, tahun, data) is not None
        if ada and not periksa(level, kode, uraian, tahun, data, sudah_diberitahu=set(sudah_diberitahu or ())):
            return []
    for tahun in reversed(daftar_tahun):  # the latest year whose version can tell
        pesan = periksa(level, kode, uraian, tahun, data, sudah_diberitahu=sudah_diberitahu)
        if pesan:
            return pesan
    return []


def _versi_terakhir_memuat(k, versi, data):
    hasil = None
    for v in data.daftar_versi:
        if v.berlaku_mulai >= versi.berlaku_mulai:
            break
        isi = data.isi[v.versi]
        if k in isi or _penunjang(k) in isi:
            hasil = v
    return hasil


def _berlaku_sampai(versi, data):
    berikut = [v.berlaku_mulai for v in data.daftar_versi if v.berlaku_mulai > versi.berlaku_mulai]
    return min(berikut) - 1 if berikut else None
