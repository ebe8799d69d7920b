"""The perangkat daerah of a synthetic kabupaten, for the dashboards' scale tests and benchmark
(`python manage.py demo --sintetis 40 --seed 1`): each agency with its own urusan and programs in
the national nomenclature (Permendagri 90/2019), a Renstra 2025–2029 with tujuan, sasaran,
programs, kegiatan and sub kegiatan, one indicator per node, targets for every year, budgets,
quarterly realisations of 2025 and 2026, and the submissions of those quarters in every state a
reviewer meets (verified, submitted, returned with a note, late, not yet submitted).

The same seed gives the same region. Agencies differ in size, in how well they perform and how
much of their budget they spend, so that the dashboards' quadrants are all populated. Rows are
written with bulk_create: no audit history is recorded for generated data."""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction

from renstra.models import (
    Bidang,
    Indikator,
    Kegiatan,
    Pagu,
    PerangkatDaerah,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    SumberDana,
    Target,
    Tujuan,
)

from .models import Pelaporan, Realisasi, RealisasiAnggaran
from .periode import batas_waktu
from .sintetis import indikator_sub_kegiatan

WILAYAH = "Kabupaten Contoh"
AWALAN = "CTH"
TAHUN_AWAL = 2025

# (name, short code, bidang urusan, [(program number, program)]); every agency also has its
# Program Penunjang Urusan Pemerintahan Daerah (number 01).
PERANGKAT_DAERAH = [
    (
        "Dinas Pendidikan",
        "DISDIK",
        "1.01",
        [
            (2, "Program Pengelolaan Pendidikan"),
            (3, "Program Pengembangan Kurikulum"),
            (4, "Program Pendidik dan Tenaga Kependidikan"),
        ],
    ),
    (
        "Dinas Kesehatan",
        "DINKES",
        "1.02",
        [
            (2, "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
            (3, "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan"),
            (4, "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman"),
            (5, "Program Pemberdayaan Masyarakat Bidang Kesehatan"),
        ],
    ),
    (
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "DPUPR",
        "1.03",
        [
            (2, "Program Pengelolaan Sumber Daya Air"),
            (3, "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum"),
            (10, "Program Penyelenggaraan Jalan"),
            (18, "Program Penyelenggaraan Penataan Ruang"),
        ],
    ),
    (
        "Dinas Perumahan dan Kawasan Permukiman",
        "DPKP",
        "1.04",
        [
            (2, "Program Pengembangan Perumahan"),
            (3, "Program Kawasan Permukiman"),
            (4, "Program Perumahan dan Kawasan Permukiman Kumuh"),
        ],
    ),
    (
        "Satuan Polisi Pamong Praja",
        "SATPOLPP",
        "1.05",
        [
            (2, "Program Peningkatan Ketenteraman dan Ketertiban Umum"),
            (4, "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran"),
        ],
    ),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "1.05", [(3, "Program Penanggulangan Bencana")]),
    (
        "Dinas Sosial",
        "DINSOS",
        "1.06",
        [
            (2, "Program Pemberdayaan Sosial"),
            (4, "Program Rehabilitasi Sosial"),
            (5, "Program Perlindungan dan Jaminan Sosial"),
            (6, "Program Penanganan Bencana"),
        ],
    ),
    (
        "Dinas Tenaga Kerja",
        "DISNAKER",
        "2.07",
        [
            (2, "Program Perencanaan Tenaga Kerja"),
            (3, "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja"),
            (4, "Program Penempatan Tenaga Kerja"),
            (5, "Program Hubungan Industrial"),
        ],
    ),
    (
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "DP3A",
        "2.08",
        [
            (2, "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"),
            (3, "Program Perlindungan Perempuan"),
            (6, "Program Pemenuhan Hak Anak (PHA)"),
            (7, "Program Perlindungan Khusus Anak"),
        ],
    ),
    (
        "Dinas Ketahanan Pangan",
        "DKP",
        "2.09",
        [
            (2, "Program Pengelolaan Sumber Daya Ekonomi untuk Kedaulatan dan Kemandirian Pangan"),
            (3, "Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat"),
            (5, "Program Pengawasan Keamanan Pangan"),
        ],
    ),
    (
        "Dinas Lingkungan Hidup",
        "DLH",
        "2.11",
        [
            (2, "Program Perencanaan Lingkungan Hidup"),
            (3, "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup"),
            (10, "Program Pengelolaan Persampahan"),
        ],
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "DISDUKCAPIL",
        "2.12",
        [
            (2, "Program Pendaftaran Penduduk"),
            (3, "Program Pencatatan Sipil"),
            (4, "Program Pengelolaan Informasi Administrasi Kependudukan"),
        ],
    ),
    (
        "Dinas Pemberdayaan Masyarakat dan Desa",
        "DPMD",
        "2.13",
        [
            (2, "Program Penataan Desa"),
            (4, "Program Administrasi Pemerintahan Desa"),
            (5, "Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat"),
        ],
    ),
    (
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "DPPKB",
        "2.14",
        [
            (2, "Program Pengendalian Penduduk"),
            (3, "Program Pembinaan Keluarga Berencana (KB)"),
            (4, "Program Pemberdayaan dan Peningkatan Keluarga Sejahtera (KS)"),
        ],
    ),
    (
        "Dinas Perhubungan",
        "DISHUB",
        "2.15",
        [(2, "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)"), (4, "Program Pengelolaan Pelayaran")],
    ),
    (
        "Dinas Komunikasi dan Informatika",
        "DISKOMINFO",
        "2.16",
        [(2, "Program Informasi dan Komunikasi Publik"), (3, "Program Aplikasi Informatika")],
    ),
    (
        "Dinas Koperasi dan Usaha Mikro",
        "DISKOP",
        "2.17",
        [
            (5, "Program Pengawasan dan Pemeriksaan Koperasi"),
            (7, "Program Pemberdayaan dan Perlindungan Koperasi"),
            (9, "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"),
        ],
    ),
    (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "2.18",
        [(2, "Program Pengembangan Iklim Penanaman Modal"), (4, "Program Pelayanan Penanaman Modal")],
    ),
    (
        "Dinas Kepemudaan dan Olahraga",
        "DISPORA",
        "2.19",
        [
            (2, "Program Pengembangan Kapasitas Daya Saing Kepemudaan"),
            (3, "Program Pengembangan Kapasitas Daya Saing Keolahragaan"),
        ],
    ),
    (
        "Dinas Perpustakaan dan Kearsipan",
        "DISPUSIP",
        "2.23",
        [(2, "Program Pembinaan Perpustakaan"), (3, "Program Pelestarian Koleksi Nasional dan Naskah Kuno")],
    ),
    (
        "Dinas Perikanan",
        "DISKAN",
        "3.25",
        [
            (3, "Program Pengelolaan Perikanan Tangkap"),
            (4, "Program Pengelolaan Perikanan Budidaya"),
            (6, "Program Pengolahan dan Pemasaran Hasil Perikanan"),
        ],
    ),
    (
        "Dinas Pariwisata",
        "DISPAR",
        "3.26",
        [
            (2, "Program Peningkatan Daya Tarik Destinasi Pariwisata"),
            (3, "Program Pemasaran Pariwisata"),
            (4, "Program Pengembangan Ekonomi Kreatif"),
        ],
    ),
    (
        "Dinas Pertanian",
        "DISTAN",
        "3.27",
        [
            (2, "Program Penyediaan dan Pengembangan Sarana Pertanian"),
            (3, "Program Penyediaan dan Pengembangan Prasarana Pertanian"),
            (4, "Program Pengendalian Kesehatan Hewan dan Kesehatan Masyarakat Veteriner"),
            (7, "Program Penyuluhan Pertanian"),
        ],
    ),
    (
        "Dinas Perdagangan dan Perindustrian",
        "DISPERINDAG",
        "3.30",
        [
            (2, "Program Perizinan dan Pendaftaran Perusahaan"),
            (3, "Program Peningkatan Sarana Distribusi Perdagangan"),
            (6, "Program Pengembangan Ekspor"),
        ],
    ),
    (
        "Sekretariat Daerah",
        "SETDA",
        "4.01",
        [(2, "Program Pemerintahan dan Kesejahteraan Rakyat"), (3, "Program Perekonomian dan Pembangunan")],
    ),
    ("Sekretariat DPRD", "SETWAN", "4.02", [(2, "Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD")]),
    (
        "Badan Perencanaan Pembangunan Daerah",
        "BAPPEDA",
        "5.01",
        [
            (2, "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"),
            (3, "Program Koordinasi dan Sinergi Perencanaan Pembangunan Daerah"),
        ],
    ),
    (
        "Badan Keuangan Daerah",
        "BKD",
        "5.02",
        [
            (2, "Program Pengelolaan Keuangan Daerah"),
            (3, "Program Pengelolaan Barang Milik Daerah"),
            (4, "Program Pengelolaan Pendapatan Daerah"),
        ],
    ),
    (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        "5.03",
        [(2, "Program Kepegawaian Daerah"), (3, "Program Pengembangan Sumber Daya Manusia")],
    ),
    (
        "Inspektorat Daerah",
        "INSPEKTORAT",
        "6.01",
        [(2, "Program Penyelenggaraan Pengawasan"), (3, "Program Perumusan Kebijakan, Pendampingan dan Asistensi")],
    ),
    (
        "Badan Kesatuan Bangsa dan Politik",
        "KESBANGPOL",
        "8.01",
        [
            (2, "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan"),
            (5, "Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial, dan Budaya"),
        ],
    ),
]

