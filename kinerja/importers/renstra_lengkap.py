"""The whole Renstra of an agency in one workbook: the agency itself (created when it does not
exist yet), its bidang, tujuan and sasaran, programs, kegiatan and sub kegiatan, the indicators
of every level, targets, past years' realisations and budgets.

Each sheet has one header row (row 1) with Indonesian column names (`KOLOM`, with the synonyms
people write); the sheets are found by name (`LEMBAR`). The period comes from the sheet
"Perangkat Daerah" (tahun awal/akhir, one to six years), so the import needs no year.

Codes are optional (documents before 2021 print none; the row is stored with kode "" and shown
as "tanpa kode"); a row is referenced by its code when it has one, else by its uraian, and the
codes present are checked with renstra.kode. A kegiatan of the old nomenclature (no sub
kegiatan) with a budget gets one hidden sub kegiatan carrying it (renstra.anggaran). Annual
indicators (Frekuensi "Tahunan") have yearly realisations: an empty Triwulan is the year's value,
stored with the quarter that closes the year (triwulan 4).

Every data row is accounted for: read into an object, or refused/ignored with a message naming
its sheet, row and column.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError

from kinerja import rules
from kinerja.models import Pelaporan, Realisasi, RealisasiAnggaran
from kinerja.models.pelaporan import StatusPelaporan
from kinerja.versi import kunci_pelaporan_tahun
from renstra import anggaran, nomenklatur
from renstra import kode as kode_rules
from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SkalaTingkat,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)
from renstra.models.periode import TAHUN_MAKS, TAHUN_MIN
from renstra.models.rencana import LAMA_PERIODE_MAKS

from . import judul as judul_modul
from . import sel
from .bidang import DaftarBidang, kunci_bidang
from .hasil import DIBUAT, DIUBAH, TETAP, huruf_kolom
from .matriks_renstra import cara_tahunan_baru
from .selaras import Penyelaras

FORMAT = "renstra"
JUDUL = "Renstra lengkap (satu buku kerja)"
# The workbook carries its period: `--tahun` and the page's year are not needed.
TAHUN_DARI_BERKAS = True
# The writer locks the quarters it writes itself, per year (see `_Penyelaras.tulis`).
KUNCI_SENDIRI = True

URUTAN_TULIS = (
    PerangkatDaerah,
    Bidang,
    Renstra,
    Tujuan,
    Sasaran,
    Program,
    Kegiatan,
    SubKegiatan,
    Indikator,
    Target,
    Realisasi,
    SumberDana,
    Pagu,
    RealisasiAnggaran,
)


def kunci(teks):
    """A header or sheet name as compared: case, punctuation and blanks do not count."""
    s = sel.teks(teks).casefold().replace("&", " dan ")
    return " ".join(re.sub(r"[^\w%]+", " ", s).split())


# sheet → its name in the template, and the other names it is recognised by
LEMBAR = {
    "opd": ("Perangkat Daerah", ("perangkat daerah", "opd", "identitas", "profil")),
    "bidang": ("Bidang", ("bidang", "unit kerja")),
    "tujuan": ("Tujuan dan Sasaran", ("tujuan dan sasaran", "tujuan sasaran", "tujuan")),
    "program": ("Program dan Kegiatan", ("program dan kegiatan", "program kegiatan", "program")),
    "indikator": ("Indikator", ("indikator",)),
    "target": ("Target", ("target",)),
    "realisasi": ("Realisasi", ("realisasi", "realisasi kinerja")),
    "pagu": ("Pagu", ("pagu", "anggaran", "pagu dan realisasi anggaran")),
}
LEMBAR_DIABAIKAN = {"petunjuk", "keterangan", "contoh"}

# sheet → field → (header in the template, synonyms)
KOLOM = {
    "opd": {"isian": ("Isian", ("isian", "uraian", "data")), "nilai": ("Nilai", ("nilai", "isi", "keterangan"))},
    "bidang": {
        "kode": ("Kode", ("kode",)),
        "nama": ("Nama Bidang", ("nama bidang", "bidang", "nama")),
        "kepala_jabatan": ("Jabatan Kepala", ("jabatan kepala", "jabatan")),
        "kepala_nama": ("Nama Kepala", ("nama kepala", "kepala bidang", "kepala")),
        "kepala_nip": ("NIP Kepala", ("nip kepala", "nip")),
        "kepala_pangkat": ("Pangkat/Golongan Kepala", ("pangkat golongan kepala", "pangkat golongan", "pangkat")),
    },
    "tujuan": {
        "tingkat": ("Tingkat", ("tingkat", "level", "jenis")),
        "kode": ("Kode", ("kode", "no", "nomor")),
        "uraian": ("Uraian", ("uraian", "tujuan sasaran", "nama")),
        "strategi": ("Strategi", ("strategi",)),
        "arah_kebijakan": ("Arah Kebijakan", ("arah kebijakan", "kebijakan")),
        "induk": ("Tujuan", ("tujuan", "induk", "tujuan induk")),
    },
    "program": {
        "tingkat": ("Tingkat", ("tingkat", "level", "jenis")),
        "kode": ("Kode", ("kode", "kode rekening", "kodrek")),
        "uraian": ("Uraian", ("uraian", "program kegiatan sub kegiatan", "program kegiatan", "nama")),
        "induk": ("Induk", ("induk", "program kegiatan induk")),
        "sasaran": ("Sasaran", ("sasaran", "sasaran yang dilayani", "sasaran renstra")),
        "bidang": ("Bidang", ("bidang", "bidang penanggung jawab", "penanggung jawab", "unit penanggung jawab")),
        "tahun_mulai": ("Berlaku Mulai", ("berlaku mulai", "tahun mulai", "mulai berlaku", "mulai")),
        "tahun_selesai": ("Berlaku Sampai", ("berlaku sampai", "tahun selesai", "selesai berlaku", "sampai")),
        "pendahulu": ("Pendahulu", ("pendahulu", "menggantikan", "nomenklatur lama")),
    },
    "indikator": {
        "tingkat": ("Tingkat", ("tingkat", "level", "tingkat pemilik")),
        "pemilik": ("Pemilik", ("pemilik", "tujuan sasaran program kegiatan", "kode uraian pemilik")),
        "uraian": ("Indikator", ("indikator", "uraian indikator", "uraian")),
        "satuan": ("Satuan", ("satuan",)),
        "arah": ("Arah", ("arah", "polaritas", "sifat")),
        "cara_tahunan": ("Nilai Tahunan", ("nilai tahunan", "cara tahunan", "cara penghitungan tahunan")),
        "frekuensi": ("Frekuensi", ("frekuensi", "frekuensi pengukuran", "periode pengukuran")),
        "rumusan": ("Rumusan", ("rumusan", "formula", "cara perhitungan", "definisi operasional")),
        "pembilang": ("Pembilang", ("pembilang",)),
        "penyebut": ("Penyebut", ("penyebut",)),
        "pengali": ("Pengali", ("pengali",)),
        "sumber_data": ("Sumber Data", ("sumber data",)),
        "kondisi_awal": ("Kondisi Awal", ("kondisi awal", "baseline", "kondisi kinerja awal")),
        "iku": ("IKU", ("iku",)),
        "ikk": ("IKK", ("ikk",)),
        "spm": ("SPM", ("spm",)),
        "skala": ("Skala Tingkatan", ("skala tingkatan", "skala")),
        "penanggung_jawab": ("Penanggung Jawab", ("penanggung jawab", "unit penanggung jawab", "bidang")),
    },
    "target": {
        "indikator": ("Indikator", ("indikator", "uraian indikator")),
        "pemilik": ("Pemilik", ("pemilik",)),
        "tahun": ("Tahun", ("tahun",)),
        "jenis": ("Jenis", ("jenis", "jenis target", "dokumen")),
        "target": ("Target", ("target", "nilai")),
    },
    "realisasi": {
        "indikator": ("Indikator", ("indikator", "uraian indikator")),
        "pemilik": ("Pemilik", ("pemilik",)),
        "tahun": ("Tahun", ("tahun",)),
        "triwulan": ("Triwulan", ("triwulan", "tw")),
        "realisasi": ("Realisasi", ("realisasi", "nilai")),
        "pembilang": ("Pembilang", ("pembilang",)),
        "penyebut": ("Penyebut", ("penyebut",)),
        "keterangan": ("Keterangan", ("keterangan",)),
    },
    "pagu": {
        "tingkat": ("Tingkat", ("tingkat", "level")),
        "pemilik": ("Kegiatan/Sub Kegiatan", ("kegiatan sub kegiatan", "pemilik", "kegiatan", "sub kegiatan")),
        "tahun": ("Tahun", ("tahun",)),
        "sumber_dana": ("Sumber Dana", ("sumber dana", "sumber")),
        "indikatif": ("Pagu Indikatif", ("pagu indikatif", "indikatif", "pagu renstra")),
        "induk": ("Anggaran Induk", ("anggaran induk", "induk", "anggaran murni", "pagu", "anggaran rp", "anggaran")),
        "perubahan": ("Anggaran Perubahan", ("anggaran perubahan", "perubahan", "apbd p")),
        "realisasi": ("Realisasi", ("realisasi", "realisasi rp", "realisasi anggaran")),
        "jenis_belanja": ("Jenis Belanja", ("jenis belanja",)),
    },
}

# rows of the sheet "Perangkat Daerah": field → (label in the template, synonyms)
ISIAN_OPD = {
    "kode": ("Kode perangkat daerah", ("kode perangkat daerah", "kode opd", "kode")),
    "nama": ("Nama perangkat daerah", ("nama perangkat daerah", "nama opd", "nama")),
    "singkatan": ("Singkatan", ("singkatan",)),
    "alamat": ("Alamat", ("alamat",)),
    "kota": ("Kota tempat penandatanganan", ("kota tempat penandatanganan", "kota", "tempat")),
    "kepala_daerah_jabatan": ("Jabatan kepala daerah", ("jabatan kepala daerah", "kepala daerah")),
    "kepala_daerah_nama": ("Nama kepala daerah", ("nama kepala daerah",)),
    "kepala_jabatan": ("Jabatan kepala", ("jabatan kepala", "jabatan kepala perangkat daerah")),
    "kepala_nama": ("Nama kepala", ("nama kepala", "nama kepala perangkat daerah", "kepala")),
    "kepala_nip": ("NIP kepala", ("nip kepala", "nip")),
    "kepala_pangkat": ("Pangkat/golongan kepala", ("pangkat golongan kepala", "pangkat golongan", "pangkat")),
    "pelaporan_per_bidang": ("Pelaporan per bidang", ("pelaporan per bidang",)),
    "tahun_awal": ("Tahun awal Renstra", ("tahun awal renstra", "tahun awal")),
    "tahun_akhir": ("Tahun akhir Renstra", ("tahun akhir renstra", "tahun akhir")),
    "nomor_dokumen": ("Nomor dokumen penetapan", ("nomor dokumen penetapan", "nomor dokumen", "nomor")),
    "visi": ("Visi", ("visi",)),
    "misi": ("Misi", ("misi",)),
}

_TINGKAT = {
    "tujuan": kode_rules.TUJUAN,
    "sasaran": kode_rules.SASARAN,
    "program": kode_rules.PROGRAM,
    "kegiatan": kode_rules.KEGIATAN,
    "sub kegiatan": kode_rules.SUB_KEGIATAN,
    "subkegiatan": kode_rules.SUB_KEGIATAN,
    "sub": kode_rules.SUB_KEGIATAN,
}
TUJUAN_DAN_SASARAN = "tujuan_sasaran"
_RENTANG = re.compile(r"^(.+?)\s*(?:–|—|\s-\s|\ss\.?d\.?\s)\s*(.+)$")
_YA = {"ya", "y", "v", "√", "✓", "x", "1", "iku", "ikk", "spm", "benar", "true"}
_TIDAK = {"", "tidak", "t", "n", "0", "-", "bukan", "false"}
_JENIS_TARGET = {
    "renstra": Target.Jenis.RENSTRA,
    "pk": Target.Jenis.PK,
    "perjanjian kinerja": Target.Jenis.PK,
    "pk perubahan": Target.Jenis.PK_PERUBAHAN,
    "perjanjian kinerja perubahan": Target.Jenis.PK_PERUBAHAN,
    "pk p": Target.Jenis.PK_PERUBAHAN,
}
_CARA = {
    "kumulatif": Indikator.CaraTahunan.KUMULATIF,
    "jumlah": Indikator.CaraTahunan.KUMULATIF,
    "akhir periode": Indikator.CaraTahunan.AKHIR_PERIODE,
    "akhir": Indikator.CaraTahunan.AKHIR_PERIODE,
    "nilai terakhir": Indikator.CaraTahunan.AKHIR_PERIODE,
    "rata rata": Indikator.CaraTahunan.RATA_RATA,
    "rerata": Indikator.CaraTahunan.RATA_RATA,
}


@dataclass
class Baris:
    """One data row of a sheet: its number in the sheet and its cells by field."""

    nomor: int
    sel: dict


@dataclass
class Tabel:
    nama: str
    kolom: dict  # field → column index
    baris: list = field(default_factory=list)

    def k(self, medan):
        return self.kolom.get(medan)


def _cari_medan(isi_kepala, daftar):
    """field → column index, by exact key first, then by synonyms."""
    kepala = [kunci(c) for c in isi_kepala]
    hasil = {}
    for medan, (judul, sinonim) in daftar.items():
        for s in (kunci(judul), *sinonim):
            if s in kepala and kepala.index(s) not in hasil.values():
                hasil[medan] = kepala.index(s)
                break
    return hasil


def _baca_tabel(lembar, jenis, hasil):
    """The header and data rows of a sheet; unknown columns holding data are reported."""
    daftar = KOLOM[jenis]
    baris_semua = lembar.baris
    mulai = next((i for i, b in enumerate(baris_semua[:10]) if any(sel.teks(c) for c in b)), None)
    if mulai is None:
        return Tabel(lembar.nama, {})
    kolom = _cari_medan(baris_semua[mulai], daftar)
    tabel = Tabel(lembar.nama, kolom)
    _abaikan(hasil, lembar.nama, mulai + 1, "Baris kepala kolom.")
    dikenal = set(kolom.values())
    asing = {k: sel.teks(c) for k, c in enumerate(baris_semua[mulai]) if sel.teks(c) and k not in dikenal}
    for nomor, b in enumerate(baris_semua[mulai + 1 :], start=mulai + 2):
        if not any(sel.teks(c) for c in b):
            continue
        hasil.baris += 1
        for k, judul in asing.items():
            if sel.teks(sel.isi(b, k)):
                hasil.tambah(f'Kolom "{judul}" tidak dikenal; isinya tidak diimpor.', lembar.nama, nomor, k, True)
        tabel.baris.append(Baris(nomor, {m: sel.isi(b, k) for m, k in kolom.items()}))
    return tabel


def _abaikan(hasil, lembar, nomor, alasan):
    """Account for a row set aside, with its reason (the row account of kinerja.importers.hasil)."""
    abaikan = getattr(hasil, "abaikan", None)
    if abaikan is not None:
        abaikan(lembar, nomor, alasan)


def _catat(hasil, letak, jenis):
    """Account for a row that gives an object the Penyelaras did not see at that row."""
    catat = getattr(hasil, "catat_letak", None)
    if catat is not None:
        catat(letak, jenis)


class _Galat(Exception):
    """A cell that cannot be read: its message, and the field it is in."""

    def __init__(self, pesan, medan=None):
        super().__init__(pesan)
        self.pesan = pesan
        self.medan = medan


# ---------------------------------------------------------------------------------------------
# References between rows: by code when the row has one, else by uraian
# ---------------------------------------------------------------------------------------------


@dataclass
class Simpul:
    level: str
    obj: object
    kode: str
    uraian: str
    nomor: int
    induk: "Simpul | None" = None
    anak: list = field(default_factory=list)


class Daftar:
    """The nodes of one level read from the workbook, found by code or by uraian."""

    def __init__(self, level):
        self.level = level
        self.semua = []
        self.tersimpan = []  # stored nodes the workbook does not repeat (a later workbook names them)

    def tambah(self, simpul):
        self.semua.append(simpul)

    def cari(self, rujukan, induk=None):
        """(node, message): the node `rujukan` (a code or an uraian) names, under `induk` when given."""
        teks = sel.teks(rujukan)
        if not teks:
            return None, None
        kode = kode_rules.normalkan_kode(teks)
        for daftar in (self.semua, self.tersimpan):
            calon = [s for s in daftar if induk is None or s.induk is induk]
            cocok = [s for s in calon if s.kode and s.kode == kode]
            if not cocok:
                cocok = [s for s in calon if sel.sama_teks(s.uraian, teks)]
            if cocok:
                break
        nama = kode_rules.NAMA_LEVEL[self.level]
        if not cocok:
            return None, f'{nama.capitalize()} "{teks}" tidak ada di buku kerja ini (tulis kode atau uraiannya).'
        if len(cocok) > 1:
            baris = ", ".join(str(s.nomor) for s in cocok)
            return None, f'"{teks}" menunjuk beberapa {nama} (baris {baris}); tulis kodenya.'
        return cocok[0], None


def _lama(daftar, kode, uraian, terpakai):
    """The stored node a row is: the one with its code, else the one with its uraian (a row
    without code, or one coded since)."""
    if kode:
        ada = next((o for o in daftar if o.kode == kode and id(o) not in terpakai), None)
        if ada is not None:
            return ada
    return next((o for o in daftar if sel.sama_teks(o.uraian, uraian) and id(o) not in terpakai), None)


# ---------------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------------


def _tahun(isi, medan="tahun", wajib=True):
    teks = sel.teks(isi)
    if not teks:
        if wajib:
            raise _Galat("Tahun wajib diisi.", medan)
        return None
    try:
        nilai = sel.angka(isi)
    except rules.AngkaTidakValid:
        nilai = None
    if nilai is None or nilai != nilai.to_integral_value() or not TAHUN_MIN <= nilai <= TAHUN_MAKS:
        raise _Galat(f'"{teks}" bukan tahun (tulis mis. 2021, antara {TAHUN_MIN} dan {TAHUN_MAKS}).', medan)
    return int(nilai)


def _ya(isi, medan):
    teks = kunci(isi)
    if teks in _YA:
        return True
    if teks in _TIDAK:
        return False
    raise _Galat(f'"{sel.teks(isi)}" tidak dikenali: tulis Ya atau kosongkan.', medan)


def _pilihan(isi, peta, medan, nama, bawaan=None):
    teks = kunci(isi)
    if not teks:
        return bawaan
    for awal, nilai in peta.items():
        if teks == awal or teks.startswith(awal + " ") or awal.startswith(teks):
            return nilai
    pilihan = ", ".join(sorted({k.capitalize() for k in peta}))
    raise _Galat(f'{nama} "{sel.teks(isi)}" tidak dikenali (pilihan: {pilihan}).', medan)


def _angka(isi, medan):
    try:
        return sel.angka(isi)
    except rules.AngkaTidakValid as e:
        raise _Galat(str(e), medan) from e


def _rupiah(isi, medan):
    try:
        return sel.rupiah(isi)
    except rules.AngkaTidakValid as e:
        raise _Galat(str(e), medan) from e


def _nilai_target(isi):
    """A number, a band (a, b), or the text (a level's name)."""
    try:
        return sel.angka(isi)
    except rules.AngkaTidakValid:
        m = _RENTANG.match(sel.teks(isi))
        if m:
            try:
                bawah, atas = sel.angka(m.group(1)), sel.angka(m.group(2))
            except rules.AngkaTidakValid:
                pass
            else:
                if bawah is not None and atas is not None:
                    return (bawah, atas)
        return sel.teks(isi)


def _triwulan(isi):
    teks = sel.teks(isi)
    if not teks or kunci(teks) in ("tahunan", "setahun", "tahun"):
        return None
    tw = sel.triwulan_label(teks) or sel.triwulan_label(re.sub(r"^(tw|triwulan)\s*", "", teks, flags=re.I))
    if tw is None:
        raise _Galat(f'Triwulan "{teks}" tidak dikenali: tulis 1–4 atau I–IV, atau kosongkan untuk nilai tahunan.')
    return tw


# ---------------------------------------------------------------------------------------------
# The import
# ---------------------------------------------------------------------------------------------


def impor(lembar_daftar, *, opd, tahun, user, hasil, kemajuan=None):
    """Read the workbook, check every row and bring the agency and its Renstra in line with it
    (without committing: the caller owns the transaction). `opd` is the agency chosen, or an
    unsaved PerangkatDaerah whose code (possibly empty) says to take or create the one the
    workbook names. Returns the Penyelaras holding what is to be written."""
    tabel = _lembar(lembar_daftar, hasil)
    if tabel is None:
        return None
    penulis = _Penulis(tabel, opd, tahun, user, hasil)
    return penulis.jalankan()


def _lembar(lembar_daftar, hasil):
    tabel = {}
    for lembar in lembar_daftar:
        nama = kunci(lembar.nama)
        jenis = next((j for j, (_, sinonim) in LEMBAR.items() if nama in sinonim or nama == kunci(LEMBAR[j][0])), None)
        if jenis is None or jenis in tabel:
            if jenis is not None:
                alasan = f"Lembar {LEMBAR[jenis][0]} ada dua kali; yang kedua tidak dibaca."
                hasil.tambah(alasan, lembar.nama)
            elif nama in LEMBAR_DIABAIKAN:
                alasan = "Lembar petunjuk, bukan data."
            else:
                alasan = f'Lembar "{lembar.nama}" tidak dikenali dan tidak dibaca.'
                if any(any(sel.teks(c) for c in b) for b in lembar.baris):
                    hasil.tambah(alasan, lembar.nama, peringatan=True)
            for nomor, b in enumerate(lembar.baris, start=1):
                if any(sel.teks(c) for c in b):
                    _abaikan(hasil, lembar.nama, nomor, alasan)
            continue
        tabel[jenis] = _baca_tabel(lembar, jenis, hasil)
    if "opd" not in tabel:
        daftar = ", ".join(f'"{n}"' for n, _ in LEMBAR.values())
        hasil.tambah(
            f'Lembar "Perangkat Daerah" tidak ditemukan. Buku kerja Renstra lengkap berisi lembar {daftar}; '
            "unduh templatnya untuk contoh."
        )
        return None
    for jenis, t in tabel.items():
        wajib = [m for m in KOLOM[jenis] if m in _KOLOM_WAJIB.get(jenis, ())]
        for m in wajib:
            if m not in t.kolom and t.baris:
                hasil.tambah(
                    f'Kolom "{KOLOM[jenis][m][0]}" tidak ditemukan di baris kepala lembar {t.nama}.', t.nama, 1
                )
    return tabel if hasil.sah else None


_KOLOM_WAJIB = {
    "opd": ("isian", "nilai"),
    "bidang": ("nama",),
    "tujuan": ("tingkat", "uraian"),
    "program": ("tingkat", "uraian"),
    "indikator": ("tingkat", "pemilik", "uraian"),
    "target": ("indikator", "tahun", "target"),
    "realisasi": ("indikator", "tahun", "realisasi"),
    "pagu": ("pemilik", "tahun"),
}


_STATUS_TERKUNCI = (StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI)


class _Penyelaras(Penyelaras):
    """Writes as the shared one does, then what needs every row saved first: the links of a
    new node to the new node of the older nomenclature it replaces. Before writing, the
    quarters it writes are locked and checked (kinerja/versi.py), year by year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tautan_pendahulu = []  # (model, obj, predecessor)
        self.opd = None

    def tulis(self, urutan):
        if self.opd is not None and self.opd.pk is not None:
            baris = [*self.baru.get(Realisasi, []), *self.ubah.get(Realisasi, {}).values()]
            baris += [*self.baru.get(RealisasiAnggaran, []), *self.ubah.get(RealisasiAnggaran, {}).values()]
            for tahun in sorted({b.tahun for b in baris}):
                terkunci = kunci_pelaporan_tahun(self.opd, tahun, self.user)
                for b in baris:
                    p = next(
                        (
                            p
                            for (_, tw), p in terkunci.items()
                            if b.tahun == tahun and tw == b.triwulan and p.status in _STATUS_TERKUNCI
                        ),
                        None,
                    )
                    if p is not None:
                        raise DatabaseError(f"{p} sudah {p.get_status_display().lower()}; tidak ada yang disimpan.")
        super().tulis(urutan)
        for model, obj, pendahulu in self.tautan_pendahulu:
            model.objects.filter(pk=obj.pk).update(pendahulu=pendahulu.pk)


class _Penulis:
    def __init__(self, tabel, opd, tahun, user, hasil):
        self.tabel = tabel
        self.opd_pilihan = opd
        self.tahun = tahun
        self.hasil = hasil
        self.p = _Penyelaras(hasil, user, alasan=f"Impor {JUDUL}")
        self.daftar = {lv: Daftar(lv) for lv in kode_rules.NAMA_LEVEL}
        self.indikator = []  # (Simpul of the owner, uraian, Indikator, nomor)
        self.bidang = None

    # -- helpers -------------------------------------------------------------------------------

    def galat(self, t, baris, pesan, medan=None, peringatan=False, abaikan=False):
        """A problem of a cell; `abaikan`: the warning sets the whole row aside (nothing else of it is read)."""
        self.hasil.tambah(pesan, t.nama, baris.nomor if baris else None, t.k(medan), peringatan)
        if abaikan and baris is not None:
            _abaikan(self.hasil, t.nama, baris.nomor, pesan)

    def letak(self, t, baris):
        return (t.nama, baris.nomor)

    def kolom_galat(self, t):
        return {m: huruf_kolom(k) for m, k in t.kolom.items()}

    # -- the whole ------------------------------------------------------------------------------

    def jalankan(self):
        opd, periode = self.perangkat_daerah()
        if opd is None or periode is None:
            return None
        self.opd = opd
        self.p.opd = opd
        renstra = self.renstra(opd, *periode)
        if renstra is None:
            return None
        self.renstra_obj = renstra
        self.periode = periode
        self.bidang_semua()
        self.muat_tersimpan(renstra)
        self.daftar_tersimpan()
        self.tujuan_sasaran()
        self.program_kegiatan()
        self.semua_indikator()
        self.semua_target()
        self.semua_realisasi()
        self.semua_pagu()
        return self.p

    # -- the agency and its period -------------------------------------------------------------

    def perangkat_daerah(self):
        t = self.tabel["opd"]
        isian = {}
        for b in t.baris:
            label = kunci(b.sel.get("isian"))
            medan = next((m for m, (j, sinonim) in ISIAN_OPD.items() if label == kunci(j) or label in sinonim), None)
            if medan is None:
                self.galat(
                    t,
                    b,
                    f'Isian "{sel.teks(b.sel.get("isian"))}" tidak dikenali; barisnya tidak dibaca.',
                    "isian",
                    peringatan=True,
                    abaikan=True,
                )
                continue
            if medan in isian:
                self.galat(t, b, f'Isian "{ISIAN_OPD[medan][0]}" sudah ada pada baris {isian[medan][0]}.', "isian")
                continue
            isian[medan] = (b.nomor, b.sel.get("nilai"))
        teks = {m: sel.teks(v) for m, (_, v) in isian.items()}

        def baris_dari(medan):
            return Baris(isian[medan][0], {}) if medan in isian else None

        periode = None
        try:
            awal = _tahun(isian.get("tahun_awal", (None, None))[1], "nilai")
            akhir = _tahun(isian.get("tahun_akhir", (None, None))[1], "nilai")
        except _Galat as e:
            medan = "tahun_awal" if "tahun_awal" not in isian or not teks.get("tahun_awal") else "tahun_akhir"
            self.galat(t, baris_dari(medan), f"{ISIAN_OPD[medan][0]}: {e.pesan}", "nilai")
        else:
            lama = akhir - awal + 1
            if akhir < awal:
                self.galat(
                    t, baris_dari("tahun_akhir"), f"Tahun akhir Renstra {akhir} sebelum tahun awalnya {awal}.", "nilai"
                )
            elif lama > LAMA_PERIODE_MAKS:
                self.galat(
                    t,
                    baris_dari("tahun_akhir"),
                    f"Periode Renstra {awal}–{akhir} {lama} tahun; paling lama {LAMA_PERIODE_MAKS} tahun "
                    "(mis. 2016–2021).",
                    "nilai",
                )
            else:
                periode = (awal, akhir)

        kode = teks.get("kode", "")
        pilihan = self.opd_pilihan
        if pilihan is not None and pilihan.pk is not None:
            if kode and kode != pilihan.kode:
                self.galat(
                    t,
                    baris_dari("kode"),
                    f'Buku kerja ini untuk perangkat daerah "{kode}", bukan {pilihan.kode} yang dipilih.',
                    "nilai",
                )
                return None, None
            lama = pilihan
        else:
            kode = kode or (pilihan.kode if pilihan is not None else "")
            if pilihan is not None and pilihan.kode and teks.get("kode") and teks["kode"] != pilihan.kode:
                self.galat(
                    t,
                    baris_dari("kode"),
                    f'Buku kerja ini untuk perangkat daerah "{teks["kode"]}", bukan {pilihan.kode}.',
                    "nilai",
                )
                return None, None
            if not kode:
                self.hasil.tambah(
                    'Isian "Kode perangkat daerah" kosong: tulis kode unik perangkat daerahnya (mis. DINSOS-PPPA-X).',
                    t.nama,
                )
                return None, None
            lama = PerangkatDaerah.objects.filter(kode=kode).first()
        if lama is None and not teks.get("nama"):
            self.hasil.tambah(f'Perangkat daerah "{kode}" belum ada: isi "Nama perangkat daerah".', t.nama)
            return None, None
        nilai = {"kode": kode}
        for medan in ISIAN_OPD:
            if medan in ("kode", "tahun_awal", "tahun_akhir", "nomor_dokumen", "visi", "misi") or medan not in isian:
                continue
            if medan == "pelaporan_per_bidang":
                try:
                    nilai[medan] = _ya(isian[medan][1], "nilai")
                except _Galat as e:
                    self.galat(t, baris_dari(medan), e.pesan, "nilai")
                continue
            nilai[medan] = teks[medan]
        self.isian_renstra = {m: teks[m] for m in ("nomor_dokumen", "visi", "misi") if m in teks}
        letak = (t.nama, isian["nama"][0] if "nama" in isian else None)
        self.letak_opd = [(t.nama, n) for n, _ in isian.values()]
        opd = self.p.pasang(
            PerangkatDaerah,
            lama,
            nilai,
            letak,
            kolom=dict.fromkeys(nilai, "B"),
            judul=lambda: nilai.get("nama") or kode,
        )
        if opd is not None:
            self.hasil.opd_baru = opd  # the agency, saved once written (kinerja.importers.tugas)
            jenis = DIBUAT if opd.pk is None else DIUBAH if id(opd) in self.p.ubah[PerangkatDaerah] else TETAP
            for letak_isian in self.letak_opd:
                _catat(self.hasil, letak_isian, jenis)
        return opd, periode

    def renstra(self, opd, awal, akhir):
        t = self.tabel["opd"]
        ada = None
        if opd.pk is not None:
            ada = (
                Renstra.objects.filter(opd=opd, aktif=True, tahun_awal__lte=akhir, tahun_akhir__gte=awal)
                .order_by("-revisi")
                .first()
            )
        if ada is not None and (ada.tahun_awal, ada.tahun_akhir) != (awal, akhir):
            self.hasil.tambah(
                f"Renstra aktif {opd} berperiode {ada.periode}, sedangkan buku kerja ini {awal}–{akhir}. "
                "Ubah periodenya lewat halaman Admin dulu, atau perbaiki tahun awal/akhir di lembar ini.",
                t.nama,
            )
            return None
        nilai = {"opd": opd, "tahun_awal": awal, "tahun_akhir": akhir, **self.isian_renstra}
        return self.p.pasang(Renstra, ada, nilai, (t.nama, None), judul=f"Renstra {awal}–{akhir}")

    # -- bidang --------------------------------------------------------------------------------

    def bidang_semua(self):
        tersimpan = list(Bidang.objects.filter(opd=self.opd)) if self.opd.pk else []
        self.bidang = DaftarBidang(tersimpan)
        t = self.tabel.get("bidang")
        if t is None:
            return
        dilihat = {}
        for urutan, b in enumerate(t.baris, start=1):
            nama = sel.teks(b.sel.get("nama"))
            if not nama:
                self.galat(t, b, "Nama bidang kosong; barisnya tidak dibaca.", "nama")
                continue
            k = kunci_bidang(nama)
            if k in dilihat:
                self.galat(t, b, f'Bidang "{nama}" sudah ada pada baris {dilihat[k]}.', "nama")
                continue
            dilihat[k] = b.nomor
            lama = self.bidang.ada.get(k)
            nilai = {"opd": self.opd, "nama": lama.nama if lama else nama, "urutan": urutan}
            for medan in ("kode", "kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat"):
                if medan in t.kolom:
                    nilai[medan] = sel.teks(b.sel.get(medan))
            obj = self.p.pasang(Bidang, lama, nilai, self.letak(t, b), kolom=self.kolom_galat(t))
            if obj is not None and lama is None:
                self.bidang.tambah(obj)

    def cari_bidang(self, t, b, medan):
        nama = sel.teks(b.sel.get(medan))
        if not nama:
            return None, False
        bidang = self.bidang.cari(nama)
        if bidang is None:
            daftar = ", ".join(self.bidang.semua_nama()) or "belum ada; isi lembar Bidang"
            self.galat(t, b, f'Bidang "{nama}" tidak ada (bidang yang ada: {daftar}).', medan)
            return None, True
        return bidang, False

    # -- stored nodes --------------------------------------------------------------------------

    def muat_tersimpan(self, renstra):
        baru = renstra.pk is None
        self.tersimpan = {
            "tujuan": [] if baru else list(Tujuan.objects.filter(renstra=renstra)),
            "sasaran": [] if baru else list(Sasaran.objects.filter(tujuan__renstra=renstra)),
            "program": [] if baru else list(Program.objects.filter(renstra=renstra)),
            "kegiatan": [] if baru else list(Kegiatan.objects.filter(program__renstra=renstra)),
            "sub": [] if baru else list(SubKegiatan.objects.filter(kegiatan__program__renstra=renstra)),
        }
        self.terpakai = set()
        self.ind_tersimpan = {}
        self.target_tersimpan = {}
        self.realisasi_tersimpan = {}
        self.pagu_tersimpan = {}
        self.ra_tersimpan = {}
        self.terkunci = set()
        if baru:
            return
        for ind in Indikator.objects.filter(renstra=renstra, induk=None):
            pemilik = ind.pemilik
            self.ind_tersimpan[(type(pemilik).__name__, pemilik.pk, kunci(ind.uraian))] = ind
        for tg in Target.objects.filter(indikator__renstra=renstra, triwulan=None):
            self.target_tersimpan[(tg.indikator_id, tg.tahun, tg.jenis)] = tg
        for r in Realisasi.objects.filter(indikator__renstra=renstra):
            self.realisasi_tersimpan[(r.indikator_id, r.tahun, r.triwulan)] = r
        for pg in Pagu.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra).select_related("sumber_dana"):
            self.pagu_tersimpan[(pg.sub_kegiatan_id, pg.tahun, kunci(pg.sumber_dana.nama))] = pg
        for ra in RealisasiAnggaran.objects.filter(sub_kegiatan__kegiatan__program__renstra=renstra):
            self.ra_tersimpan[(ra.sub_kegiatan_id, ra.tahun, ra.triwulan)] = ra
        for p in Pelaporan.objects.filter(opd=self.opd, status__in=_STATUS_TERKUNCI):
            self.terkunci.add((p.tahun, p.triwulan))

    def daftar_tersimpan(self):
        """The stored nodes, found by reference when the workbook does not list them again (the
        next year's programs brought in a workbook of their own name the sasaran they serve and
        the programs they replace)."""
        simpul = {}
        for level, jenis, fk, level_induk in (
            (kode_rules.TUJUAN, "tujuan", None, None),
            (kode_rules.SASARAN, "sasaran", "tujuan", kode_rules.TUJUAN),
            (kode_rules.PROGRAM, "program", None, None),
            (kode_rules.KEGIATAN, "kegiatan", "program", kode_rules.PROGRAM),
            (kode_rules.SUB_KEGIATAN, "sub", "kegiatan", kode_rules.KEGIATAN),
        ):
            for o in self.tersimpan[jenis]:
                if getattr(o, "mewakili_kegiatan", False):
                    continue
                induk = simpul.get((level_induk, getattr(o, f"{fk}_id"))) if fk else None
                s = simpul[(level, o.pk)] = Simpul(level, o, o.kode, o.uraian, None, induk)
                self.daftar[level].tersimpan.append(s)
        self.indikator_tersimpan = []  # (owner, uraian, indicator, None): targets of a later workbook
        for (model, pk, _), ind in self.ind_tersimpan.items():
            level = {"SubKegiatan": kode_rules.SUB_KEGIATAN}.get(model, model.lower())
            if (level, pk) in simpul:
                self.indikator_tersimpan.append((simpul[(level, pk)], ind.uraian, ind, None))

    def _tersimpan_di_bawah(self, jenis, fk, induk):
        if induk is None or induk.pk is None:
            return []
        return [o for o in self.tersimpan[jenis] if getattr(o, f"{fk}_id") == induk.pk]

    def _kode(self, t, b, level, induk_kode):
        kode = kode_rules.normalkan_kode(sel.teks(b.sel.get("kode")))
        if kode and kode.casefold() in ("tanpa kode", "-"):
            kode = ""
        if kode:
            masalah = kode_rules.periksa_kode(level, kode, induk_kode or None)
            if masalah:
                for m in masalah:
                    self.galat(t, b, m, "kode")
                return None
        return kode

    # -- tujuan and sasaran ----------------------------------------------------------------------

    def tujuan_sasaran(self):
        t = self.tabel.get("tujuan")
        if t is None:
            return
        tujuan_terakhir = None
        for b in t.baris:
            uraian = sel.teks(b.sel.get("uraian"))
            try:
                level = _pilihan(b.sel.get("tingkat"), {"tujuan": "tujuan", "sasaran": "sasaran"}, "tingkat", "Tingkat")
            except _Galat as e:
                self.galat(t, b, e.pesan, "tingkat")
                continue
            if level is None:
                self.galat(t, b, "Tingkat kosong: tulis Tujuan atau Sasaran.", "tingkat")
                continue
            if not uraian:
                self.galat(t, b, f"Uraian {level} kosong.", "uraian")
                continue
            if level == "tujuan":
                for m in ("strategi", "arah_kebijakan"):
                    if sel.teks(b.sel.get(m)):
                        self.galat(
                            t,
                            b,
                            "Strategi dan arah kebijakan milik sasaran; isinya tidak diimpor pada tujuan.",
                            m,
                            peringatan=True,
                        )
                kode = self._kode(t, b, kode_rules.TUJUAN, None)
                if kode is None:
                    tujuan_terakhir = None
                    continue
                if self._kembar(t, b, self.daftar["tujuan"], kode, uraian, None):
                    tujuan_terakhir = None
                    continue
                lama = _lama(self.tersimpan["tujuan"], kode, uraian, self.terpakai)
                obj = self.p.pasang(
                    Tujuan,
                    lama,
                    {"renstra": self.renstra_obj, "kode": kode, "uraian": uraian},
                    self.letak(t, b),
                    teks_longgar=("uraian",),
                    kolom=self.kolom_galat(t),
                )
                tujuan_terakhir = None
                if obj is not None:
                    self.terpakai.add(id(obj))
                    tujuan_terakhir = Simpul("tujuan", obj, kode, uraian, b.nomor)
                    self.daftar["tujuan"].tambah(tujuan_terakhir)
                continue
            rujukan = sel.teks(b.sel.get("induk"))
            if rujukan:
                induk, pesan = self.daftar["tujuan"].cari(rujukan)
                if induk is None:
                    self.galat(t, b, pesan, "induk")
                    continue
            elif tujuan_terakhir is not None:
                induk = tujuan_terakhir
            else:
                self.galat(t, b, "Sasaran ini tidak berada di bawah tujuan mana pun: isi kolom Tujuan.", "induk")
                continue
            kode = self._kode(t, b, kode_rules.SASARAN, induk.kode)
            if kode is None or self._kembar(t, b, self.daftar["sasaran"], kode, uraian, induk):
                continue
            lama = _lama(self._tersimpan_di_bawah("sasaran", "tujuan", induk.obj), kode, uraian, self.terpakai)
            nilai = {"tujuan": induk.obj, "kode": kode, "uraian": uraian}
            for m in ("strategi", "arah_kebijakan"):
                if m in t.kolom:
                    nilai[m] = sel.teks(b.sel.get(m))
            obj = self.p.pasang(
                Sasaran, lama, nilai, self.letak(t, b), teks_longgar=("uraian",), kolom=self.kolom_galat(t)
            )
            if obj is not None:
                self.terpakai.add(id(obj))
                s = Simpul("sasaran", obj, kode, uraian, b.nomor, induk)
                induk.anak.append(s)
                self.daftar["sasaran"].tambah(s)

    def _kembar(self, t, b, daftar, kode, uraian, induk):
        """A row naming a node already read under the same parent (same code, or same uraian)."""
        for s in daftar.semua:
            if s.induk is not induk:
                continue
            if (kode and s.kode == kode) or sel.sama_teks(s.uraian, uraian):
                sama = f'kode "{kode}"' if kode and s.kode == kode else "uraian"
                self.galat(
                    t,
                    b,
                    f"{sama.capitalize()} ini sudah dipakai pada baris {s.nomor}.",
                    "kode" if kode and s.kode == kode else "uraian",
                )
                return True
        return False

    # -- programs, kegiatan, sub kegiatan --------------------------------------------------------

    def program_kegiatan(self):
        t = self.tabel.get("program")
        if t is None:
            return
        terakhir = {}
        pilihan = {
            "program": kode_rules.PROGRAM,
            "kegiatan": kode_rules.KEGIATAN,
            "sub kegiatan": kode_rules.SUB_KEGIATAN,
            "subkegiatan": kode_rules.SUB_KEGIATAN,
        }
        model = {kode_rules.PROGRAM: Program, kode_rules.KEGIATAN: Kegiatan, kode_rules.SUB_KEGIATAN: SubKegiatan}
        induk_level = {kode_rules.KEGIATAN: kode_rules.PROGRAM, kode_rules.SUB_KEGIATAN: kode_rules.KEGIATAN}
        tersimpan = {kode_rules.PROGRAM: "program", kode_rules.KEGIATAN: "kegiatan", kode_rules.SUB_KEGIATAN: "sub"}
        fk = {kode_rules.KEGIATAN: "program", kode_rules.SUB_KEGIATAN: "kegiatan"}
        diberitahu = set()
        for b in t.baris:
            uraian = sel.teks(b.sel.get("uraian"))
            try:
                level = _pilihan(b.sel.get("tingkat"), pilihan, "tingkat", "Tingkat")
                if level is None:
                    kode_isi = kode_rules.normalkan_kode(sel.teks(b.sel.get("kode")))
                    level = sel.LEVEL_MENURUT_BAGIAN.get(sel.jumlah_bagian(kode_isi)) if kode_isi else None
                    if level is None:
                        raise _Galat("Tingkat kosong: tulis Program, Kegiatan atau Sub Kegiatan.", "tingkat")
                mulai = _tahun(b.sel.get("tahun_mulai"), "tahun_mulai", wajib=False)
                selesai = _tahun(b.sel.get("tahun_selesai"), "tahun_selesai", wajib=False)
            except _Galat as e:
                self.galat(t, b, e.pesan, e.medan)
                continue
            nama = kode_rules.NAMA_LEVEL[level]
            if not uraian:
                self.galat(t, b, f"Uraian {nama} kosong.", "uraian")
                terakhir.pop(level, None)
                continue
            awal, akhir = self.periode
            if (mulai and not awal <= mulai <= akhir) or (selesai and not awal <= selesai <= akhir):
                self.galat(
                    t,
                    b,
                    f"Tahun berlaku di luar periode Renstra {awal}–{akhir}.",
                    "tahun_mulai" if mulai and not awal <= mulai <= akhir else "tahun_selesai",
                )
                continue
            induk = None
            if level in induk_level:
                atas = induk_level[level]
                rujukan = sel.teks(b.sel.get("induk"))
                if rujukan:
                    induk, pesan = self.daftar[atas].cari(rujukan)
                    if induk is None:
                        self.galat(t, b, pesan, "induk")
                        continue
                else:
                    induk = terakhir.get(atas)
                if induk is None:
                    self.galat(
                        t,
                        b,
                        f"{nama.capitalize()} ini tidak berada di bawah {kode_rules.NAMA_LEVEL[atas]} mana pun: "
                        f"letakkan di bawah barisnya atau isi kolom Induk.",
                        "induk",
                    )
                    continue
            kode = self._kode(t, b, level, induk.kode if induk else None)
            if kode is None or self._kembar(t, b, self.daftar[level], kode, uraian, induk):
                terakhir.pop(level, None)
                continue
            if kode:  # against the nomenclature in force in its first year (warnings, never refusals)
                for pesan in nomenklatur.periksa(level, kode, uraian, mulai or awal, sudah_diberitahu=diberitahu):
                    self.galat(t, b, pesan, "kode", peringatan=True)
            if level == kode_rules.PROGRAM:
                nilai = {"renstra": self.renstra_obj}
                daftar_lama = self.tersimpan["program"]
            else:
                nilai = {fk[level]: induk.obj}
                daftar_lama = self._tersimpan_di_bawah(tersimpan[level], fk[level], induk.obj)
                if level == kode_rules.SUB_KEGIATAN:
                    daftar_lama = [s for s in daftar_lama if not s.mewakili_kegiatan]
            nilai |= {"kode": kode, "uraian": uraian, "tahun_mulai": mulai, "tahun_selesai": selesai}
            gagal = False
            if "sasaran" in t.kolom and sel.teks(b.sel.get("sasaran")):
                if level != kode_rules.PROGRAM:
                    self.galat(
                        t,
                        b,
                        "Sasaran yang dilayani diisi pada baris program; isinya tidak diimpor.",
                        "sasaran",
                        peringatan=True,
                    )
                else:
                    sasaran, pesan = self.daftar["sasaran"].cari(b.sel.get("sasaran"))
                    if sasaran is None:
                        self.galat(t, b, pesan, "sasaran")
                        gagal = True
                    else:
                        nilai["sasaran"] = sasaran.obj
            bidang, salah = self.cari_bidang(t, b, "bidang")
            gagal = gagal or salah
            if bidang is not None:
                nilai["bidang"] = bidang
            if gagal:
                continue
            lama = _lama(daftar_lama, kode, uraian, self.terpakai)
            pendahulu = None
            rujukan = sel.teks(b.sel.get("pendahulu"))
            if rujukan:
                pendahulu, pesan = self.daftar[level].cari(rujukan)
                if pendahulu is None:
                    self.galat(t, b, pesan, "pendahulu")
                    continue
                if pendahulu.obj.pk is not None:
                    nilai["pendahulu"] = pendahulu.obj
            obj = self.p.pasang(
                model[level], lama, nilai, self.letak(t, b), teks_longgar=("uraian",), kolom=self.kolom_galat(t)
            )
            if obj is None:
                terakhir.pop(level, None)
                continue
            if pendahulu is not None and pendahulu.obj.pk is None:
                self.p.tautan_pendahulu.append((model[level], obj, pendahulu.obj))
                if obj.pk is not None:
                    self.hasil.hitung(model[level]._meta.verbose_name.capitalize(), "diubah")
            self.terpakai.add(id(obj))
            s = Simpul(level, obj, kode, uraian, b.nomor, induk)
            if induk is not None:
                induk.anak.append(s)
            self.daftar[level].tambah(s)
            terakhir[level] = s
            if level == kode_rules.PROGRAM:
                terakhir.pop(kode_rules.KEGIATAN, None)
            if level != kode_rules.SUB_KEGIATAN:
                terakhir.pop(kode_rules.SUB_KEGIATAN, None)

    # -- indicators ----------------------------------------------------------------------------

    def pemilik(self, t, b, level_isi, rujukan_medan="pemilik"):
        """(level, Simpul) of the node a row names with its Tingkat and Pemilik cells."""
        teks_tingkat = kunci(level_isi)
        if teks_tingkat in ("tujuan dan sasaran", "tujuan sasaran", "sasaran dan tujuan"):
            level = TUJUAN_DAN_SASARAN
        else:
            level = _TINGKAT.get(teks_tingkat)
            if level is None:
                self.galat(
                    t,
                    b,
                    f'Tingkat "{sel.teks(level_isi)}" tidak dikenali (pilihan: Tujuan, Sasaran, Tujuan dan Sasaran, '
                    "Program, Kegiatan, Sub Kegiatan).",
                    "tingkat",
                )
                return None, None
        cari = kode_rules.SASARAN if level == TUJUAN_DAN_SASARAN else level
        rujukan = sel.teks(b.sel.get(rujukan_medan))
        if not rujukan:
            self.galat(
                t, b, "Pemilik kosong: tulis kode atau uraian tujuan, sasaran, program atau kegiatannya.", rujukan_medan
            )
            return None, None
        simpul, pesan = self.daftar[cari].cari(rujukan)
        if simpul is None:
            self.galat(t, b, pesan, rujukan_medan)
            return None, None
        return level, simpul

    def semua_indikator(self):
        t = self.tabel.get("indikator")
        if t is None:
            return
        skala = {kunci(s.nama): s for s in SkalaTingkat.objects.all()}
        urutan = {}
        dilihat = {}
        for b in t.baris:
            uraian = sel.teks(b.sel.get("uraian"))
            if not uraian:
                self.galat(t, b, "Uraian indikator kosong.", "uraian")
                continue
            level, simpul = self.pemilik(t, b, b.sel.get("tingkat"))
            if simpul is None:
                continue
            k = (id(simpul.obj), kunci(uraian))
            if k in dilihat:
                self.galat(t, b, f"Indikator ini sudah ada pada baris {dilihat[k]} untuk pemilik yang sama.", "uraian")
                continue
            dilihat[k] = b.nomor
            satuan = sel.teks(b.sel.get("satuan"))[:100]
            try:
                nilai = self._isi_indikator(b, satuan, skala)
            except _Galat as e:
                self.galat(t, b, e.pesan, e.medan)
                continue
            pemilik = simpul.obj
            if level == TUJUAN_DAN_SASARAN:
                nilai |= {"sasaran": pemilik, "tujuan": simpul.induk.obj}
            else:
                nilai[level] = pemilik
                if level == kode_rules.SASARAN:
                    nilai["tujuan"] = None
            lama = self.ind_tersimpan.get((type(pemilik).__name__, pemilik.pk, kunci(uraian))) if pemilik.pk else None
            urutan[id(pemilik)] = urutan.get(id(pemilik), -1) + 1
            nilai |= {"renstra": self.renstra_obj, "uraian": uraian, "satuan": satuan, "urutan": urutan[id(pemilik)]}
            if "penanggung_jawab" in t.kolom and sel.teks(b.sel.get("penanggung_jawab")):
                self._penanggung_jawab(t, b, simpul, level)
            ind = self.p.pasang(
                Indikator,
                lama,
                nilai,
                self.letak(t, b),
                teks_longgar=("uraian", "satuan"),
                kolom=self.kolom_galat(t),
                judul=lambda u=uraian, s=simpul: judul_modul.indikator(u, s.kode),
            )
            if ind is not None:
                self.indikator.append((simpul, uraian, ind, b.nomor))

    def _isi_indikator(self, b, satuan, skala):
        nilai = {
            "arah": _pilihan(
                b.sel.get("arah"), {"positif": "positif", "negatif": "negatif"}, "arah", "Arah", Indikator.Arah.POSITIF
            ),
            "cara_tahunan": _pilihan(
                b.sel.get("cara_tahunan"), _CARA, "cara_tahunan", "Nilai tahunan", cara_tahunan_baru(satuan)
            ),
            "frekuensi": _pilihan(
                b.sel.get("frekuensi"),
                {
                    "triwulanan": "triwulanan",
                    "tahunan": "tahunan",
                    "triwulan": "triwulanan",
                    "setahun sekali": "tahunan",
                },
                "frekuensi",
                "Frekuensi",
                Indikator.Frekuensi.TRIWULANAN,
            ),
        }
        for m in ("rumusan", "pembilang", "penyebut", "sumber_data"):
            nilai[m] = sel.teks(b.sel.get(m))
        nilai["pembilang"] = nilai["pembilang"][:255]
        nilai["penyebut"] = nilai["penyebut"][:255]
        pengali = _angka(b.sel.get("pengali"), "pengali")
        nilai["pengali"] = pengali if pengali is not None else Decimal(100)
        for m in ("iku", "ikk", "spm"):
            nilai[m] = _ya(b.sel.get(m), m)
        awal = _nilai_target(b.sel.get("kondisi_awal"))
        nilai["kondisi_awal"] = awal if isinstance(awal, Decimal) else None
        nilai["kondisi_awal_teks"] = awal[:100] if isinstance(awal, str) else ""
        if isinstance(awal, tuple):
            nilai["kondisi_awal_teks"] = sel.teks(b.sel.get("kondisi_awal"))[:100]
        nama_skala = sel.teks(b.sel.get("skala"))
        if nama_skala:
            s = skala.get(kunci(nama_skala))
            if s is None:
                daftar = ", ".join(x.nama for x in skala.values()) or "belum ada"
                raise _Galat(f'Skala tingkatan "{nama_skala}" tidak ada (yang ada: {daftar}).', "skala")
            nilai |= {"jenis": Indikator.Jenis.KUALITATIF, "skala_tingkat": s}
        else:
            nilai |= {"jenis": Indikator.Jenis.KUANTITATIF, "skala_tingkat": None}
        return nilai

    def _penanggung_jawab(self, t, b, simpul, level):
        """The unit in charge of a programme, kegiatan or sub kegiatan indicator is its node's
        bidang: it fills the bidang the sheet Program dan Kegiatan left empty, and must agree
        with the one it gives."""
        if level not in (kode_rules.PROGRAM, kode_rules.KEGIATAN, kode_rules.SUB_KEGIATAN):
            self.galat(
                t,
                b,
                "Indikator tujuan dan sasaran menjadi tanggung jawab kepala perangkat daerah; kolom Penanggung "
                "Jawab tidak diimpor untuknya.",
                "penanggung_jawab",
                peringatan=True,
            )
            return
        bidang, _ = self.cari_bidang(t, b, "penanggung_jawab")
        if bidang is None:
            return
        obj = simpul.obj
        sekarang = obj.bidang if obj.bidang_id or "bidang" in obj._state.fields_cache else None
        if sekarang is None:
            model = type(obj)
            self.p.pasang(model, obj, {"bidang": bidang}, self.letak(t, b), kolom=self.kolom_galat(t))
        elif sekarang is not bidang and (sekarang.pk is None or sekarang.pk != bidang.pk):
            self.galat(
                t,
                b,
                f'Penanggung jawab "{bidang}" berbeda dari bidang {kode_rules.NAMA_LEVEL[level]}nya '
                f'("{sekarang}") di lembar Program dan Kegiatan.',
                "penanggung_jawab",
            )

    def cari_indikator(self, t, b):
        uraian = sel.teks(b.sel.get("indikator"))
        if not uraian:
            self.galat(t, b, "Indikator kosong: tulis uraian indikatornya seperti di lembar Indikator.", "indikator")
            return None
        calon = [x for x in self.indikator if kunci(x[1]) == kunci(uraian)]
        if not calon:  # an indicator stored earlier, not listed again in this workbook
            calon = [x for x in self.indikator_tersimpan if kunci(x[1]) == kunci(uraian)]
        rujukan = sel.teks(b.sel.get("pemilik"))
        if rujukan and calon:
            kode = kode_rules.normalkan_kode(rujukan)
            calon = [x for x in calon if (x[0].kode and x[0].kode == kode) or sel.sama_teks(x[0].uraian, rujukan)]
        if not calon:
            tambahan = f' milik "{rujukan}"' if rujukan else ""
            self.galat(t, b, f'Indikator "{uraian}"{tambahan} tidak ada di lembar Indikator.', "indikator")
            return None
        if len(calon) > 1:
            baris = ", ".join(str(x[3] or "tersimpan") for x in calon)
            self.galat(
                t, b, f"Indikator ini ada di beberapa baris lembar Indikator ({baris}); isi kolom Pemilik.", "pemilik"
            )
            return None
        return calon[0]

    def _dalam_periode(self, t, b, tahun):
        awal, akhir = self.periode
        if not awal <= tahun <= akhir:
            self.galat(t, b, f"Tahun {tahun} di luar periode Renstra {awal}–{akhir}.", "tahun")
            return False
        return True

    # -- targets -------------------------------------------------------------------------------

    def semua_target(self):
        t = self.tabel.get("target")
        if t is None:
            return
        dilihat = {}
        tingkat_skala = {}
        for b in t.baris:
            x = self.cari_indikator(t, b)
            if x is None:
                continue
            simpul, uraian, ind, _ = x
            try:
                tahun = _tahun(b.sel.get("tahun"))
                jenis = _pilihan(b.sel.get("jenis"), _JENIS_TARGET, "jenis", "Jenis target", Target.Jenis.RENSTRA)
            except _Galat as e:
                self.galat(t, b, e.pesan, e.medan)
                continue
            if not self._dalam_periode(t, b, tahun):
                continue
            k = (id(ind), tahun, jenis)
            if k in dilihat:
                self.galat(t, b, f"Target {tahun} jenis ini sudah ada pada baris {dilihat[k]}.", "tahun")
                continue
            dilihat[k] = b.nomor
            isi = _nilai_target(b.sel.get("target"))
            if isi is None or isi == "":
                self.galat(t, b, "Target kosong; barisnya tidak diimpor.", "target", peringatan=True, abaikan=True)
                continue
            bentuk = {"nilai": None, "batas_bawah": None, "batas_atas": None, "tingkat": None}
            if isinstance(isi, Decimal):
                bentuk["nilai"] = isi
            elif isinstance(isi, tuple):
                bentuk["batas_bawah"], bentuk["batas_atas"] = isi
            else:
                tingkat = self._tingkat(ind, isi, tingkat_skala)
                if tingkat is None:
                    self.galat(
                        t, b, f'Target "{isi}" bukan angka, rentang (a – b) atau tingkatan indikator ini.', "target"
                    )
                    continue
                bentuk["tingkat"] = tingkat
            lama = self.target_tersimpan.get((ind.pk, tahun, jenis)) if ind.pk else None
            nilai = {"indikator": ind, "tahun": tahun, "jenis": jenis, "triwulan": None, **bentuk}
            self.p.pasang(
                Target,
                lama,
                nilai,
                self.letak(t, b),
                kolom=self.kolom_galat(t),
                judul=judul_modul.target(tahun, uraian, simpul.kode),
            )

    def _tingkat(self, ind, nama, cache):
        if ind.jenis != Indikator.Jenis.KUALITATIF or ind.skala_tingkat is None:
            return None
        s = ind.skala_tingkat
        if s.pk not in cache:
            cache[s.pk] = {kunci(x.nama): x for x in s.tingkat.all()}
        return cache[s.pk].get(kunci(nama))

    # -- realisations --------------------------------------------------------------------------

    def semua_realisasi(self):
        t = self.tabel.get("realisasi")
        if t is None:
            return
        dilihat = {}
        tingkat_skala = {}
        for b in t.baris:
            x = self.cari_indikator(t, b)
            if x is None:
                continue
            simpul, uraian, ind, _ = x
            try:
                tahun = _tahun(b.sel.get("tahun"))
                tw = _triwulan(b.sel.get("triwulan"))
                pembilang = _angka(b.sel.get("pembilang"), "pembilang")
                penyebut = _angka(b.sel.get("penyebut"), "penyebut")
            except _Galat as e:
                self.galat(t, b, e.pesan, e.medan or "triwulan")
                continue
            if not self._dalam_periode(t, b, tahun):
                continue
            if ind.tahunan and tw not in (None, 4):
                self.galat(t, b, "Indikator ini diukur tahunan: kosongkan kolom Triwulan (nilai setahun).", "triwulan")
                continue
            tahunan = tw is None
            tw = tw or 4
            k_tahun = (id(ind), tahun)
            jenis_baris = dilihat.setdefault(("jenis", *k_tahun), tahunan)
            if jenis_baris != tahunan and not ind.tahunan:
                self.galat(
                    t, b, "Realisasi tahun ini sudah diisi per triwulan dan setahun sekaligus; pilih satu.", "triwulan"
                )
                continue
            k = (id(ind), tahun, tw)
            if k in dilihat:
                self.galat(t, b, f"Realisasi ini sudah ada pada baris {dilihat[k]}.", "tahun")
                continue
            dilihat[k] = b.nomor
            teks_nilai = b.sel.get("realisasi")
            nilai = {
                "indikator": ind,
                "tahun": tahun,
                "triwulan": tw,
                "nilai": None,
                "tingkat": None,
                "pembilang": pembilang,
                "penyebut": penyebut,
            }
            if ind.jenis == Indikator.Jenis.KUALITATIF and sel.teks(teks_nilai):
                tingkat = self._tingkat(ind, sel.teks(teks_nilai), tingkat_skala)
                if tingkat is None:
                    self.galat(t, b, f'"{sel.teks(teks_nilai)}" bukan tingkatan indikator ini.', "realisasi")
                    continue
                nilai["tingkat"] = tingkat
            else:
                try:
                    nilai["nilai"] = sel.realisasi(teks_nilai)
                except rules.AngkaTidakValid as e:
                    self.galat(t, b, str(e), "realisasi")
                    continue
            if "keterangan" in t.kolom:
                nilai["keterangan"] = sel.teks(b.sel.get("keterangan"))
            if nilai["nilai"] is None and nilai["tingkat"] is None and pembilang is None:
                self.galat(
                    t, b, "Realisasi kosong; barisnya tidak diimpor.", "realisasi", peringatan=True, abaikan=True
                )
                continue
            lama = self.realisasi_tersimpan.get((ind.pk, tahun, tw)) if ind.pk else None
            if lama is not None and (tahun, tw) in self.terkunci and self._berubah(lama, nilai):
                self.galat(
                    t,
                    b,
                    f"Triwulan {tw} tahun {tahun} sudah diajukan atau diverifikasi; realisasinya tidak "
                    "dapat diubah lewat impor.",
                    "realisasi",
                )
                continue
            judul = f"Realisasi {tahun}{'' if tahunan else f' TW {tw}'} {judul_modul.indikator(uraian, simpul.kode)}"
            self.p.pasang(Realisasi, lama, nilai, self.letak(t, b), kolom=self.kolom_galat(t), judul=judul)

    @staticmethod
    def _berubah(lama, nilai):
        return any(
            (getattr(lama, f"{m}_id") != (v.pk if v else None)) if m == "tingkat" else getattr(lama, m) != v
            for m, v in nilai.items()
            if m not in ("indikator", "tahun", "triwulan")
        )

    # -- budgets -------------------------------------------------------------------------------

    def semua_pagu(self):
        t = self.tabel.get("pagu")
        if t is None:
            return
        sumber = {kunci(s.nama): s for s in SumberDana.objects.all()}
        pembawa = {}
        dilihat = {}
        realisasi = {}  # (id(sub), tahun) → [sub, rupiah, nomor baris pertama, ada realisasi]
        for b in t.baris:
            level_isi = b.sel.get("tingkat")
            try:
                if sel.teks(level_isi):
                    level = _pilihan(
                        level_isi,
                        {
                            "kegiatan": kode_rules.KEGIATAN,
                            "sub kegiatan": kode_rules.SUB_KEGIATAN,
                            "subkegiatan": kode_rules.SUB_KEGIATAN,
                        },
                        "tingkat",
                        "Tingkat",
                    )
                else:
                    level = None
                tahun = _tahun(b.sel.get("tahun"))
                angka = {m: _rupiah(b.sel.get(m), m) for m in ("indikatif", "induk", "perubahan", "realisasi")}
                jenis_belanja = _pilihan(
                    b.sel.get("jenis_belanja"),
                    {
                        "langsung": "langsung",
                        "tidak langsung": "tidak_langsung",
                        "belanja langsung": "langsung",
                        "belanja tidak langsung": "tidak_langsung",
                    },
                    "jenis_belanja",
                    "Jenis belanja",
                    Pagu.JenisBelanja.LANGSUNG,
                )
            except _Galat as e:
                self.galat(t, b, e.pesan, e.medan)
                continue
            rujukan = sel.teks(b.sel.get("pemilik"))
            simpul = None
            for lv in [level] if level else [kode_rules.SUB_KEGIATAN, kode_rules.KEGIATAN]:
                simpul, pesan = self.daftar[lv].cari(rujukan)
                if simpul is not None:
                    level = lv
                    break
            if simpul is None:
                self.galat(t, b, pesan or "Kegiatan/sub kegiatan kosong.", "pemilik")
                continue
            if not self._dalam_periode(t, b, tahun):
                continue
            if all(angka[m] is None for m in ("indikatif", "induk", "perubahan", "realisasi")):
                self.galat(t, b, "Baris pagu tanpa angka; tidak diimpor.", "induk", peringatan=True, abaikan=True)
                continue
            if level == kode_rules.KEGIATAN:
                sub = self._pembawa(t, b, simpul, pembawa)
                if sub is None:
                    continue
            else:
                sub = simpul.obj
            nama_sumber = sel.teks(b.sel.get("sumber_dana")) or "APBD Kabupaten"
            k = (id(sub), tahun, kunci(nama_sumber))
            if k in dilihat:
                self.galat(t, b, f"Pagu {tahun} dari sumber dana ini sudah ada pada baris {dilihat[k]}.", "sumber_dana")
                continue
            dilihat[k] = b.nomor
            if any(angka[m] is not None for m in ("indikatif", "induk", "perubahan")):
                sd = sumber.get(kunci(nama_sumber))
                if sd is None:
                    sd = self.p.pasang(SumberDana, None, {"nama": nama_sumber[:100]}, self.letak(t, b))
                    sumber[kunci(nama_sumber)] = sd
                lama = self.pagu_tersimpan.get((sub.pk, tahun, kunci(nama_sumber))) if sub.pk else None
                nilai = {
                    "sub_kegiatan": sub,
                    "tahun": tahun,
                    "sumber_dana": sd,
                    "jenis_belanja": jenis_belanja,
                    "indikatif": angka["indikatif"],
                    "induk": angka["induk"],
                    "perubahan": angka["perubahan"],
                }
                self.p.pasang(
                    Pagu,
                    lama,
                    nilai,
                    self.letak(t, b),
                    kolom=self.kolom_galat(t),
                    judul=f"Pagu {tahun} {nama_sumber} {judul_modul.singkat(simpul.uraian)}",
                )
            if angka["realisasi"] is not None:
                r = realisasi.setdefault((id(sub), tahun), [sub, 0, b.nomor, simpul, []])
                r[1] += angka["realisasi"]
                r[4].append(b.nomor)
        for (_, tahun), (sub, rp, nomor, simpul, semua_nomor) in realisasi.items():
            b = Baris(nomor, {})
            if sub.pk and any((sub.pk, tahun, tw) in self.ra_tersimpan for tw in (1, 2, 3)):
                self.galat(
                    t,
                    b,
                    f"Realisasi anggaran {tahun} ini sudah tersimpan per triwulan; ubah lewat impor "
                    "Realisasi Anggaran, bukan sebagai nilai setahun.",
                    "realisasi",
                )
                continue
            lama = self.ra_tersimpan.get((sub.pk, tahun, 4)) if sub.pk else None
            if lama is not None and (tahun, 4) in self.terkunci and lama.nilai != rp:
                self.galat(
                    t,
                    b,
                    f"Triwulan IV tahun {tahun} sudah diajukan atau diverifikasi; realisasi anggarannya "
                    "tidak dapat diubah lewat impor.",
                    "realisasi",
                )
                continue
            ra = self.p.pasang(
                RealisasiAnggaran,
                lama,
                {"sub_kegiatan": sub, "tahun": tahun, "triwulan": 4, "nilai": rp},
                self.letak(t, b),
                kolom=self.kolom_galat(t),
                judul=f"Realisasi anggaran {tahun} {judul_modul.singkat(simpul.uraian)}",
            )
            if ra is not None:  # every row of the year's sources gave this realisation
                jenis = DIBUAT if ra.pk is None else DIUBAH if id(ra) in self.p.ubah[RealisasiAnggaran] else TETAP
                for n in semua_nomor:
                    _catat(self.hasil, (t.nama, n), jenis)

    def _pembawa(self, t, b, simpul, pembawa):
        """The hidden sub kegiatan carrying an old-nomenclature kegiatan's budget (renstra.anggaran)."""
        if id(simpul.obj) in pembawa:
            return pembawa[id(simpul.obj)]
        kegiatan = simpul.obj
        sub_asli = list(simpul.anak)
        if kegiatan.pk:
            sub_asli += [
                s
                for s in self._tersimpan_di_bawah("sub", "kegiatan", kegiatan)
                if not s.mewakili_kegiatan and id(s) not in self.terpakai
            ]
        if sub_asli:
            self.galat(
                t,
                b,
                "Kegiatan ini mempunyai sub kegiatan: isi pagunya pada sub kegiatan; pagu kegiatan adalah jumlahnya.",
                "pemilik",
            )
            pembawa[id(kegiatan)] = None
            return None
        lama = next((s for s in self._tersimpan_di_bawah("sub", "kegiatan", kegiatan) if s.mewakili_kegiatan), None)
        baru = anggaran.pembawa_anggaran_baru(kegiatan)
        nilai = {f: getattr(baru, f) for f in ("kode", "uraian", "mewakili_kegiatan", "tahun_mulai", "tahun_selesai")}
        nilai["kegiatan"] = kegiatan
        sub = self.p.pasang(
            SubKegiatan,
            lama,
            nilai,
            self.letak(t, b),
            teks_longgar=("uraian",),
            nama="Baris anggaran kegiatan",
            judul=lambda: f"Anggaran kegiatan {judul_modul.singkat(kegiatan.uraian)}",
        )
        pembawa[id(kegiatan)] = sub
        return sub
