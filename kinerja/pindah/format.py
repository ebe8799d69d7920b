"""The archive of one agency (format version 1), shared by the export and the import.

A ZIP file holding:

    opd.json            the document below
    data_dukung/00001…  the evidence files, named by their order in the document

The document names everything by natural keys (codes, years, names, quarter numbers), never by a
database id, so that it can be imported on a server that holds other data:

    {"jenis": "kinerja.opd", "versi_format": 1, "dibuat_pada": ISO-8601,
     "opd": {fields…, "bidang": [{nama, …}]},
     "skala_tingkat": [{nama, keterangan, tingkat: [lowest … highest]}],   # the scales it uses
     "sumber_dana": [{nama, keterangan}],                                    # the sources it uses
     "renstra": [{tahun_awal, revisi, …, mengganti: {tahun_awal, revisi} | null,
                  tujuan: [{kode, uraian, indikator, sasaran: [{…, indikator}]}],
                  program: [{kode, …, sasaran: {tujuan, sasaran} | null, bidang: nama | null, indikator,
                             kegiatan: [{…, indikator, sub_kegiatan: [{…, indikator, pagu, realisasi_anggaran}]}]}]}],
     "pelaporan": [{bidang: nama | null, tahun, triwulan, status, catatan, dates…}],
     "narasi": [{tahun, bagian, teks, …}]}                                   # the agency's LKjIP sections

A program, kegiatan or sub kegiatan also carries `pendahulu`: the node of the older nomenclature
it replaces as {renstra: {tahun_awal, revisi}, jalur: [program, kegiatan, sub kegiatan keys]}
(each key its code, or its uraian when it has none), or null; archives written before it have none.

An indicator is {kunci, fields…, skala_tingkat: nama | null, juga_tujuan, pendahulu: kunci | null,
target: […], realisasi: [{…, tingkat: nama | null, data_dukung: [{nama_asli, …, berkas, sha256}]}],
narasi: […], rincian: [indicators]}; `kunci` ("i1", "i2", …) exists only inside one archive, to
point at an indicator's predecessor (which may be in an earlier Renstra of the same agency).

Not in the archive: user accounts (who saved, submitted or verified is left empty on import),
the audit history (the import starts a new one) and uploaded workbooks (Impor).
"""

import datetime
from decimal import Decimal

from kinerja.models import DataDukung, NarasiLaporan, Pelaporan, Realisasi, RealisasiAnggaran
from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)

JENIS = "kinerja.opd"
VERSI_FORMAT = 1
NAMA_DOKUMEN = "opd.json"
FOLDER_BERKAS = "data_dukung/"

# The plain fields of each model, as the document holds them (foreign keys are written apart).
PEJABAT = ("kepala_jabatan", "kepala_nama", "kepala_nip", "kepala_pangkat")
KOLOM = {
    PerangkatDaerah: (
        "kode",
        "nama",
        "singkatan",
        "alamat",
        "kota",
        "kepala_daerah_jabatan",
        "kepala_daerah_nama",
        "pelaporan_per_bidang",
        *PEJABAT,
    ),
    Bidang: ("nama", "kode", "urutan", *PEJABAT),
    Renstra: ("tahun_awal", "tahun_akhir", "revisi", "aktif", "nomor_dokumen", "tanggal_penetapan", "visi", "misi"),
    Tujuan: ("kode", "uraian"),
    Sasaran: ("kode", "uraian", "strategi", "arah_kebijakan"),
    Program: ("kode", "uraian", "urutan", "tahun_mulai", "tahun_selesai"),
    Kegiatan: ("kode", "uraian", "urutan", "tahun_mulai", "tahun_selesai"),
    SubKegiatan: (
        "kode",
        "uraian",
        "urutan",
        "refocusing",
        "keterangan",
        "tahun_mulai",
        "tahun_selesai",
        "mewakili_kegiatan",
    ),
    Indikator: (
        "urutan",
        "uraian",
        "satuan",
        "jenis",
        "arah",
        "metode_negatif",
        "cara_tahunan",
        "frekuensi",
        "definisi_operasional",
        "rumusan",
        "pembilang",
        "penyebut",
        "pengali",
        "kondisi_awal",
        "kondisi_awal_teks",
        "sumber_data",
        "iku",
        "ikk",
        "spm",
        "nol_dari_nol_tercapai",
        "boleh_pecahan",
        "keterangan",
    ),
    Target: ("tahun", "triwulan", "jenis", "nilai", "batas_bawah", "batas_atas", "teks"),
    Pagu: ("tahun", "jenis_belanja", "indikatif", "induk", "perubahan", "keterangan"),
    Realisasi: (
        "tahun",
        "triwulan",
        "nilai",
        "pembilang",
        "penyebut",
        *Realisasi.NARASI,
        "tertulis_strip",
        "versi",
        "terlambat",
        "dibuat_pada",
        "diubah_pada",
    ),
    DataDukung: ("nama_asli", "ukuran", "tipe", "diunggah_pada"),
    RealisasiAnggaran: ("tahun", "triwulan", "nilai", "keterangan", "versi", "terlambat", "dibuat_pada", "diubah_pada"),
    Pelaporan: (
        "tahun",
        "triwulan",
        "status",
        "catatan",
        "diajukan_pada",
        "diverifikasi_pada",
        "terlambat",
        "batas_waktu",
    ),
    NarasiLaporan: ("tahun", "bagian", "teks", "versi", "dibuat_pada", "diubah_pada"),
}

