"""Reading a workbook: the checks a file must pass before anything in it is looked at, and its
rows as plain values (openpyxl's read-only mode: fast, little memory, no merged-cell
information, so merged header cells are read as a label followed by empty cells).

An XLSX file is a zip archive of XML parts, and a file of well under 1 MB can expand to hundreds
of MB, declare a sheet of 16.384 × 1.048.576 cells, or put one cell at the far corner of that
grid; read naively, such files took a worker to 1,2–2,9 GB (issue item 6). What a file may hold
is therefore bounded in three steps, each bounding what the next one may cost:

1. `periksa_berkas`: the file's own size (KINERJA_UKURAN_IMPOR_MB) and its first bytes (XLSX,
   not .xls or anything else).
2. `periksa_arsip`, before openpyxl parses anything: the archive's directory (at most
   `MAKS_ANGGOTA` parts; their declared uncompressed sizes together at most
   KINERJA_IMPOR_MAKS_URAI_MB; the XML parts other than the sheets, which openpyxl reads whole
   into objects (styles, shared strings, workbook), together at most KINERJA_IMPOR_MAKS_BAGIAN_MB;
   no part above `RASIO_DARI_MB` compressed more than `RASIO_MAKS` times), then every XML part
   decompressed in pieces of 1 MB, its bytes counted (zipfile stops at the declared size and
   fails the CRC check of a part that lies about it; we count as well), and run through expat
   (the XML parser under openpyxl's, in C) without building anything: no part may hold a DTD
   (no XLSX part has one; entities are the oldest XML bomb) or elements nested deeper than
   `MAKS_KEDALAMAN` (each open element stays in memory). In the sheets the row elements are
   counted (at most `MAKS_BARIS`, all sheets together, empty formatted rows included: openpyxl
   keeps an emptied element per row it has read, and reads a sheet without a declared dimension
   once more just to size it), and so are the cells of each row (at most `MAKS_SEL_SEBARIS`,
   Excel's columns) and all its elements (at most `MAKS_UNSUR_SEBARIS`): a row is built whole
   in memory before it is handed over.
3. `baca_buku`: openpyxl opens the workbook in read-only mode and the rows of each sheet are
   taken one at a time from openpyxl's own sheet parser, without padding. A value beyond column
   KINERJA_IMPOR_MAKS_KOLOM or beyond row `MAKS_BARIS` is refused, naming its cell or row, and so
   is a file holding more than KINERJA_IMPOR_MAKS_SEL cells (a row counts up to its last value).

The declared dimension of a sheet (`<dimension ref="A1:XFD1048576"/>`) is neither checked nor
used: the rows are read as the sheet holds them. Refusing on it would refuse good workbooks:
Excel declares the range of every formatted cell, LibreOffice writes `ref="1:10901"` with no
columns and rows 1.024 columns wide (openpyxl then reports 1.025 columns), openpyxl's write-only
mode declares nothing, and a hostile file can declare `A1:A1` and hold more. Trusting it costs:
openpyxl's `iter_rows` pads every row to the declared width (16.384 values for three cells), and
without a declaration (`reset_dimensions()`) to its last cell, an empty formatted one at column
XFD included, and makes up every missing row one by one. So only what is actually there counts:
the row elements and cells of step 2 and the values of step 3, whatever the declaration says.
Where a declaration is too small, the whole sheet is now read (openpyxl stopped at it).

Within these limits reading stays within a few hundred MB. Measured on the largest cases:
2.000.000 cells of distinct texts (100.000 rows, 86 MB of sheet XML) took 145 MB more than the
worker before it, 9 MB of cell styles 140 MB; a 0,9 MB file of 300 MB of shared strings, read
naively, 350 MB and now nothing. The whole import of the 5.000-row matrix of `bench/impor.py`
(0,6 MB, 110.000 cells) peaks at about 140 MB, of which reading takes 8 MB.
"""

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree
from xml.parsers import expat

from django.conf import settings

from kinerja import rules