KECAMATAN = ["Sukamaju", "Sukajadi", "Mekarsari", "Tanjungsari", "Sindangrasa", "Karangmulya", "Cibeureum",
             "Pasirjaya", "Bojongsari", "Margahayu", "Sumbersari", "Rawamerta"]  # fmt: skip
PROGRAM_KECAMATAN = [
    (2, "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
    (3, "Program Pemberdayaan Masyarakat Desa dan Kelurahan"),
    (4, "Program Koordinasi Ketentraman dan Ketertiban Umum"),
]
PENUNJANG = (1, "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
KEGIATAN_PENUNJANG = [
    "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "Administrasi Keuangan Perangkat Daerah",
    "Administrasi Umum Perangkat Daerah",
    "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
]
KATA_KEGIATAN = ["Pelaksanaan", "Pengembangan", "Pembinaan", "Penyelenggaraan", "Penguatan"]
KATA_SUB = ["Koordinasi dan Sinkronisasi", "Fasilitasi", "Pengadaan Sarana", "Sosialisasi", "Pendataan",
            "Monitoring dan Evaluasi", "Peningkatan Kapasitas", "Pendampingan"]  # fmt: skip
SATUAN = ["Dokumen", "Orang", "Kegiatan", "Laporan", "Unit", "Lembaga", "Desa"]
NAMA = ["Ahmad Fauzi", "Sri Wahyuni", "Budi Santoso", "Dewi Lestari", "Hendra Gunawan", "Rina Marlina",
        "Agus Salim", "Nurhayati", "Yusuf Hidayat", "Siti Rahmah", "Dedi Kurniawan", "Lina Herlina"]  # fmt: skip
CATATAN_KEMBALI = [
    "Realisasi indikator sub kegiatan belum dilengkapi data dukung; lampirkan laporan kegiatan.",
    "Nilai triwulan ini lebih kecil dari triwulan lalu pada indikator kumulatif; periksa kembali.",
    "Permasalahan dan tindak lanjut belum diisi untuk indikator yang capaiannya di bawah 50%.",
]


def _topik(program):
    return program.removeprefix("Program ").strip()


# Past one regency's agencies the synthetic region goes on with further regencies of the same
# agencies ("Kabupaten Contoh 2", codes CTH2-…), for a province's scale in `make bench`.
MAKS_KABUPATEN = 20


def _daftar_satu_kabupaten():
    """One regency's agencies: the dinas and badan first, then kecamatan."""
    daftar = [(nama, singkat, urusan, program) for nama, singkat, urusan, program in PERANGKAT_DAERAH]
    for kec in KECAMATAN:
        daftar.append((f"Kecamatan {kec}", f"KEC-{kec.upper()}", "7.01", PROGRAM_KECAMATAN))
    return daftar


def kabupaten(ke):
    """(name, code prefix) of the `ke`-th synthetic regency, from 1: Kabupaten Contoh, CTH; then
    Kabupaten Contoh 2, CTH2, …"""
    return (WILAYAH, AWALAN) if ke == 1 else (f"{WILAYAH} {ke}", f"{AWALAN}{ke}")


def _daftar_perangkat_daerah(jumlah):
    """`jumlah` agencies as (name, code, urusan, programs, regency): each regency's in turn."""
    satu = _daftar_satu_kabupaten()
    if jumlah > len(satu) * MAKS_KABUPATEN:
        raise ValueError(f"Paling banyak {len(satu) * MAKS_KABUPATEN} perangkat daerah sintetis.")
    return [(*opd, urutan // len(satu) + 1) for urutan, opd in enumerate(satu * MAKS_KABUPATEN)][:jumlah]


class _Wilayah:
    """Builds the rows of every agency in memory, then writes them in bulk."""

    def __init__(self, seed, tahun_isi, triwulan_terakhir):
        self.acak = random.Random(seed)
        self.tahun_isi = tahun_isi
        self.triwulan_terakhir = triwulan_terakhir
        self.apbd = SumberDana.objects.get_or_create(nama="APBD Kabupaten")[0]

    def opd(self, urutan, nama, singkat, urusan, program, ke=1):
        acak = self.acak
        nama_kabupaten, awalan = kabupaten(ke)
        opd = PerangkatDaerah.objects.create(
            kode=f"{awalan}-{singkat}",
            nama=f"{nama} {nama_kabupaten}",
            singkatan=singkat.title() if singkat.startswith("KEC-") else singkat,
            kota="Kota Contoh",
            kepala_jabatan="Camat" if nama.startswith("Kecamatan") else "Kepala",
            kepala_nama=acak.choice(NAMA),
            kepala_nip=f"19{acak.randint(65, 89)}{acak.randint(1, 12):02d}{acak.randint(1, 28):02d} "
            f"199{acak.randint(0, 9)}03 1 00{acak.randint(1, 9)}",
            kepala_pangkat="Pembina Tingkat I / IV.b",
        )
        bidang = Bidang.objects.bulk_create(
            Bidang(opd=opd, nama=n, urutan=i)
            for i, n in enumerate(["Sekretariat", "Bidang Program", "Bidang Pelayanan"])
        )
        renstra = Renstra.objects.create(opd=opd, tahun_awal=TAHUN_AWAL, tahun_akhir=TAHUN_AWAL + 4)
        utama = _topik(program[0][1])
        tujuan = Tujuan.objects.create(renstra=renstra, kode="1", uraian=f"Meningkatnya kualitas {utama.lower()}")
        sasaran = Sasaran.objects.bulk_create(
            Sasaran(tujuan=tujuan, kode=f"1.{n}", uraian=f"Meningkatnya capaian {_topik(p).lower()}")
            for n, (_, p) in enumerate(program[:2], start=1)
        )
        # How this agency does: its share of the target reached, and of the budget spent.
        kinerja = acak.choice([0.55, 0.7, 0.85, 0.95, 1.0, 1.05, 1.1])
        serapan = acak.choice([0.55, 0.75, 0.9, 1.0, 1.1, 1.2])
        persen = {"satuan": "%", "cara_tahunan": Indikator.CaraTahunan.AKHIR_PERIODE, "renstra": renstra}
        indikator = [
            Indikator(tujuan=tujuan, iku=True, uraian=f"Indeks kepuasan layanan {utama.lower()}", **persen),
            *(
                Indikator(sasaran=s, iku=True, uraian=f"Persentase {s.uraian.removeprefix('Meningkatnya ')}", **persen)
                for s in sasaran
            ),
        ]
        semua_program = [PENUNJANG, *program]
        daftar_program = Program.objects.bulk_create(
            Program(
                renstra=renstra,
                kode=f"{urusan}.{nomor:02d}",
                uraian=uraian,
                sasaran=sasaran[min(i, len(sasaran)) - 1] if i else sasaran[0],
                bidang=bidang[0] if nomor == 1 else bidang[1 + i % 2],
            )
            for i, (nomor, uraian) in enumerate(semua_program)
        )
        daftar_kegiatan = []
        for p in daftar_program:
            nama_kegiatan = (
                KEGIATAN_PENUNJANG[: acak.randint(2, 4)]
                if p.kode.endswith(".01")
                else [f"{acak.choice(KATA_KEGIATAN)} {_topik(p.uraian)}" for _ in range(acak.randint(2, 4))]
            )
            daftar_kegiatan += [
                Kegiatan(program=p, kode=f"{p.kode}.2.{n:02d}", uraian=u) for n, u in enumerate(nama_kegiatan, start=1)
            ]
        daftar_kegiatan = Kegiatan.objects.bulk_create(daftar_kegiatan)
        daftar_sub = SubKegiatan.objects.bulk_create(
            SubKegiatan(
                kegiatan=k,
                kode=f"{k.kode}.{n:04d}",
                uraian=f"{kata} {k.uraian.split(' ', 1)[1] if ' ' in k.uraian else k.uraian}",
                refocusing=acak.random() < 0.02,
            )
            for k in daftar_kegiatan
            for n, kata in enumerate(acak.sample(KATA_SUB, acak.randint(2, 5)), start=1)
        )
        indikator += [
            Indikator(program=p, uraian=f"Persentase capaian {_topik(p.uraian).lower()}", **persen)
            for p in daftar_program
        ]
        indikator += [
            Indikator(kegiatan=k, uraian=f"Persentase terlaksananya {k.uraian.lower()}", **persen)
            for k in daftar_kegiatan
        ]
        indikator += [
            indikator_sub_kegiatan(s, f"Jumlah {acak.choice(SATUAN).lower()} {s.uraian.lower()}", acak, SATUAN)
            for s in daftar_sub
        ]
        indikator = Indikator.objects.bulk_create(indikator)
        # Programs of one agency differ too, so that its own capaian–serapan chart spreads.
        ragam = {p.pk: (acak.uniform(0.8, 1.15), acak.uniform(0.75, 1.2)) for p in daftar_program}
        self.angka(indikator, kinerja, {pk: k for pk, (k, _) in ragam.items()})
        self.anggaran(daftar_sub, serapan, {pk: s for pk, (_, s) in ragam.items()})
        self.pelaporan(opd, urutan)
        return opd

    def angka(self, indikator, kinerja, ragam):
        """Targets for every year; realisations of the years filled, around `kinerja` of the target
        (times the program's factor in `ragam`)."""
        acak = self.acak
        target, realisasi = [], []
        for i in indikator:
            program = _program(i)
            tingkat = kinerja * (ragam[program.pk] if program else 1)
            persen = i.satuan == "%"
            dasar = Decimal(acak.choice([80, 85, 90, 95, 100])) if persen else Decimal(acak.randint(4, 400))
            for tahun in range(TAHUN_AWAL, TAHUN_AWAL + 5):
                target.append(Target(indikator=i, tahun=tahun, nilai=dasar))
            for tahun in self.tahun_isi:
                for tw in range(1, self._triwulan_isi(tahun) + 1):
                    faktor = Decimal(str(tingkat * acak.uniform(0.85, 1.12)))
                    if persen:
                        nilai = min(
                            Decimal(100), (dasar * faktor * Decimal(0.7 + 0.075 * tw)).quantize(Decimal("0.01"))
                        )
                    else:
                        nilai = (dasar * faktor / 4).quantize(Decimal(1))
                    realisasi.append(Realisasi(indikator=i, tahun=tahun, triwulan=tw, nilai=nilai))
        Target.objects.bulk_create(target, batch_size=2000)
        Realisasi.objects.bulk_create(realisasi, batch_size=2000)

    def anggaran(self, daftar_sub, serapan, ragam):
        """Budgets for every year; spending of the quarters filled, about `serapan` of the budget
        (times the program's factor in `ragam`)."""
        acak = self.acak
        pagu, belanja = [], []
        bagian = {1: 0.15, 2: 0.25, 3: 0.3, 4: 0.3}
        for s in daftar_sub:
            tingkat = serapan * ragam[s.kegiatan.program.pk]
            for tahun in range(TAHUN_AWAL, TAHUN_AWAL + 5):
                induk = acak.randint(10, 600) * 1_000_000
                perubahan = induk + acak.choice([0, 0, 0, -5, 10]) * 1_000_000 if tahun in self.tahun_isi else None
                perubahan = perubahan if perubahan and perubahan > 0 else None
                pagu.append(
                    Pagu(
                        sub_kegiatan=s,
                        tahun=tahun,
                        sumber_dana=self.apbd,
                        indikatif=induk,
                        induk=induk,
                        perubahan=perubahan,
                    )
                )
                if tahun in self.tahun_isi and not s.refocusing:
                    berlaku = perubahan or induk
                    sisa = berlaku  # spending never passes the budget
                    for tw in range(1, self._triwulan_isi(tahun) + 1):
                        nilai = min(sisa, int(berlaku * tingkat * bagian[tw] * acak.uniform(0.8, 1.15)))
                        sisa -= nilai
                        belanja.append(RealisasiAnggaran(sub_kegiatan=s, tahun=tahun, triwulan=tw, nilai=nilai))
        Pagu.objects.bulk_create(pagu, batch_size=2000)
        RealisasiAnggaran.objects.bulk_create(belanja, batch_size=2000)

    def _triwulan_isi(self, tahun):
        return 4 if tahun < max(self.tahun_isi) else self.triwulan_terakhir

    def pelaporan(self, opd, urutan):
        """Every quarter filled has its submission: verified for the past, and for the last one
        of the region the states a reviewer meets."""
        acak = self.acak
        baris = []
        for tahun in self.tahun_isi:
            terakhir = self._triwulan_isi(tahun)
            for tw in range(1, terakhir + 1):
                batas = batas_waktu(tahun, tw)
                if tahun == max(self.tahun_isi) and tw == terakhir:
                    status = [
                        Pelaporan.Status.DIVERIFIKASI,
                        Pelaporan.Status.DIAJUKAN,
                        Pelaporan.Status.DIKEMBALIKAN,
                        Pelaporan.Status.DRAFT,
                    ][urutan % 4 if urutan % 5 else 1]
                else:
                    status = Pelaporan.Status.DIVERIFIKASI
                terlambat = status != Pelaporan.Status.DRAFT and acak.random() < 0.15
                p = Pelaporan(opd=opd, tahun=tahun, triwulan=tw, status=status, terlambat=terlambat)
                if status != Pelaporan.Status.DRAFT:
                    p.diajukan_pada = batas + timedelta(days=acak.randint(1, 6) if terlambat else -acak.randint(1, 10))
                if status == Pelaporan.Status.DIVERIFIKASI:
                    p.diverifikasi_pada = p.diajukan_pada + timedelta(days=acak.randint(2, 12))
                if status == Pelaporan.Status.DIKEMBALIKAN:
                    p.catatan = acak.choice(CATATAN_KEMBALI)
                baris.append(p)
        Pelaporan.objects.bulk_create(baris)


def _program(indikator):
    """The program an indicator belongs to (None above the programs)."""
    if indikator.sub_kegiatan:
        return indikator.sub_kegiatan.kegiatan.program
    if indikator.kegiatan:
        return indikator.kegiatan.program
    return indikator.program


@transaction.atomic
def buat_wilayah_sintetis(jumlah, seed, tahun_isi=(2025, 2026), triwulan_terakhir=3):
    """Create `jumlah` agencies of the synthetic region (those already there are skipped).
    Return (created, skipped)."""
    wilayah = _Wilayah(seed, list(tahun_isi), triwulan_terakhir)
    dibuat, dilewati = [], []
    ada = set(PerangkatDaerah.objects.values_list("kode", flat=True))
    for urutan, (nama, singkat, urusan, program, ke) in enumerate(_daftar_perangkat_daerah(jumlah)):
        kode = f"{kabupaten(ke)[1]}-{singkat}"
        if kode in ada:
            dilewati.append(kode)
            continue
        dibuat.append(wilayah.opd(urutan, nama, singkat, urusan, program, ke))
    return dibuat, dilewati
