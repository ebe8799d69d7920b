"""What an import found and did: problems with their place in the workbook, counts, and the
objects created and the values changed, named."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

DIBUAT, DIUBAH, TETAP = "dibuat", "diubah", "tetap"
# What became of a row of a sheet (Hasil.akun_baris): every row read is one of these.
DIIMPOR, DIABAIKAN, DITOLAK = "diimpor", "diabaikan", "ditolak"
TAK_TERHITUNG = "tak_terhitung"  # read and left without an account: a fault of the importer
LABEL_STATUS_BARIS = {
    DIIMPOR: "diimpor",
    TETAP: "tetap",
    DIABAIKAN: "diabaikan",
    DITOLAK: "ditolak",
    TAK_TERHITUNG: "tidak terhitung",
}
# Rows not imported (ignored or refused) named in the stored preview (their counts stay exact).
BATAS_BARIS_DIABAIKAN = 500
# What the preview names per kind of data and per created/changed (counts stay exact): a
# 5.000-row matrix creates some 50.000 objects, and the preview is stored (Impor.hasil).
BATAS_RINCIAN = 200
# Problems kept in the stored preview, errors first (the page shows 500; counts stay exact).
BATAS_MASALAH = 1000
# The parts of a printed total named in its question and data note (the count stays exact).
BATAS_RINCIAN_JUMLAH = 30
# A named list of a kind is shown open on the page up to this many entries.
RINCIAN_TERBUKA = 25


@dataclass
class RincianJenis:
    """The named changes of one kind of data, for the page: `lain_*` more than are named."""

    model: str
    dibuat: list
    diubah: list
    lain_dibuat: int
    lain_diubah: int

    @property
    def jumlah_dibuat(self):
        return len(self.dibuat) + self.lain_dibuat

    @property
    def jumlah_diubah(self):
        return len(self.diubah) + self.lain_diubah

    @property
    def terbuka(self):
        return len(self.dibuat) + len(self.diubah) <= RINCIAN_TERBUKA


@dataclass(frozen=True)
class Masalah:
    """A problem of one cell, row or sheet; `peringatan` does not stop the import.

    A warning is kept after the write as a data note (kinerja.models.CatatanData, see
    kinerja.importers.catatan): `jenis` its kind (CatatanData.Jenis), `tercetak` and `dihitung`
    the value as printed and as computed, written for people, `medan` which value of the row it
    concerns (capaian, realisasi, target, kondisi_akhir, pagu, realisasi_anggaran …), `triwulan`
    and `tahun` the quarter and year of that value when the row holds several. A printed total
    that disagrees with the sum of its parts (`jenis` "jumlah") names its parts in `rincian`
    (written for people) and is a question the admin answers before the write
    (kinerja.importers.keputusan)."""

    pesan: str
    lembar: str = ""
    baris: int | None = None
    kolom: str = ""
    peringatan: bool = False
    jenis: str = ""
    tercetak: str = ""
    dihitung: str = ""
    medan: str = ""
    triwulan: int | None = None
    tahun: int | None = None
    rincian: tuple = ()

    def __post_init__(self):
        if not isinstance(self.rincian, tuple):  # a list, read back from the stored preview
            object.__setattr__(self, "rincian", tuple(self.rincian))

    @property
    def letak(self):
        bagian = []
        if self.lembar:
            bagian.append(f"lembar {self.lembar}")
        if self.baris:
            bagian.append(f"baris {self.baris}")
        if self.kolom:
            bagian.append(f"kolom {self.kolom}")
        return ", ".join(bagian)

    def __str__(self):
        jenis = "Peringatan" if self.peringatan else "Galat"
        return f"{jenis} ({self.letak}): {self.pesan}" if self.letak else f"{jenis}: {self.pesan}"

    @property
    def kunci_keputusan(self):
        """What names the question of a printed total (kinerja.importers.keputusan) in the preview,
        the form and the write: the same file gives the same key."""
        return f"{self.lembar}|{self.baris or ''}|{self.medan}|{self.tahun or ''}"

    @property
    def sel(self):
        """The cell ("F12"), or the row ("baris 12") when no column is known."""
        if self.baris is None:
            return ""
        return f"{self.kolom}{self.baris}" if self.kolom else f"baris {self.baris}"

    def sebagai_dict(self, rincian=True):
        data = {
            "pesan": self.pesan,
            "lembar": self.lembar,
            "baris": self.baris,
            "kolom": self.kolom,
            "peringatan": self.peringatan,
        }
        for f in _MEDAN_CATATAN:
            if getattr(self, f) not in ("", None):
                data[f] = getattr(self, f)
        if self.rincian and rincian:
            data["rincian"] = list(self.rincian)
        return data


_MEDAN_CATATAN = ("jenis", "tercetak", "dihitung", "medan", "triwulan", "tahun")


def rincian_terbatas(daftar):
    """The parts of a printed total as `Masalah.rincian`: the first BATAS_RINCIAN_JUMLAH named,
    then how many more."""
    daftar = list(daftar)
    if len(daftar) <= BATAS_RINCIAN_JUMLAH:
        return tuple(daftar)
    return (*daftar[:BATAS_RINCIAN_JUMLAH], f"… dan {len(daftar) - BATAS_RINCIAN_JUMLAH} rincian lain")


@dataclass
class RentangBaris:
    """Consecutive rows of one sheet with the same fate and reason."""

    lembar: str
    dari: int
    sampai: int
    status: str
    alasan: str = ""

    @property
    def baris(self):
        return str(self.dari) if self.dari == self.sampai else f"{self.dari}–{self.sampai}"

    @property
    def label_status(self):
        return LABEL_STATUS_BARIS.get(self.status, self.status)


@dataclass(frozen=True)
class AkunBaris:
    """What became of one row of a sheet: imported, unchanged, ignored or refused, and why."""

    lembar: str
    baris: int
    status: str
    alasan: str = ""

    @property
    def label_status(self):
        return LABEL_STATUS_BARIS.get(self.status, self.status)

    def sebagai_dict(self):
        return {"lembar": self.lembar, "baris": self.baris, "status": self.status, "alasan": self.alasan}


@dataclass
class Hasil:
    """The preview of an import, and after a commit what was written.

    `jumlah[nama_model][DIBUAT|DIUBAH|TETAP]` counts objects; `baris` counts the data rows read.
    `rincian[nama_model]` names the first `BATAS_RINCIAN` objects created (`{"judul", "isi":
    [[field, value]]}`) and changed (`{"judul", "medan": [[field, old, new]]}`), values written
    for people (kinerja.importers.judul). `versi` notes the version of every quarter row the file
    names (kinerja.versi.kunci_versi → version, 0 for none yet); a write after a preview gets the
    preview's as `versi_pratinjau`.
    """

    format: str = ""
    masalah: list = field(default_factory=list)
    jumlah: dict = field(default_factory=lambda: defaultdict(lambda: {DIBUAT: 0, DIUBAH: 0, TETAP: 0}))
    baris: int = 0
    disimpan: bool = False
    versi: dict = field(default_factory=dict)
    versi_pratinjau: dict | None = None
    rincian: dict = field(default_factory=lambda: defaultdict(lambda: {DIBUAT: [], DIUBAH: []}))
    # exact counts of a preview read back whose stored problems were cut at BATAS_MASALAH
    _jumlah_masalah: dict | None = field(default=None, repr=False)
    # the account of rows (see `akun_baris`): rows read per sheet, rows set aside with a reason,
    # and the objects each row gave
    dibaca: dict = field(default_factory=dict, repr=False)  # lembar → [nomor baris]
    alasan_abaikan: dict = field(default_factory=dict, repr=False)  # (lembar, nomor) → alasan
    objek_baris: dict = field(default_factory=dict, repr=False)  # (lembar, nomor) → {jenis}
    baris_data_dibaca: set = field(default_factory=set, repr=False)  # (lembar, nomor) read as data
    _akun: list | None = field(default=None, repr=False)
    _jumlah_akun: dict | None = field(default=None, repr=False)
    # the admin's answers to the printed totals' questions: kunci_keputusan → "rincian" | "total"
    keputusan: dict = field(default_factory=dict)
    _pertanyaan: list | None = field(default=None, repr=False)  # read back from a stored preview

    @property
    def galat(self):
        return [m for m in self.masalah if not m.peringatan]

    @property
    def peringatan(self):
        return [m for m in self.masalah if m.peringatan]

    @property
    def jumlah_galat(self):
        return self._jumlah_masalah["galat"] if self._jumlah_masalah else len(self.galat)

    @property
    def jumlah_peringatan(self):
        return self._jumlah_masalah["peringatan"] if self._jumlah_masalah else len(self.peringatan)

    @property
    def sah(self):
        return not self.jumlah_galat

    @property
    def ada_perubahan(self):
        return any(j[DIBUAT] or j[DIUBAH] for j in self.jumlah.values())

    def total(self, jenis):
        return sum(j[jenis] for j in self.jumlah.values())

    def tambah(self, pesan, lembar="", baris=None, kolom=None, peringatan=False, **catatan):
        """Record a problem; `kolom` is a column index (0 → A) or a letter; `catatan` the fields a
        warning's data note is kept with (`Masalah.jenis`, `tercetak`, `dihitung` …)."""
        if isinstance(kolom, int):
            kolom = huruf_kolom(kolom)
        self.masalah.append(Masalah(pesan, lembar, baris, kolom or "", peringatan, **catatan))

    def pertanyaan_jumlah(self):
        """The printed totals that disagree with the sum of their parts (warnings of `jenis`
        "jumlah"), one per key: the questions the admin answers before the write."""
        if self._pertanyaan is not None:
            return list(self._pertanyaan)
        daftar = {}
        for m in self.peringatan:
            if m.jenis == "jumlah":
                daftar.setdefault(m.kunci_keputusan, m)
        return list(daftar.values())

    def hitung(self, model, jenis, n=1):
        self.jumlah[model][jenis] += n

    # -- the account of rows ------------------------------------------------------------------

    def catat_dibaca(self, lembar_daftar):
        """Note every non-empty row of the sheets read (`Lembar`s): each must be accounted for."""
        for lembar in lembar_daftar:
            self.dibaca[lembar.nama] = [
                n for n, baris in enumerate(lembar.baris, start=1) if any(_bukan_kosong(c) for c in baris)
            ]

    def abaikan(self, lembar, nomor, alasan):
        """Set a row aside with the reason (a header repeated, a total, a text joined above …);
        the first reason given for a row stands."""
        if nomor is not None:
            self.alasan_abaikan.setdefault((lembar, nomor), alasan)

    def catat_data(self, lembar, nomor):
        """Note a row read as data (a node, an indicator, a budget line): refused with the file
        when it is not written, never left without an account."""
        self.baris_data_dibaca.add((lembar, nomor))

    def catat_letak(self, letak, jenis):
        """Note that the row at `letak` (lembar, nomor) gives an object created, changed or unchanged."""
        if letak and len(letak) >= 2 and letak[1] is not None:
            self.objek_baris.setdefault((letak[0], letak[1]), set()).add(jenis)

    def akun_baris(self):
        """Every row read, with what became of it (`AkunBaris`), in the order of the sheets:

        - ditolak: a row with an error (the first error is its reason), or a data row when the
          import is refused (nothing is written);
        - diimpor / tetap: a row giving objects created or changed / only unchanged ones;
        - diabaikan: a row the importer set aside, with its reason;
        - tak_terhitung: a row none of these fits (an importer's fault; tests hold it absent).
        A preview read back gives the stored rows (those not imported, bounded)."""
        if self._akun is not None:
            return list(self._akun)
        galat_baris = {}
        for m in self.masalah:
            if not m.peringatan and m.baris is not None:
                galat_baris.setdefault((m.lembar, m.baris), m.pesan)
        daftar = []
        for lembar, nomor_daftar in self.dibaca.items():
            for nomor in nomor_daftar:
                kunci = (lembar, nomor)
                jenis = self.objek_baris.get(kunci, set())
                if kunci in galat_baris:
                    status, alasan = DITOLAK, galat_baris[kunci]
                elif kunci in self.alasan_abaikan and not jenis:
                    status, alasan = DIABAIKAN, self.alasan_abaikan[kunci]
                elif not self.sah and (jenis or kunci in self.baris_data_dibaca):
                    status, alasan = DITOLAK, "Tidak disimpan: impor ditolak karena ada galat."
                elif not self.sah and not self.ada_baris_data() and not self.baris_data_dibaca:
                    # refused before any row was read as data (a file-level error): no row was
                    # checked, none is written
                    status, alasan = DITOLAK, "Tidak diperiksa: berkas ditolak karena galat di atas."
                elif DIBUAT in jenis or DIUBAH in jenis:
                    status, alasan = DIIMPOR, ""
                elif TETAP in jenis:
                    status, alasan = TETAP, ""
                else:
                    status, alasan = TAK_TERHITUNG, "Baris ini terbaca tetapi tidak menghasilkan apa pun."
                daftar.append(AkunBaris(lembar, nomor, status, alasan))
        return daftar

    def jumlah_akun(self):
        """Rows per status, in the order of LABEL_STATUS_BARIS: {status: n}; their sum is the number
        of rows read."""
        jumlah = self._jumlah_akun
        if jumlah is None:
            jumlah = {}
            for a in self.akun_baris():
                jumlah[a.status] = jumlah.get(a.status, 0) + 1
        return {s: jumlah[s] for s in LABEL_STATUS_BARIS if jumlah.get(s)}

    @property
    def baris_dibaca(self):
        if self._jumlah_akun is not None:
            return sum(self._jumlah_akun.values())
        return sum(len(n) for n in self.dibaca.values())

    def baris_tidak_diimpor(self):
        """The rows ignored, refused or not accounted for, with their reasons (for the page)."""
        return [a for a in self.akun_baris() if a.status not in (DIIMPOR, TETAP)]

    def rentang_tidak_diimpor(self):
        """`baris_tidak_diimpor` with consecutive rows of one sheet, status and reason as one
        range ("baris 1–13: diabaikan — Lembar petunjuk"), as the page and the command list them."""
        rentang = []
        for a in self.baris_tidak_diimpor():
            akhir = rentang[-1] if rentang else None
            if (
                akhir is not None
                and (akhir.lembar, akhir.status, akhir.alasan) == (a.lembar, a.status, a.alasan)
                and a.baris == akhir.sampai + 1
            ):
                akhir.sampai = a.baris
            else:
                rentang.append(RentangBaris(a.lembar, a.baris, a.baris, a.status, a.alasan))
        return rentang

    def ada_baris_data(self):
        """Whether any row gives an object (created, changed or unchanged)."""
        return bool(self.objek_baris)

    def boleh_dirinci(self, model, jenis):
        """Whether one more object of `model` created or changed is named (the list is not full)."""
        return len(self.rincian[model][jenis]) < BATAS_RINCIAN

    def rinci_dibuat(self, model, judul, isi=()):
        """Name a created object: what it is, and its values as [field, value] pairs."""
        if self.boleh_dirinci(model, DIBUAT):
            self.rincian[model][DIBUAT].append({"judul": judul, "isi": [list(p) for p in isi]})

    def rinci_diubah(self, model, judul):
        """Name a changed object; returns its list of [field, old, new] to fill (None when the
        list of its kind is full)."""
        if not self.boleh_dirinci(model, DIUBAH):
            return None
        catatan = {"judul": judul, "medan": []}
        self.rincian[model][DIUBAH].append(catatan)
        return catatan["medan"]

    def rincian_per_jenis(self):
        """The named changes per kind of data: the kinds whose stored values change first (what
        a person must check before approving), then those only created, each in the order of
        `baris_jumlah`."""
        daftar = []
        for model, j in self.jumlah.items():
            r = self.rincian.get(model) or {DIBUAT: [], DIUBAH: []}
            if j[DIBUAT] or j[DIUBAH]:
                daftar.append(
                    RincianJenis(
                        model,
                        r[DIBUAT],
                        r[DIUBAH],
                        max(0, j[DIBUAT] - len(r[DIBUAT])),
                        max(0, j[DIUBAH] - len(r[DIUBAH])),
                    )
                )
        return sorted(daftar, key=lambda r: not r.jumlah_diubah)

    def baris_jumlah(self):
        """(model, dibuat, diubah, tetap) per model, in the order the importer met them."""
        return [(model, j[DIBUAT], j[DIUBAH], j[TETAP]) for model, j in self.jumlah.items()]

    def sebagai_dict(self):
        """What is stored of the preview: bounded, however large the file (`versi` has one entry
        per quarter row the file names, which the write after it needs)."""
        disimpan = sorted(self.masalah, key=lambda m: m.peringatan)[:BATAS_MASALAH]
        return {
            "format": self.format,
            "baris": self.baris,
            "disimpan": self.disimpan,
            "jumlah": {k: dict(v) for k, v in self.jumlah.items()},
            # a question's parts are kept once, with the question
            "masalah": [m.sebagai_dict(rincian=False) for m in disimpan],
            "jumlah_masalah": {"galat": self.jumlah_galat, "peringatan": self.jumlah_peringatan},
            "rincian": {k: dict(v) for k, v in self.rincian.items() if v[DIBUAT] or v[DIUBAH]},
            "versi": self.versi,
            "akun": [a.sebagai_dict() for a in self.baris_tidak_diimpor()[:BATAS_BARIS_DIABAIKAN]],
            "jumlah_akun": self.jumlah_akun(),
            "pertanyaan": [m.sebagai_dict() for m in self.pertanyaan_jumlah()],
            "keputusan": dict(self.keputusan),
        }

    @classmethod
    def dari_dict(cls, data):
        hasil = cls(format=data.get("format", ""), baris=data.get("baris", 0), disimpan=data.get("disimpan", False))
        for model, angka in data.get("jumlah", {}).items():
            hasil.jumlah[model].update(angka)
        for model, r in data.get("rincian", {}).items():
            hasil.rincian[model].update(r)
        hasil.masalah = [Masalah(**m) for m in data.get("masalah", [])]
        hasil._jumlah_masalah = data.get("jumlah_masalah")
        hasil.versi = data.get("versi", {})
        if "akun" in data:
            hasil._akun = [AkunBaris(**a) for a in data["akun"]]
            hasil._jumlah_akun = data.get("jumlah_akun", {})
        if "pertanyaan" in data:
            hasil._pertanyaan = [Masalah(**m) for m in data["pertanyaan"]]
        hasil.keputusan = dict(data.get("keputusan") or {})
        return hasil


def _bukan_kosong(isi):
    """A cell holding something, read as the importers read it (HTML remnants and blanks are nothing)."""
    return isi is not None and re.sub(r"<[^>]*>", "", str(isi)).replace("\u00a0", " ").strip() != ""


def huruf_kolom(indeks):
    """`A` for column 0, `AB` for column 27."""
    huruf = ""
    indeks += 1
    while indeks:
        indeks, sisa = divmod(indeks - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


class BerkasDitolak(Exception):
    """The file cannot be read at all (not XLSX, too large, no table found)."""

    def __init__(self, pesan):
        super().__init__(pesan)
        self.pesan = pesan
