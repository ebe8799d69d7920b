"""Workbooks made from the seed documents' tables, exactly as printed (tab-separated text
written cell by cell into XLSX), for the importer tests and the benchmark."""

from pathlib import Path

from openpyxl import Workbook

FOLDER_SEED = Path(__file__).parent / "seeds"  # excerpts of ../shared/seeds, see its README
SEED_EVALUASI = FOLDER_SEED / "000_8450f520366de6d4.txt"
SEED_RENSTRA = FOLDER_SEED / "002_tabel_4_1.txt"
SEED_ANGGARAN = FOLDER_SEED / "003_tabel_3_43.txt"


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


def perbaiki_matriks_renstra(baris):
    """The seed matrix as an admin fixes it after reading the importer's messages: the stray
    row holding only "0015" is removed, and the row of sub kegiatan 2.08.02.2.02.0005, which
    lost one cell ("- | - | - | 1 | 50.000.000"), gets its missing "-" back."""
    hasil = []
    for isi in baris:
        if [c for c in isi if c] == ["0015"]:
            continue
        if isi[1:5] == ["08", "02", "2,02", "0005"]:
            isi = [*isi[:8], "-", *isi[8:]]
        hasil.append(isi)
    return hasil


def baris_evaluasi_dua_bidang():
    """Seed 000 up to the third bidang (whose table is interleaved with narrative text)."""
    akhir = cari_baris(SEED_EVALUASI, "## Evaluasi Kinerja Bidang Perlindungan Perempuan")
    return baris_evaluasi_triwulan()[: akhir - 1]


def perbaiki_evaluasi(baris):
    """Seed 000 as an admin fixes it after reading the importer's messages (row numbers are the
    sheet's, which are the seed's lines)."""
    baris = [list(b) for b in baris]

    def ganti(nomor, kolom, lama, baru):
        assert baris[nomor - 1][kolom] == lama, (nomor, baris[nomor - 1])
        baris[nomor - 1][kolom] = baru

    ganti(23, 1, "1.06.04.2.0001", "1.06.04.2.01")  # a sub kegiatan code written for the kegiatan
    ganti(38, 1, "1.06.04.2.02.11.", "1.06.04.2.02.0011")  # two digits and a trailing dot
    ganti(100, 1, "1.06.06.2.01.04", "1.06.06.2.01.05")  # the same code given to two sub kegiatan
    assert baris[103][0] == "1.06.06.2.02.02"
    baris[103] = ["", *baris[103]]  # the row shifted one column to the left
    assert baris[83][4] == "Tahun"
    baris[83] = []  # an indicator without description ("Tahun", 1)
    return baris


KEGIATAN_1_06_04_2_01 = (
    "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar"
)
KEGIATAN_1_06_04_2_02 = "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya"


def baris_evaluasi_tidak_urut_kode():
    """A small evaluation workbook in the layout of seed 000 (its title, header and bidang row)
    listing its rows as an agency may, not by code: kegiatan 1.06.04.2.02 before 1.06.04.2.01 and,
    under 1.06.04.2.01, sub kegiatan 0003 before 0001; zeros written "-" and "0"."""

    def sub(no, kode, nama, *per_tw):
        return [str(no), kode, f"Sub Kegiatan : {nama}", f"Jumlah orang {nama.lower()}", "Orang", "10", *per_tw]

    return [
        *baris_evaluasi_triwulan()[:8],
        ["<b>PROGRAM REHABILITASI SOSIAL</b>"],
        ["A", "1.06.04.2.02", f"Kegiatan : {KEGIATAN_1_06_04_2_02}"],
        sub(1, "1.06.04.2.02.0014", "Kerjasama Antar Lembaga", "-", "0,00%", "5", "50,00%", "0", "0,00%", "", ""),
        ["B", "1.06.04.2.01", f"Kegiatan : {KEGIATAN_1_06_04_2_01}"],
        sub(1, "1.06.04.2.01.0003", "Penyediaan Alat Bantu", "1", "10,00%", "2", "20,00%", "-", "0,00%", "", ""),
        sub(2, "1.06.04.2.01.0001", "Penyediaan Permakanan", "3", "30,00%", "-", "0,00%", "4", "40,00%", "", ""),
    ]