# Every model holding an agency's data, with the path from it to the agency, in the order a
# parent comes before its children.
ISI_OPD = (
    (Bidang, "opd"),
    (Renstra, "opd"),
    (Tujuan, "renstra__opd"),
    (Sasaran, "tujuan__renstra__opd"),
    (Program, "renstra__opd"),
    (Kegiatan, "program__renstra__opd"),
    (SubKegiatan, "kegiatan__program__renstra__opd"),
    (Indikator, "renstra__opd"),
    (Target, "indikator__renstra__opd"),
    (Pagu, "sub_kegiatan__kegiatan__program__renstra__opd"),
    (Realisasi, "indikator__renstra__opd"),
    (DataDukung, "realisasi__indikator__renstra__opd"),
    (RealisasiAnggaran, "sub_kegiatan__kegiatan__program__renstra__opd"),
    (Pelaporan, "opd"),
    (NarasiLaporan, "opd"),
)


class PindahGagal(Exception):
    """An agency cannot be exported or imported; the message (Indonesian) says what is wrong."""

    def __init__(self, pesan):
        super().__init__(pesan)
        self.pesan = pesan


class IsiSalah(ValueError):
    """A part of the document that is not what the format says; the message says how."""


def hitung_isi(opd):
    """{verbose_name_plural: rows} of everything the agency holds, in ISI_OPD's order."""
    return {model._meta.verbose_name_plural: model.objects.filter(**{jalur: opd}).count() for model, jalur in ISI_OPD}


def ke_json(nilai):
    """A field's value as the document writes it: decimals and dates as text, so that nothing
    passes through a float."""
    if isinstance(nilai, Decimal):
        return str(nilai)
    if isinstance(nilai, datetime.date):  # datetimes too
        return nilai.isoformat()
    return nilai


def dari_json(field, nilai):
    """The document's value of a model field back as Python; a value of the wrong kind raises
    ValueError (or passes to full_clean, which names the field)."""
    if nilai is None:
        return None
    tipe = field.get_internal_type()
    if tipe == "DecimalField":
        if not isinstance(nilai, str | int):
            raise IsiSalah(f"{field.name}: angka desimal ditulis sebagai teks, bukan {nilai!r}")
        return Decimal(str(nilai))
    if tipe == "DateTimeField":
        waktu = datetime.datetime.fromisoformat(nilai)
        if waktu.tzinfo is None:
            raise IsiSalah(f"{field.name}: waktu {nilai!r} tanpa zona waktu")
        return waktu
    if tipe == "DateField":
        return datetime.date.fromisoformat(nilai)
    return nilai


def tulis_kolom(obj):
    return {nama: ke_json(getattr(obj, nama)) for nama in KOLOM[type(obj)]}


# Fields added to the format after archives were written with it: their value when an archive has
# none (an indicator archived before "boleh pecahan" existed allowed no fractions; before
# "frekuensi" every indicator was measured quarterly; before "tahun_mulai"/"tahun_selesai" every
# node was in force for the whole Renstra and no sub kegiatan carried a kegiatan's budget).
BERLAKU_SELALU = {"tahun_mulai": None, "tahun_selesai": None}
BAWAAN = {
    Indikator: {"boleh_pecahan": False, "frekuensi": Indikator.Frekuensi.TRIWULANAN, "definisi_operasional": ""},
    Program: {**BERLAKU_SELALU, "urutan": 0},
    Kegiatan: {**BERLAKU_SELALU, "urutan": 0},
    SubKegiatan: {**BERLAKU_SELALU, "mewakili_kegiatan": False, "urutan": 0},
    Realisasi: {"tertulis_strip": False},
}


def kunci_simpul(simpul):
    """A program, kegiatan or sub kegiatan named inside its parent: its code, or its uraian when
    it has none (the nomenclature before 2021 prints no codes)."""
    return simpul.kode or simpul.uraian


def rujukan_simpul(simpul):
    """How the document points at a program, kegiatan or sub kegiatan elsewhere in the agency (a
    node's predecessor of the older nomenclature, possibly in an earlier Renstra): its Renstra and
    the path of natural keys from its program down, e.g.
    {"renstra": {"tahun_awal": 2016, "revisi": 0}, "jalur": ["1.06.02", "Pelayanan …"]}."""
    jalur = [simpul]
    if isinstance(jalur[0], SubKegiatan):
        jalur.insert(0, jalur[0].kegiatan)
    if isinstance(jalur[0], Kegiatan):
        jalur.insert(0, jalur[0].program)
    renstra = jalur[0].renstra
    return {
        "renstra": {"tahun_awal": renstra.tahun_awal, "revisi": renstra.revisi},
        "jalur": [kunci_simpul(n) for n in jalur],
    }


def baca_kolom(model, data):
    """{field: value} of `model`'s plain fields from the document (KeyError when one is missing)."""
    if not isinstance(data, dict):
        raise IsiSalah(f"{model._meta.verbose_name} harus berupa objek JSON")
    data = BAWAAN.get(model, {}) | data
    return {nama: dari_json(model._meta.get_field(nama), data[nama]) for nama in KOLOM[model]}
