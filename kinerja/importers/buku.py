"""Reading a workbook: the checks a file must pass before anything in it is looked at, and its
rows as plain values (openpyxl's read-only mode: fast, little memory, no merged-cell
information, so merged header cells are read as a label followed by empty cells)."""

import zipfile
from dataclasses import dataclass, field

from .hasil import BerkasDitolak

MAKS_BARIS = 100_000
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # Excel 97–2003 (.xls)


@dataclass
class Lembar:
    nama: str
    baris: list = field(default_factory=list)  # rows of cell values; row n of the sheet is baris[n - 1]


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


def baca_buku(berkas, batas_mb, kemajuan=None):
    """The sheets of an XLSX file (a path or a binary file object) as `Lembar`s.

    `kemajuan(n)` is told the number of rows read so far, every 1.000 rows.
    """
    import openpyxl  # imported here: only imports need it, and it takes a while to load

    if isinstance(berkas, str | bytes) or hasattr(berkas, "__fspath__"):
        with open(berkas, "rb") as f:
            return baca_buku(f, batas_mb, kemajuan)
    periksa_berkas(berkas, batas_mb)
    try:
        buku = openpyxl.load_workbook(berkas, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as e:
        raise BerkasDitolak(f"Berkas XLSX rusak atau tidak dapat dibaca ({type(e).__name__}).") from e
    except Exception as e:  # openpyxl raises its own and lxml's errors on a damaged file
        raise BerkasDitolak(f"Berkas XLSX rusak atau tidak dapat dibaca ({type(e).__name__}).") from e
    lembar = []
    dibaca = 0
    try:
        for ws in buku.worksheets:
            isi = Lembar(ws.title)
            for baris in ws.iter_rows(values_only=True):
                baris = list(baris)
                while baris and baris[-1] in (None, ""):
                    baris.pop()
                isi.baris.append(baris)
                dibaca += 1
                if dibaca > MAKS_BARIS:
                    raise BerkasDitolak(f"Berkas berisi lebih dari {MAKS_BARIS:,} baris.".replace(",", "."))
                if kemajuan and dibaca % 1000 == 0:
                    kemajuan(dibaca)
            while isi.baris and not isi.baris[-1]:
                isi.baris.pop()
            lembar.append(isi)
    except BerkasDitolak:
        raise
    except Exception as e:
        raise BerkasDitolak(f"Berkas XLSX rusak atau tidak dapat dibaca ({type(e).__name__}).") from e
    finally:
        buku.close()
    return lembar
