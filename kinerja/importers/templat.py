"""Empty workbooks to fill in, one per format: the header rows the importer looks for, an example
row per level taken from the seeds, and a sheet of instructions."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

_TEBAL = Font(bold=True)
_KEPALA = PatternFill("solid", fgColor="DDE7F0")
_RUPIAH = "#,##0"


def _matriks_renstra(ws, tahun):
    daftar = list(range(tahun, tahun + 5))
    kepala1 = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "Kondisi Awal"]
    for t in daftar:
        kepala1 += [str(t), None]
    kepala1 += ["Kondisi Akhir", None, "Penanggung Jawab"]
    kepala2 = [None] * 5 + ["Target", "Rp"] * (len(daftar) + 1) + [None]
    # Seed 002 (Batu Bara), Tabel 4.1, numbers as printed.
    contoh = [
        [
            "1.06.02",
            "PROGRAM PEMBERDAYAAN SOSIAL",
            "Jumlah Potensi Sumber Kesejahteraan Sosial (PSKS) yang mengikuti program pemberdayaan",
            "orang",
            None,
            1030,
            None,
            14,
            None,
            132,
            None,
            132,
            None,
            132,
            None,
            1440,
            None,
            None,
        ],
        [
            "1.06.02.2.03",
            "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota",
            "Jumlah PSKS yang mengikuti program pemberdayaan",
            "orang",
            None,
            1030,
            None,
            14,
            None,
            122,
            None,
            122,
            None,
            122,
            None,
            1410,
            None,
            None,
        ],
        [
            "1.06.02.2.03.0004",
            "Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan Masyarakat "
            "Kewenangan Kabupaten/Kota",
            "Jumlah Lembaga Kesejahteraan Sosial yang Meningkatkan Kapasitasnya Kewenangan Kabupaten/Kota",
            "Lembaga",
            None,
            1,
            50000000,
            2,
            153040000,
            100,
            190000000,
            100,
            190000000,
            100,
            190000000,
            303,
            773040000,
            None,
        ],
    ]
    gabung = [(1, 6 + 2 * i, 1, 7 + 2 * i) for i in range(len(daftar) + 1)]
    kolom_rp = {7 + 2 * i for i in range(len(daftar) + 1)}
    return [kepala1, kepala2], contoh, gabung, kolom_rp, [18, 60, 60, 12, 12] + [10, 16] * (len(daftar) + 1) + [30]


def _evaluasi_triwulan(ws, tahun):
    ws.append(["EVALUASI KINERJA BIDANG REHABILITASI DAN PEMBERDAYAAN SOSIAL"])
    ws.append([f"TAHUN {tahun}"])
    ws.append([])
    kepala1 = ["No", "Kodrek", "Program/Kegiatan", "Indikator", "Satuan", "Target"]
    for tw in ("TW I", "TW II", "TW III", "TW IV"):
        kepala1 += [tw, None]
    kepala2 = [None] * 6 + ["Realisasi", "%"] * 4
    # Seed 000 (Purwakarta), numbers as printed.
    contoh = [
        ["Bidang Rehabilitasi dan Pemberdayaan Sosial"],
        ["PROGRAM REHABILITASI SOSIAL"],
        [
            "B",
            "1.06.04.2.01",
            "Kegiatan : Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, "
            "Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
        ],
        [
            "1",
            "1.06.04.2.01.0001",
            "Sub Kegiatan : Penyediaan Permakanaan",
            "Jumlah orang yang mendapatkan pemenuhan "
            "kebutuhan permakanaan sesuai dengan standar Gizi minimal kewenangan kabupaten/kota",
            "Orang",
            40,
            58,
            "145,00%",
            97,
            "242,50%",
            80,
            "200,00%",
            40,
            "100,00%",
        ],
    ]
    gabung = [(4, 7 + 2 * i, 4, 8 + 2 * i) for i in range(4)]
    return [kepala1, kepala2], contoh, gabung, set(), [6, 20, 60, 60, 10, 10] + [12, 10] * 4


def _realisasi_anggaran(ws, tahun):
    ws.append([f"Realisasi Anggaran Tahun {tahun}"])
    ws.append([])
    kepala1 = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Anggaran Induk", "Anggaran Perubahan", "Realisasi", "%"]
    # Seed 003 (Belitung), Tabel 3.43, year 2024, numbers as printed.
    contoh = [
        ["X.XX.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"],
        ["X.XX.01.2.01", "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"],
        ["X.XX.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 2995000, 2995000, 2746000, "91,69"],
    ]
    return [kepala1], contoh, [], {3, 4, 5}, [20, 70, 18, 18, 18, 8]


_BENTUK = {
    "matriks-renstra": _matriks_renstra,
    "evaluasi-triwulan": _evaluasi_triwulan,
    "realisasi-anggaran": _realisasi_anggaran,
}

_PETUNJUK = {
    "matriks-renstra": [
        "Satu baris untuk setiap program, kegiatan dan sub kegiatan. Tingkatnya dibaca dari kode: 1.06.02 program, "
        "1.06.02.2.03 kegiatan, 1.06.02.2.03.0004 sub kegiatan. Kode boleh juga dipecah ke beberapa kolom "
        "(1 | 06 | 02 | 2,03 | 0004) seperti matriks Renstra cetak.",
        "Baris tanpa kode dan uraian tetapi berisi indikator menambah indikator kedua pada baris di atasnya.",
        "Target per tahun berupa angka (34.000 atau 88,23), rentang (80 – 85) atau nama tingkatan; - berarti kosong.",
        "Pagu (Rp) hanya disimpan untuk sub kegiatan; pagu program dan kegiatan diperiksa sebagai jumlah.",
        "Kondisi akhir diperiksa terhadap target tahunan (jumlah untuk indikator hitungan, tahun terakhir "
        "untuk persen).",
        "Tulis REFOCUSING pada baris sub kegiatan yang dipotong anggarannya.",
    ],
    "evaluasi-triwulan": [
        "Satu tabel per bidang; nama bidang pada judul (EVALUASI KINERJA BIDANG …) atau pada baris Bidang ….",
        "Baris PROGRAM … tanpa kode; kode program diambil dari kegiatannya. Kegiatan berkode 1.06.04.2.01, "
        "sub kegiatan 1.06.04.2.01.0001.",
        "Realisasi per triwulan: - berarti 0 (tidak ada capaian), sel kosong berarti belum dilaporkan.",
        "Kolom % diperiksa terhadap perhitungan aplikasi dan tidak diimpor.",
        "Triwulan yang sudah diajukan atau diverifikasi tidak dapat diubah lewat impor.",
    ],
    "realisasi-anggaran": [
        "Baris dicocokkan dengan Renstra menurut kode, atau menurut nama bila kolom Kode kosong.",
        "Kolom Realisasi berisi realisasi setahun (disimpan sebagai triwulan IV bila belum ada realisasi triwulan). "
        "Untuk realisasi per triwulan, ganti kolom Realisasi dengan empat kolom Realisasi TW I … Realisasi TW IV.",
        "Baris program, kegiatan dan jumlah diperiksa sebagai jumlah sub kegiatannya dan tidak disimpan.",
    ],
}


def buat_templat(format, judul, tahun):
    """The template of `format` as XLSX bytes; `tahun` is the first year shown."""
    buku = Workbook()
    ws = buku.active
    ws.title = judul[:31]
    kepala, contoh, gabung, kolom_rp, lebar = _BENTUK[format](ws, tahun)
    baris_awal = ws.max_row + 1 if ws.max_row > 1 else 1
    for baris in [*kepala, *contoh]:
        ws.append(baris)
    for r in range(baris_awal, baris_awal + len(kepala)):
        for sel in ws[r]:
            sel.font = _TEBAL
            sel.fill = _KEPALA
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r1, c1, r2, c2 in gabung:
        ws.merge_cells(start_row=baris_awal + r1 - 1, start_column=c1, end_row=baris_awal + r2 - 1, end_column=c2)
    for baris in ws.iter_rows(min_row=baris_awal + len(kepala)):
        for sel in baris:
            if sel.column in kolom_rp and isinstance(sel.value, int):
                sel.number_format = _RUPIAH
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=baris_awal + len(kepala), column=3)
    petunjuk = buku.create_sheet("Petunjuk")
    petunjuk.append([f"Petunjuk pengisian: {judul}"])
    petunjuk["A1"].font = _TEBAL
    petunjuk.append(["Baris contoh diambil dari dokumen nyata; hapus atau ganti dengan data Anda."])
    for teks in _PETUNJUK[format]:
        petunjuk.append([teks])
    petunjuk.column_dimensions["A"].width = 120
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
