"""A built report as plain data: what every builder returns and every renderer reads.

A builder decides what is in each cell and of which kind it is (text, number, percentage,
rupiah); the renderers decide only how a kind looks in HTML, PDF or XLSX. Numbers stay Decimal
or int here; they are written the Indonesian way at the edge (template filters, XLSX number
formats).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from renstra.kode import TANPA_KODE


class Jenis:
    """Kinds of cell."""

    TEKS = "teks"
    KODE = "kode"
    NILAI = "nilai"  # a measured value or target: whole numbers bare, others with two decimals
    ANGKA = "angka"  # a computed number, two decimals
    PERSEN = "persen"
    RUPIAH = "rupiah"
    GRAFIK = "grafik"  # a small chart in a cell (laporan.grafik.Grafik); its text in XLSX

    ANGKA_SEMUA = (NILAI, ANGKA, PERSEN, RUPIAH)


@dataclass
class Sel:
    """One body cell. `nilai` is None for an empty cell; a capaian that cannot be computed is
    None with the reason in `catatan` (shown as "–" with the reason on hover). `teks` replaces
    the value where a document prints a word instead (e.g. "REFOCUSING")."""

    nilai: object = None
    jenis: str = Jenis.TEKS
    kolom: int = 1
    catatan: str = ""
    kelas: str = ""
    teks: str = ""
    tautan: str = ""  # where the cell leads on screen (a dashboard's drill-down)
    tanda: str = ""  # the number of a data note printed under the table, shown beside the value

    @property
    def angka(self):
        return self.jenis in Jenis.ANGKA_SEMUA and isinstance(self.nilai, (Decimal, int)) and not self.teks

    @property
    def tak_terhitung(self):
        """A number that should be there and cannot be computed (shown as "–")."""
        return self.nilai is None and bool(self.catatan)


def teks(nilai, **kwargs):
    return Sel(nilai if nilai not in (None, "") else None, Jenis.TEKS, **kwargs)


def kode(nilai, **kwargs):
    return Sel(nilai or None, Jenis.KODE, **kwargs)


def kode_simpul(simpul, **kwargs):
    """The code cell of a plan node: its code, or the words "tanpa kode" for a row whose
    document prints none (the nomenclature before 2021)."""
    if simpul.kode:
        return kode(simpul.kode, **kwargs)
    return Sel(None, Jenis.KODE, teks=TANPA_KODE, kelas="tanpa-kode", **kwargs)


def nilai(x, **kwargs):
    return Sel(x, Jenis.TEKS if isinstance(x, str) else Jenis.NILAI, **kwargs)


def angka(x, **kwargs):
    return Sel(x, Jenis.ANGKA, **kwargs)


def rupiah(x, **kwargs):
    return Sel(x, Jenis.RUPIAH, **kwargs)


def persen(hasil, **kwargs):
    """A capaian: a Decimal, or a rules.HasilCapaian whose reason becomes the hover text."""
    if hasattr(hasil, "nilai") and hasattr(hasil, "alasan"):
        alasan = hasil.alasan
        return Sel(hasil.nilai, Jenis.PERSEN, catatan=str(alasan) if alasan else "", **kwargs)
    return Sel(hasil, Jenis.PERSEN, **kwargs)


def kosong(kolom=1):
    return Sel(None, Jenis.TEKS, kolom=kolom)


@dataclass
class Kolom:
    """A body column: its width in characters (for XLSX and for the printed table) and whether
    its text is indented by the row's level. `lebar_cetak`, when given, is its share of the
    printed table instead: a column of numbers or codes is never narrower than its widest one,
    so a share below that gives the rest to the columns of words, while XLSX keeps `lebar`."""

    lebar: float = 12
    menjorok: bool = False
    lebar_cetak: float | None = None

    @property
    def bagian(self):
        return self.lebar if self.lebar_cetak is None else self.lebar_cetak


@dataclass
class Kepala:
    """One cell of the multi-row header, spanning `kolom` columns and `baris` rows; `urut` is the
    key a dashboard sorts the column by."""

    teks: str
    kolom: int = 1
    baris: int = 1
    urut: str = ""


@dataclass
class Baris:
    """A body row. `tingkat` is its level (0 = top) for indentation; `jenis` says what it is:
    "kelompok" (a heading row such as a program or a bidang), "isi", "rincian" (a detail row
    under an indicator), "jumlah" (a total or average)."""

    sel: list
    tingkat: int = 0
    jenis: str = "isi"
    kunci: str = ""  # what the row shows, e.g. "indikator-12", for finding it again

    @property
    def tebal(self):
        return self.jenis in ("kelompok", "jumlah")


KOLOM_PADAT = 20  # from this many columns a table is printed in small type (Form 2 of the quarterly evaluation)


@dataclass
class Tabel:
    """A table with its own multi-row header. Each table becomes one sheet in XLSX. A `lebar`
    table of a portrait report is printed on landscape pages of its own; `catatan` are the
    notes printed under it."""

    nama: str
    kolom: list
    kepala: list
    baris: list = field(default_factory=list)
    judul: str = ""
    lebar: bool = False
    catatan: list = field(default_factory=list)
    kunci: str = ""  # what the table shows, e.g. "komposisi-belanja", for finding it again
    pembuka: list = field(default_factory=list)  # headings and text printed with it (on its landscape page)
    catatan_data: list = field(default_factory=list)  # the numbered data notes of its cells (builders.catatan_kaki)

    @property
    def jumlah_kolom(self):
        return len(self.kolom)

    @property
    def padat(self):
        """A form this wide is printed in the small type of the wide forms (cetak.css)."""
        return self.jumlah_kolom >= KOLOM_PADAT

    @property
    def lebar_persen(self):
        """Each column's share of the table width, in percent (for screen and A4 alike), None for
        a column empty in every body row: that one is as narrow as its header allows. The
        stylesheet lays the table out automatically, so that a column is never narrower than its
        widest number or code (never broken) or its longest header word."""
        isi = self.kolom_berisi() if self.baris else set(range(len(self.kolom)))
        isi = isi or set(range(len(self.kolom)))
        jumlah = sum(k.bagian for i, k in enumerate(self.kolom) if i in isi) or 1
        return [round(k.bagian * 100 / jumlah, 2) if i in isi else None for i, k in enumerate(self.kolom)]

    def kolom_berisi(self):
        """The indexes of the columns with something printed in a body cell of their own."""
        berisi = set()
        for b in self.baris:
            for k, sel in self.posisi(b):
                if sel.kolom == 1 and k not in berisi and (sel.teks or sel.nilai not in (None, "")):
                    berisi.add(k)
        return berisi

    def posisi(self, baris):
        """(first column index, cell) of each cell of `baris`, counting the spans before it."""
        k = 0
        for sel in baris.sel:
            yield k, sel
            k += sel.kolom

    @property
    def baris_tampil(self):
        """Each row with its cells as (cell, indented?) pairs, for the HTML renderer."""
        menjorok = {i for i, k in enumerate(self.kolom) if k.menjorok}
        return [(b, [(sel, k in menjorok) for k, sel in self.posisi(b)]) for b in self.baris]


@dataclass
class Gambar:
    """A chart of a long document, numbered per chapter as its tables are ("Gambar 3.1") with its
    caption under it: `grafik` is a laporan.grafik.Grafik (server-side SVG, the same on screen and
    in the PDF), whose sentence `grafik.uraian` stands for it in XLSX, under the sheet of the
    table before it. `kunci` names it for finding it again."""

    grafik: object
    kunci: str = ""
    judul: str = ""  # the caption with its number, "Gambar 3.1 Target dan Realisasi ..."
    nama: str = ""  # its number alone, "Gambar 3.1"

    @property
    def uraian(self):
        return self.grafik.uraian if self.grafik is not None else ""


@dataclass
class SimpulPohon:
    """A box of the Pohon Kinerja: its level, code and statement, its indicators (texts with
    their target), children. `label` is how the box is headed ("Sasaran 1.1", "Program
    1.06.02"); `eselon` whose indicators these are in the cascade ("Eselon II")."""

    tingkat: str
    kode: str
    uraian: str
    indikator: list = field(default_factory=list)
    anak: list = field(default_factory=list)
    penanggung_jawab: str = ""
    label: str = ""
    eselon: str = ""


@dataclass
class HalamanPohon:
    """One printed page of a Pohon Kinerja: its heading ("INDIKATOR OPD 1", "LANJUTAN
    INDIKATOR OPD 1") and its boxes, those above the page's branch repeated without indicators."""

    judul: str
    akar: list


@dataclass
class Pohon:
    """The cascade as a tree; `tabel` is the same tree as an indented table, for XLSX.
    `halaman`, when given, is the tree cut into pages for paper (HalamanPohon)."""

    nama: str
    akar: list
    tabel: Tabel
    halaman: list = field(default_factory=list)


@dataclass
class Paragraf:
    """Running text between tables (e.g. the statement of a Perjanjian Kinerja)."""

    teks: str
    judul: str = ""


@dataclass
class Judul:
    """A heading of a long document: a chapter (`tingkat` 1), a section (2) or a sub-section
    (3), listed in its table of contents. `jangkar` is its anchor; a chapter starts a page."""

    teks: str
    tingkat: int = 1
    nomor: str = ""
    jangkar: str = ""

    @property
    def lengkap(self):
        return f"{self.nomor} {self.teks}".strip()


@dataclass
class DaftarIsi:
    """The table of contents: the document's headings, with their page numbers in the PDF."""

    entri: list = field(default_factory=list)
    judul: str = "Daftar Isi"


@dataclass
class Sampul:
    """The cover of a long document: its title lines, the agency, the year, the address."""

    baris: list
    bawah: list = field(default_factory=list)


@dataclass
class Butir:
    """A list of items, numbered or not."""

    isi: list
    bernomor: bool = False


@dataclass
class Tulisan:
    """A section written by people, stored per agency and year (kinerja.NarasiLaporan): its
    text as last saved, by whom and when, and what identifies it for editing (`bagian`, and
    `indikator_id` for a per-indicator section). `petunjuk` says what belongs there while it is
    still empty."""

    bagian: str
    judul: str
    teks: str = ""
    indikator_id: int | None = None
    petunjuk: str = ""
    versi: int = 0
    diubah_oleh: str = ""
    diubah_pada: object = None

    @property
    def jangkar(self):
        return f"narasi-{self.bagian}" + (f"-{self.indikator_id}" if self.indikator_id else "")


@dataclass
class Penanda:
    """A signature block: who signs, in which capacity, where and when."""

    jabatan: str
    nama: str
    nip: str = ""
    pangkat: str = ""
    tempat: str = ""
    tanggal: date | None = None
    sebutan: str = ""  # a line above the office, e.g. "PIHAK PERTAMA" or "Mengetahui,"


@dataclass
class Laporan:
    """A whole report: the title block, its parts (tables, a tree, free paragraphs), notes,
    and signatures."""

    kode: str
    judul: list
    keterangan: list
    bagian: list
    penanda: list = field(default_factory=list)
    catatan: list = field(default_factory=list)
    orientasi: str = "landscape"
    padat: bool = False  # a wide form (20+ columns) printed in small type with tight cells
    nama_berkas: str = "laporan"
    hanya_tabel_xlsx: bool = False  # the XLSX holds the tables alone, not the running text
    masalah: list = field(default_factory=list)  # data problems found while building (a draft's)

    @property
    def judul_utama(self):
        return self.judul[0] if self.judul else ""

    @property
    def bersampul(self):
        """A long document with its own cover (the LKjIP), instead of a title block."""
        return any(isinstance(b, Sampul) for b in self.bagian)
