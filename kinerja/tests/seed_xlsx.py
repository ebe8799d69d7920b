"""Workbooks made from the seed documents' tables, exactly as printed (tab-separated text
written cell by cell into XLSX), for the importer tests and the benchmark."""

from pathlib import Path

from django.conf import settings
from openpyxl import Workbook

FOLDER_SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds"
SEED_EVALUASI = FOLDER_SEED / "000_8450f520366de6d4.txt"
SEED_RENSTRA = FOLDER_SEED / "002_8cbd87ef92673330.txt"


def baris_seed(berkas, dari, sampai):
    """Lines `dari`..`sampai` (1-based, inclusive) of a seed, split into cells."""
    baris = Path(berkas).read_text(encoding="utf-8").splitlines()[dari - 1 : sampai]
    return [b.split("\t") for b in baris]


def cari_baris(berkas, teks, mulai=1):
    """The 1-based number of the first line at or after `mulai` that starts with `teks`."""
    for nomor, baris in enumerate(Path(berkas).read_text(encoding="utf-8").splitlines(), start=1):
        if nomor >= mulai and baris.startswith(teks):
            return nomor
    raise LookupError(teks)


def tulis_xlsx(path, lembar):
    """Write {sheet name: rows of cells} to `path`; a cell is written as the text printed."""
    buku = Workbook()
    buku.remove(buku.active)
    for nama, baris in lembar.items():
        ws = buku.create_sheet(nama)
        for isi in baris:
            ws.append([c if c != "" else None for c in isi])
    buku.save(path)
    return path


def baris_matriks_renstra():
    """Seed 002, Bab IV Tabel 4.1: from its header to the JUMLAH row."""
    awal = cari_baris(SEED_RENSTRA, "Tabel 4.1") + 4
    akhir = cari_baris(SEED_RENSTRA, "\t\t\t\t\tJUMLAH", awal)
    return baris_seed(SEED_RENSTRA, awal, akhir)


def baris_evaluasi_triwulan():
    """Seed 000: the whole workbook, its three bidang tables with their titles and second forms."""
    teks = Path(SEED_EVALUASI).read_text(encoding="utf-8").splitlines()
    return [b.split("\t") for b in teks]