from .hasil import BerkasDitolak, huruf_kolom

MAKS_BARIS = 100_000  # rows of a file, all sheets together
MAKS_ANGGOTA = 1_000  # parts of the archive; a workbook of 50 sheets has about 120
MAKS_SEL_SEBARIS = 16_384  # cells of one row element: Excel's columns
MAKS_UNSUR_SEBARIS = 100_000  # elements of one row (a cell of text is three, rich text more)
MAKS_KEDALAMAN = 100  # elements open at once; a sheet needs 7, a chart about 15
RASIO_MAKS = 100  # compression ratio of a part larger than RASIO_DARI_MB once decompressed
RASIO_DARI_MB = 5
MB = 1024 * 1024
_POTONGAN = MB  # bytes decompressed at a time
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # Excel 97–2003 (.xls)
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_BARIS = f"{{{_NS}}}row"
_BARIS_EXPAT, _SEL_EXPAT = f"{_NS} row", f"{_NS} c"  # names as expat gives them (namespace_separator " ")
_RUSAK = (
    zipfile.BadZipFile,
    zlib.error,
    expat.ExpatError,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


@dataclass
class Lembar:
    nama: str
    baris: list = field(default_factory=list)  # rows of cell values; row n of the sheet is baris[n - 1]


@dataclass(frozen=True)
class Batas:
    """What a workbook may hold (see the module's doc); `dari_settings()` gives the configured one."""

    urai_mb: int = 100
    bagian_mb: int = 10
    sel: int = 2_000_000
    kolom: int = 1_000
    baris: int = MAKS_BARIS

    @classmethod
    def dari_settings(cls):
        return cls(
            urai_mb=settings.KINERJA_IMPOR_MAKS_URAI_MB,
            bagian_mb=settings.KINERJA_IMPOR_MAKS_BAGIAN_MB,
            sel=settings.KINERJA_IMPOR_MAKS_SEL,
            kolom=settings.KINERJA_IMPOR_MAKS_KOLOM,
            baris=MAKS_BARIS,
        )


def _angka(n):
    return rules.format_angka(n, 0)


def _mb(ukuran):
    return rules.format_angka(Decimal(ukuran) / MB, 1)


def _rusak(sebab):
    return BerkasDitolak(f"Berkas XLSX rusak atau tidak dapat dibaca ({sebab}).")


def _ukuran(berkas):
    posisi = berkas.tell()
    berkas.seek(0, 2)
    ukuran = berkas.tell()
    berkas.seek(posisi)
    return ukuran


def periksa_berkas(berkas, batas_mb):
    """Refuse, with a message saying why, a file that is too large or is not an XLSX workbook."""
    ukuran = _ukuran(berkas)
    if ukuran == 0:
        raise BerkasDitolak("Berkas kosong.")
    if ukuran > batas_mb * 1024 * 1024:
        mb = f"{ukuran / 1024 / 1024:.1f}".replace(".", ",")
        raise BerkasDitolak(f"Berkas {mb} MB melebihi batas {batas_mb} MB. Pisahkan per bidang atau per lembar.")
    berkas.seek(0)
    awal = berkas.read(8)
    berkas.seek(0)
    if awal.startswith(_OLE):
        raise BerkasDitolak(
            "Berkas ini buku kerja Excel 97–2003 (.xls). Buka di Excel atau LibreOffice lalu simpan sebagai .xlsx."
        )
    if not awal.startswith(_ZIP):
        raise BerkasDitolak("Berkas ini bukan buku kerja XLSX. Simpan tabelnya sebagai .xlsx (Excel) lalu unggah lagi.")


def _lembar_kerja(nama):
    return nama.startswith("xl/worksheets/") and nama.endswith(".xml")


def _dibaca_utuh(nama):
    """Parts openpyxl may parse whole: every XML part but the sheets (not media, not the legacy
    VML drawings of comments, which are not well-formed XML and which read-only mode skips)."""
    return nama.endswith((".xml", ".rels")) and not _lembar_kerja(nama)


def _nama_lembar(arsip):
    """{part: sheet name} from xl/workbook.xml and its relationships, for the messages; empty when
    they cannot be read (openpyxl will then say why). Both parts have passed `_pindai`."""
    try:
        relasi = ElementTree.fromstring(arsip.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target", "") for r in relasi.iter(f"{{{_NS_REL}}}Relationship")}
        hasil = {}
        for sheet in ElementTree.fromstring(arsip.read("xl/workbook.xml")).iter(f"{{{_NS}}}sheet"):
            jalur = target.get(sheet.get(f"{{{_NS_R}}}id"), "")
            jalur = jalur[1:] if jalur.startswith("/") else posixpath.normpath(posixpath.join("xl", jalur))
            hasil[jalur] = sheet.get("name", "")
    except (KeyError, ElementTree.ParseError, *_RUSAK):
        return {}
    return hasil


def _potongan(arsip, info):
    """The decompressed bytes of part `info` in pieces of at most 1 MB; never more than it declares."""
    dibaca = 0
    try:
        with arsip.open(info) as isi:
            while potongan := isi.read(_POTONGAN):
                dibaca += len(potongan)
                if dibaca > info.file_size:
                    raise _rusak("ukuran bagian tidak sesuai")
                yield potongan
    except _RUSAK as e:
        raise _rusak(type(e).__name__) from e


def _pindai(arsip, info, lembar=None, batas=None, baris=0):
    """Run part `info` through expat, building nothing, and refuse a DTD or elements nested deeper
    than `MAKS_KEDALAMAN`; in a sheet (`lembar`, its name for the messages) count its rows,
    adding to `baris` (the rows of the sheets before it), and each row's cells and elements.
    The rows so far."""
    kedalaman = kedalaman_baris = sel = unsur = 0

    def doctype(*args):
        raise _rusak("DOCTYPE")

    def mulai(nama, atribut):
        nonlocal kedalaman, kedalaman_baris, baris, sel, unsur
        kedalaman += 1
        if kedalaman > MAKS_KEDALAMAN:
            raise _rusak("kedalaman XML")
        if lembar is None:
            return
        if kedalaman_baris:
            unsur += 1
            if unsur > MAKS_UNSUR_SEBARIS:
                raise _rusak("baris XML terlalu besar")
            if nama == _SEL_EXPAT and kedalaman == kedalaman_baris + 1:
                sel += 1
                if sel > MAKS_SEL_SEBARIS:
                    maks = _angka(MAKS_SEL_SEBARIS)
                    raise BerkasDitolak(
                        f'Berkas XLSX rusak: lembar "{lembar}" memuat satu baris dengan lebih dari {maks} sel, '
                        f"padahal Excel paling banyak {maks} kolom. Buka tabelnya di Excel atau LibreOffice, simpan "
                        "lagi, lalu unggah."
                    )
        elif nama == _BARIS_EXPAT:
            baris += 1
            if baris > batas.baris:
                raise BerkasDitolak(
                    f'Berkas ini berisi lebih dari {_angka(batas.baris)} baris (sampai lembar "{lembar}"; baris '
                    "kosong yang berformat ikut terhitung). Hapus baris kosong di bawah tabel, atau pisahkan per "
                    "bidang atau per lembar."
                )
            kedalaman_baris, sel, unsur = kedalaman, 0, 0

    def selesai(nama):
        nonlocal kedalaman, kedalaman_baris
        if kedalaman == kedalaman_baris:
            kedalaman_baris = 0
        kedalaman -= 1

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = mulai
    parser.EndElementHandler = selesai
    try:
        for potongan in _potongan(arsip, info):
            parser.Parse(potongan, False)
        parser.Parse(b"", True)
    except expat.ExpatError as e:
        raise _rusak(type(e).__name__) from e
    return baris


def periksa_arsip(berkas, batas):
    """Refuse, before openpyxl parses anything, an archive beyond `batas` (a `Batas`): see the
    module's doc, step 2. `berkas` is a binary file object, left at its start."""
    try:
        arsip = zipfile.ZipFile(berkas)
    except _RUSAK as e:
        raise _rusak(type(e).__name__) from e
    with arsip:
        anggota = arsip.infolist()
        if len(anggota) > MAKS_ANGGOTA:
            raise BerkasDitolak(
                f"Berkas ini berisi {_angka(len(anggota))} bagian (lembar, gambar, gaya sel dan sebagainya); paling "
                f"banyak {_angka(MAKS_ANGGOTA)}. Salin tabelnya ke buku kerja baru lalu simpan sebagai .xlsx."
            )
        urai = sum(i.file_size for i in anggota)
        if urai > batas.urai_mb * MB:
            raise BerkasDitolak(
                f"Berkas ini berisi {_mb(urai)} MB data setelah kompresinya dibuka; paling banyak {batas.urai_mb} MB. "
                "Pisahkan per bidang atau per lembar, atau hapus lembar dan gambar yang tidak diperlukan."
            )
        utuh = [i for i in anggota if _dibaca_utuh(i.filename)]
        if sum(i.file_size for i in utuh) > batas.bagian_mb * MB:
            terbesar = max(utuh, key=lambda i: i.file_size)
            raise BerkasDitolak(
                f"Berkas ini berisi {_mb(sum(i.file_size for i in utuh))} MB gaya sel, teks bersama dan bagian lain "
                f'di luar isi lembar (terbesar "{terbesar.filename}", {_mb(terbesar.file_size)} MB); paling banyak '
                f"{batas.bagian_mb} MB. Hapus lembar, gaya sel dan teks yang tidak diperlukan, atau salin tabelnya "
                "sebagai nilai ke buku kerja baru lalu simpan lagi."
            )
        for info in utuh:
            _pindai(arsip, info)
        nama = _nama_lembar(arsip)
        for info in anggota:
            if info.file_size > RASIO_DARI_MB * MB and info.file_size > RASIO_MAKS * max(info.compress_size, 1):
                bagian = f'lembar "{nama[info.filename]}"' if info.filename in nama else f'bagian "{info.filename}"'
                rasio = _angka(info.file_size // max(info.compress_size, 1))
                raise BerkasDitolak(
                    f"Berkas ini berisi {bagian} yang dimampatkan {rasio} kali ({_mb(info.file_size)} MB menjadi "
                    f"{_angka(-(-info.compress_size // 1024))} KB); buku kerja "
                    f"biasa paling banyak {_angka(RASIO_MAKS)} kali. Berkas seperti ini biasanya bukan buatan Excel "
                    "atau LibreOffice: buka tabelnya di salah satu program itu, simpan lagi, lalu unggah."
                )
        baris = 0
        for info in anggota:
            if _lembar_kerja(info.filename) or info.filename in nama:
                baris = _pindai(arsip, info, nama.get(info.filename, info.filename), batas, baris)
    berkas.seek(0)


def _baris_bernilai(ws):
    """(row number, values up to the last non-empty one) of every row of the read-only sheet `ws`
    that holds a value, in the sheet's order.

    openpyxl's `ws.iter_rows()` pads each row to the declared width or to its last cell, and
    makes up each missing row; here nothing is padded or made up. The rows come from openpyxl's
    own sheet parser (the one `ReadOnlyWorksheet` uses; a private module of the pinned openpyxl,
    so every value is the one openpyxl gives: test_buku_batas compares the two on any workbook
    openpyxl writes). Parts of the sheet other than its rows (merged cells, conditional formats,
    validations) are skipped instead of being built, and every element read is dropped, so the
    memory is that of one row.
    """
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.xml.functions import iterparse

    buku = ws.parent
    with ws._get_source() as sumber:
        parser = WorkSheetParser(
            sumber,
            ws._shared_strings,
            data_only=buku.data_only,
            epoch=buku.epoch,
            date_formats=buku._date_formats,
            timedelta_formats=buku._timedelta_formats,
        )
        terbuka, dalam_baris, berikut = [], False, 1
        for peristiwa, el in iterparse(sumber, events=("start", "end")):
            if peristiwa == "start":
                terbuka.append(el)
                dalam_baris = dalam_baris or el.tag == _BARIS
                continue
            terbuka.pop()
            if el.tag == _BARIS:
                dalam_baris = False
                nomor, sel = parser.parse_row(el)
                if terbuka:
                    terbuka[-1].clear()
                if nomor < berikut:  # a row number going back: openpyxl skips the row too
                    continue
                berikut = nomor + 1
                lebar = max((s["column"] for s in sel if s["value"] not in (None, "")), default=0)
                if lebar:
                    nilai = [None] * lebar
                    for s in sel:
                        if s["column"] <= lebar:
                            nilai[s["column"] - 1] = s["value"]
                    yield nomor, nilai
            elif not dalam_baris:
                el.clear()
                if terbuka:
                    terbuka[-1].clear()


def baca_buku(berkas, batas_mb, kemajuan=None, batas=None):
    """The sheets of an XLSX file (a path or a binary file object) as `Lembar`s.

    `kemajuan(n)` is told the number of rows read so far, every 1.000 rows. `batas` (a `Batas`)
    defaults to the KINERJA_IMPOR_MAKS_* settings.
    """
    import openpyxl  # imported here: only imports need it, and it takes a while to load

    if isinstance(berkas, str | bytes) or hasattr(berkas, "__fspath__"):
        with open(berkas, "rb") as f:
            return baca_buku(f, batas_mb, kemajuan, batas)
    batas = batas or Batas.dari_settings()
    periksa_berkas(berkas, batas_mb)
    try:
        periksa_arsip(berkas, batas)
        buku = openpyxl.load_workbook(berkas, read_only=True, data_only=True)
    except BerkasDitolak:
        raise
    except Exception as e:  # zipfile and openpyxl raise many kinds of error on a damaged file
        raise _rusak(type(e).__name__) from e
    lembar = []
    dibaca = sel = 0
    try:
        for ws in buku.worksheets:
            isi = Lembar(ws.title)
            for nomor, nilai in _baris_bernilai(ws):
                kosong = nomor - 1 - len(isi.baris)
                if nomor > batas.baris or dibaca + kosong + 1 > batas.baris:
                    raise BerkasDitolak(
                        f'Berkas ini berisi lebih dari {_angka(batas.baris)} baris (lembar "{ws.title}" berisi isian '
                        f"di baris {_angka(nomor)}). Hapus baris di bawah tabel, atau pisahkan per bidang atau per "
                        "lembar."
                    )
                if len(nilai) > batas.kolom:
                    raise BerkasDitolak(
                        f'Berkas ini berisi isian di luar batas kolom: lembar "{ws.title}", sel '
                        f"{huruf_kolom(len(nilai) - 1)}{nomor} (kolom ke-{_angka(len(nilai))}); paling banyak "
                        f"{_angka(batas.kolom)} kolom. Hapus kolom di kanan tabel lalu simpan lagi."
                    )
                sel += len(nilai)
                if sel > batas.sel:
                    raise BerkasDitolak(
                        f'Berkas ini berisi lebih dari {_angka(batas.sel)} sel (sampai lembar "{ws.title}" baris '
                        f"{_angka(nomor)}). Hapus kolom dan baris yang tidak diperlukan, atau pisahkan per bidang "
                        "atau per lembar."
                    )
                isi.baris.extend([] for _ in range(kosong))
                isi.baris.append(nilai)
                sebelum, dibaca = dibaca, dibaca + kosong + 1
                if kemajuan:
                    for ribu in range(sebelum // 1000 + 1, dibaca // 1000 + 1):
                        kemajuan(ribu * 1000)
            lembar.append(isi)
    except BerkasDitolak:
        raise
    except Exception as e:
        raise _rusak(type(e).__name__) from e
    finally:
        buku.close()
    return lembar
