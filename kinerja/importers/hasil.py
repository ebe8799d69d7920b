"""What an import found and did: problems with their place in the workbook, and counts."""

from collections import defaultdict
from dataclasses import dataclass, field

DIBUAT, DIUBAH, TETAP = "dibuat", "diubah", "tetap"


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
    `versi` notes the version of every quarter row the file names (kinerja.versi.kunci_versi →
    version, 0 for none yet); a write after a preview gets the preview's as `versi_pratinjau`.
    """

    format: str = ""
    masalah: list = field(default_factory=list)
    jumlah: dict = field(default_factory=lambda: defaultdict(lambda: {DIBUAT: 0, DIUBAH: 0, TETAP: 0}))
    baris: int = 0
    disimpan: bool = False
    versi: dict = field(default_factory=dict)
    versi_pratinjau: dict | None = None

    @property
    def galat(self):
        return [m for m in self.masalah if not m.peringatan]

    @property
    def peringatan(self):
        return [m for m in self.masalah if m.peringatan]

    @property
    def sah(self):
        return not self.galat

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

    def baris_jumlah(self):
        """(model, dibuat, diubah, tetap) per model, in the order the importer met them."""
        return [(model, j[DIBUAT], j[DIUBAH], j[TETAP]) for model, j in self.jumlah.items()]

    def sebagai_dict(self):
        return {
            "format": self.format,
            "baris": self.baris,
            "disimpan": self.disimpan,
            "jumlah": {k: dict(v) for k, v in self.jumlah.items()},
            "masalah": [m.sebagai_dict() for m in self.masalah],
            "versi": self.versi,
        }

    @classmethod
    def dari_dict(cls, data):
        hasil = cls(format=data.get("format", ""), baris=data.get("baris", 0), disimpan=data.get("disimpan", False))
        for model, angka in data.get("jumlah", {}).items():
            hasil.jumlah[model].update(angka)
        hasil.masalah = [Masalah(**m) for m in data.get("masalah", [])]
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
