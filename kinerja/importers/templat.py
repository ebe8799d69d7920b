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


def _contoh_renstra(tahun):
    """The sheets of the renstra template, each a header row and example rows: an agency of
    the nomenclature before 2021 (no codes, kegiatan with budgets from two sources, yearly
    indicators) whose last year brings the new nomenclature (codes, Berlaku Mulai, Pendahulu)."""
    akhir = tahun + 4
    s1 = "Meningkatnya penanganan Penyandang Masalah Kesejahteraan Sosial (PMKS)"
    s2 = "Meningkatnya perlindungan perempuan dan anak dari tindak kekerasan"
    p1 = "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial"
    k1 = "Pelayanan dan Perlindungan Sosial Lanjut Usia"
    i1 = "Persentase PMKS yang tertangani"
    i2 = "Rasio kekerasan terhadap perempuan dan anak"
    i3 = "Jumlah lanjut usia terlantar yang dilayani"
    return {
        "Perangkat Daerah": [
            ["Isian", "Nilai"],
            ["Kode perangkat daerah", "DINSOS-PPPA-CONTOH"],
            ["Nama perangkat daerah", "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Contoh"],
            ["Singkatan", "DINSOS PPPA"],
            ["Alamat", "Jl. Merdeka No. 1"],
            ["Kota tempat penandatanganan", "Sukamaju"],
            ["Jabatan kepala daerah", "Bupati Contoh"],
            ["Nama kepala daerah", "H. Ahmad Fulan, S.H."],
            ["Jabatan kepala", "Kepala Dinas"],
            ["Nama kepala", "Dra. Siti Aminah, M.Si."],
            ["NIP kepala", "196805121990032004"],
            ["Pangkat/golongan kepala", "Pembina Utama Muda / IV.c"],
            ["Pelaporan per bidang", "Tidak"],
            ["Tahun awal Renstra", tahun],
            ["Tahun akhir Renstra", akhir],
            ["Nomor dokumen penetapan", ""],
            ["Visi", ""],
            ["Misi", ""],
        ],
        "Bidang": [
            ["Kode", "Nama Bidang", "Jabatan Kepala", "Nama Kepala", "NIP Kepala", "Pangkat/Golongan Kepala"],
            ["", "Bidang Sosial", "Kepala Bidang", "Budi Santoso, S.Sos.", "197501012000031001", "Pembina / IV.a"],
            ["", "Bidang Perlindungan Perempuan dan Anak", "Kepala Bidang", "Rina Wati, S.E.", "", ""],
        ],
        "Tujuan dan Sasaran": [
            ["Tingkat", "Kode", "Uraian", "Strategi", "Arah Kebijakan", "Tujuan"],
            ["Tujuan", "1", "Meningkatnya kesejahteraan sosial masyarakat", "", "", ""],
            ["Sasaran", "1.1", s1, "Memperluas jangkauan pelayanan sosial", "Pelayanan sosial dasar bagi PMKS", ""],
            ["Tujuan", "", "Meningkatnya kesetaraan gender dan perlindungan anak", "", "", ""],
            ["Sasaran", "", s2, "Penguatan layanan pengaduan", "Perlindungan perempuan dan anak", ""],
        ],
        "Program dan Kegiatan": [
            ["Tingkat", "Kode", "Uraian", "Induk", "Sasaran", "Bidang", "Berlaku Mulai", "Berlaku Sampai", "Pendahulu"],
            ["Program", "", p1, "", s1, "Bidang Sosial", "", akhir - 1, ""],
            ["Kegiatan", "", k1, "", "", "", "", akhir - 1, ""],
            ["Program", "1.06.04", "Program Rehabilitasi Sosial", "", s1, "Bidang Sosial", akhir, "", p1],
            [
                "Kegiatan",
                "1.06.04.2.01",
                "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia "
                "Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
                "",
                "",
                "",
                akhir,
                "",
                "",
            ],
            ["Sub Kegiatan", "1.06.04.2.01.0001", "Penyediaan Permakanan", "", "", "", akhir, "", ""],
        ],
        "Indikator": [
            [
                "Tingkat",
                "Pemilik",
                "Indikator",
                "Satuan",
                "Arah",
                "Nilai Tahunan",
                "Frekuensi",
                "Rumusan",
                "Pembilang",
                "Penyebut",
                "Pengali",
                "Sumber Data",
                "Kondisi Awal",
                "IKU",
                "IKK",
                "SPM",
                "Skala Tingkatan",
                "Penanggung Jawab",
            ],
            [
                "Sasaran",
                "1.1",
                i1,
                "%",
                "Positif",
                "Akhir periode",
                "Tahunan",
                "Jumlah PMKS tertangani / Jumlah PMKS × 100%",
                "",
                "",
                "",
                "SIKS-NG",
                "60,50",
                "Ya",
                "",
                "",
                "",
                "",
            ],
            [
                "Tujuan dan Sasaran",
                s2,
                i2,
                "per 10.000 penduduk",
                "Negatif",
                "Akhir periode",
                "Tahunan",
                "",
                "",
                "",
                "10000",
                "Simfoni PPA",
                "3,50",
                "Ya",
                "",
                "",
                "",
                "",
            ],
            [
                "Kegiatan",
                k1,
                i3,
                "Orang",
                "Positif",
                "Kumulatif",
                "Triwulanan",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Bidang Sosial",
            ],
        ],
        "Target": [
            ["Indikator", "Pemilik", "Tahun", "Jenis", "Target"],
            *[[i1, "", t, "Renstra", 62 + 2 * n] for n, t in enumerate(range(tahun, akhir + 1))],
            [i1, "", tahun, "PK", 62],
            [i2, "", tahun, "Renstra", "3,20 – 3,40"],
            [i3, "", tahun, "Renstra", 300],
        ],
        "Realisasi": [
            ["Indikator", "Pemilik", "Tahun", "Triwulan", "Realisasi", "Pembilang", "Penyebut", "Keterangan"],
            [i1, "", tahun, "", "61,20", "", "", "Nilai setahun (Triwulan kosong)"],
            [i2, "", tahun, "", "3,35", "", "", ""],
            [i3, "", tahun, "I", 70, "", "", ""],
            [i3, "", tahun, "II", 80, "", "", ""],
        ],
        "Pagu": [
            [
                "Tingkat",
                "Kegiatan/Sub Kegiatan",
                "Tahun",
                "Sumber Dana",
                "Pagu Indikatif",
                "Anggaran Induk",
                "Anggaran Perubahan",
                "Realisasi",
                "Jenis Belanja",
            ],
            ["Kegiatan", k1, tahun, "APBD", "", 150000000, 145000000, 140250000, "Langsung"],
            ["Kegiatan", k1, tahun, "DAK", "", 60000000, 60000000, 58000000, "Langsung"],
            ["Sub Kegiatan", "1.06.04.2.01.0001", akhir, "APBD", 200000000, "", "", "", "Langsung"],
        ],
    }


