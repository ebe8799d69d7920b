"""What an import found and did: problems with their place in the workbook, counts, and the
objects created and the values changed, named."""

from collections import defaultdict
from dataclasses import dataclass, field

DIBUAT, DIUBAH, TETAP = "dibuat", "diubah", "tetap"
# What the preview names per kind of data and per created/changed (counts stay exact): a
# 5.000-row matrix creates some 50.000 objects, and the preview is stored (Impor.hasil).
BATAS_RINCIAN = 200
# Problems kept in the stored preview, errors first (the page shows 500; counts stay exact).
BATAS_MASALAH = 1000
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
    """A problem of one cell, row or sheet; `peringatan` does not stop the import."""

    pesan: str
    lembar: str = ""
    baris: int | None = None
    kolom: str = ""
    peringatan: bool = False

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

    def sebagai_dict(self):
        return {
            "pesan": self.pesan,
            "lembar": self.lembar,
            "baris": self.baris,
            "kolom": self.kolom,
            "peringatan": self.peringatan,
        }


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

    def tambah(self, pesan, lembar="", baris=None, kolom=None, peringatan=False):
        """Record a problem; `kolom` is a column index (0 → A) or a letter."""
        if isinstance(kolom, int):
            kolom = huruf_kolom(kolom)
        self.masalah.append(Masalah(pesan, lembar, baris, kolom or "", peringatan))

    def hitung(self, model, jenis, n=1):
        self.jumlah[model][jenis] += n

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
            "masalah": [m.sebagai_dict() for m in disimpan],
            "jumlah_masalah": {"galat": self.jumlah_galat, "peringatan": self.jumlah_peringatan},
            "rincian": {k: dict(v) for k, v in self.rincian.items() if v[DIBUAT] or v[DIUBAH]},
            "versi": self.versi,
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
        return hasil


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