_PETUNJUK_RENSTRA = [
    "Satu buku kerja untuk seluruh Renstra satu perangkat daerah. Setiap lembar mempunyai satu baris kepala "
    "(baris 1); nama lembar dan kepala kolom seperti pada templat ini. Lembar yang tidak diperlukan boleh dihapus.",
    "Perangkat Daerah: satu isian per baris (Isian | Nilai). Perangkat daerah dibuat bila kodenya belum ada. "
    "Tahun awal dan akhir Renstra menentukan periodenya: 1 sampai 6 tahun (mis. 2016–2021).",
    "Bidang: satu baris per bidang dengan kepala bidangnya (nama, NIP, pangkat/golongan).",
    "Tujuan dan Sasaran: Tingkat Tujuan atau Sasaran. Sasaran berada di bawah tujuan di atasnya, atau tulis "
    "tujuannya di kolom Tujuan. Kode boleh kosong (dokumen sebelum 2021 tidak mencantumkannya): baris disimpan "
    'sebagai "tanpa kode" dan dapat diberi kode kemudian.',
    "Program dan Kegiatan: Tingkat Program, Kegiatan atau Sub Kegiatan; kegiatan berada di bawah program di "
    "atasnya (atau tulis induknya di kolom Induk). Kode yang diisi diperiksa bentuknya (1.06.02, 1.06.02.2.03, "
    "1.06.02.2.03.0001). Berlaku Mulai/Sampai: tahun-tahun nomenklatur itu berlaku; Pendahulu: program atau "
    "kegiatan nomenklatur lama yang digantikannya. Sasaran: sasaran yang dilayani program.",
    "Baris dirujuk dengan kodenya bila ada, selain itu dengan uraiannya persis seperti di lembarnya.",
    "Indikator: Tingkat (Tujuan, Sasaran, Tujuan dan Sasaran untuk indikator yang dipakai keduanya, Program, "
    "Kegiatan, Sub Kegiatan) dan Pemilik (kode atau uraian). Arah Positif/Negatif; Nilai Tahunan Kumulatif, "
    "Akhir periode atau Rata-rata; Frekuensi Triwulanan atau Tahunan; IKU/IKK/SPM diisi Ya.",
    "Target: satu baris per indikator, tahun dan jenis (Renstra, PK, PK Perubahan). Target berupa angka "
    "(34.000 atau 88,23), rentang (3,20 – 3,40) atau nama tingkatan skala indikatornya.",
    "Realisasi: Triwulan 1–4 atau I–IV; kosongkan untuk nilai setahun (indikator tahunan), yang disimpan "
    "bersama triwulan penutup tahun dan ditampilkan sebagai realisasi tahunan.",
    "Pagu: satu baris per kegiatan/sub kegiatan, tahun dan sumber dana; beberapa sumber dana untuk satu "
    "mata anggaran ditulis pada beberapa baris. Kegiatan nomenklatur lama tanpa sub kegiatan menyimpan pagunya "
    "sendiri; kegiatan yang mempunyai sub kegiatan dijumlah dari sub kegiatannya. Realisasi adalah realisasi "
    "setahun dan dijumlah per kegiatan/sub kegiatan.",
    "Impor yang sama dua kali tidak mengubah apa pun. Baris yang sudah ada dicocokkan dengan kode atau uraiannya; "
    "tidak ada baris yang dihapus oleh impor.",
]


def _templat_renstra(judul, tahun):
    buku = Workbook()
    buku.remove(buku.active)
    for nama, baris in _contoh_renstra(tahun).items():
        ws = buku.create_sheet(nama)
        for b in baris:
            ws.append(b)
        for sel in ws[1]:
            sel.font = _TEBAL
            sel.fill = _KEPALA
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for i in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(i)].width = 40 if i <= 3 else 18
        for baris in ws.iter_rows(min_row=2):
            for sel in baris:
                if isinstance(sel.value, int) and sel.value >= 1000000:
                    sel.number_format = _RUPIAH
        ws.freeze_panes = "A2"
    petunjuk = buku.create_sheet("Petunjuk")
    petunjuk.append([f"Petunjuk pengisian: {judul}"])
    petunjuk["A1"].font = _TEBAL
    petunjuk.append(["Baris contoh menunjukkan setiap bentuk isian; hapus atau ganti dengan data Anda."])
    for teks in _PETUNJUK_RENSTRA:
        petunjuk.append([teks])
    petunjuk.column_dimensions["A"].width = 120
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def buat_templat(format, judul, tahun):
    """The template of `format` as XLSX bytes; `tahun` is the first year shown."""
    if format == "renstra":
        return _templat_renstra(judul, tahun)
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
