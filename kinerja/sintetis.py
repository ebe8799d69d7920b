"""Deterministic synthetic data for scale tests and benchmarks: an agency with a Renstra tree in
the national nomenclature of the social sector, targets for every year, budgets, and quarterly
realisations. The same seed gives the same data. Rows are written with bulk_create: no audit
history is recorded for generated data.
"""

import random
from decimal import Decimal

from renstra.models import (
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

from .models import Realisasi, RealisasiAnggaran

PROGRAM = [
    ("1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"),
    ("1.06.02", "Program Pemberdayaan Sosial"),
    ("1.06.03", "Program Penanganan Warga Negara Migran Korban Tindak Kekerasan"),
    ("1.06.04", "Program Rehabilitasi Sosial"),
    ("1.06.05", "Program Perlindungan dan Jaminan Sosial"),
    ("1.06.06", "Program Penanganan Bencana"),
    ("1.06.07", "Program Pengelolaan Taman Makam Pahlawan"),
    ("2.08.02", "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan"),
    ("2.08.03", "Program Perlindungan Perempuan"),
    ("2.08.04", "Program Peningkatan Kualitas Keluarga"),
    ("2.08.05", "Program Pengelolaan Sistem Data Gender dan Anak"),
    ("2.08.06", "Program Pemenuhan Hak Anak (PHA)"),
    ("2.08.07", "Program Perlindungan Khusus Anak"),
]
LAYANAN = [
    "Penyediaan Permakanan",
    "Penyediaan Sandang",
    "Penyediaan Alat Bantu",
    "Pemberian Pelayanan Reunifikasi Keluarga",
    "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial",
    "Pemberian Layanan Data dan Pengaduan",
    "Pemberian Layanan Kedaruratan",
    "Pemberian Pelayanan Penelusuran Keluarga",
    "Pemberian Layanan Rujukan",
    "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana",
]
SATUAN = ["Orang", "Keluarga", "Lembaga", "Dokumen", "Laporan"]


def buat_opd_sintetis(
    kode, nama, seed, tahun_awal=2025, program=6, kegiatan=3, sub_kegiatan=4, tahun_isi=None, indikator_tambahan=0
):
    """Create an agency with a Renstra of `program` × `kegiatan` × `sub_kegiatan` sub kegiatan,
    each with one indicator; targets for every year of the period, budgets, and the four
    quarters of realisation for each year in `tahun_isi` (default: the first year).
    `indikator_tambahan` gives that many sub kegiatan, in code order, a second indicator (a
    larger agency than one indicator a sub kegiatan; none by default, the data then as before)."""
    acak = random.Random(seed)
    tahun_akhir = tahun_awal + 4
    tahun_isi = tahun_isi or [tahun_awal]
    opd = PerangkatDaerah.objects.create(kode=kode, nama=nama, singkatan=kode, kota="Kota Contoh")
    renstra = Renstra.objects.create(opd=opd, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir)
    tujuan = Tujuan.objects.create(renstra=renstra, kode="1", uraian="Meningkatnya kesejahteraan sosial masyarakat")
    sasaran = Sasaran.objects.create(tujuan=tujuan, kode="1.1", uraian="Meningkatnya penanganan PPKS")
    indikator = [
        Indikator(
            renstra=renstra, tujuan=tujuan, sasaran=sasaran, urutan=1, iku=True, satuan="%",
            uraian="Persentase PPKS yang tertangani", cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE,
        ),
    ]  # fmt: skip

    daftar_program = Program.objects.bulk_create(
        Program(renstra=renstra, sasaran=sasaran, kode=k, uraian=u) for k, u in _ambil(PROGRAM, program)
    )
    daftar_kegiatan = Kegiatan.objects.bulk_create(
        Kegiatan(program=p, kode=f"{p.kode}.2.{n:02d}", uraian=f"Kegiatan {n} {p.uraian.removeprefix('Program ')}")
        for p in daftar_program
        for n in range(1, kegiatan + 1)
    )
    daftar_sub = SubKegiatan.objects.bulk_create(
        SubKegiatan(
            kegiatan=k,
            kode=f"{k.kode}.{n:04d}",
            uraian=LAYANAN[(n - 1) % len(LAYANAN)],
            refocusing=acak.random() < 0.02,
        )
        for k in daftar_kegiatan
        for n in range(1, sub_kegiatan + 1)
    )
    for p in daftar_program:
        indikator.append(
            Indikator(renstra=renstra, program=p, uraian=f"Persentase capaian {p.uraian}", satuan="%",
                      cara_tahunan=Indikator.CaraTahunan.AKHIR_PERIODE)
        )  # fmt: skip
    indikator += [indikator_sub_kegiatan(s, f"Jumlah penerima {s.uraian.lower()}", acak) for s in daftar_sub]
    indikator += [
        indikator_sub_kegiatan(s, f"Jumlah lembaga pelaksana {s.uraian.lower()}", acak)
        for s in daftar_sub[:indikator_tambahan]
    ]
    indikator = Indikator.objects.bulk_create(indikator)

    target, realisasi = [], []
    for i in indikator:
        persen = i.satuan == "%"
        dasar = Decimal(acak.choice([90, 95, 98, 100])) if persen else Decimal(acak.randint(5, 500))
        for tahun in range(tahun_awal, tahun_akhir + 1):
            target.append(Target(indikator=i, tahun=tahun, nilai=dasar))
        for tahun in tahun_isi:
            for tw in range(1, 5):
                if persen:
                    nilai = min(Decimal(100), (dasar * Decimal(acak.uniform(0.7, 1.1))).quantize(Decimal("0.01")))
                else:
                    nilai = Decimal(acak.randint(0, int(dasar) // 2))
                realisasi.append(Realisasi(indikator=i, tahun=tahun, triwulan=tw, nilai=nilai))
    Target.objects.bulk_create(target, batch_size=1000)
    Realisasi.objects.bulk_create(realisasi, batch_size=1000)

    apbd = SumberDana.objects.get_or_create(nama="APBD Kabupaten")[0]
    pagu, anggaran = [], []
    for s in daftar_sub:
        for tahun in range(tahun_awal, tahun_akhir + 1):
            indikatif = acak.randint(10, 900) * 1_000_000
            pagu.append(Pagu(sub_kegiatan=s, tahun=tahun, sumber_dana=apbd, indikatif=indikatif, induk=indikatif))
            if tahun in tahun_isi:
                anggaran.extend(
                    RealisasiAnggaran(
                        sub_kegiatan=s, tahun=tahun, triwulan=tw, nilai=indikatif // 4 * acak.randint(5, 10) // 10
                    )
                    for tw in range(1, 5)
                )  # fmt: skip
    Pagu.objects.bulk_create(pagu, batch_size=1000)
    RealisasiAnggaran.objects.bulk_create(anggaran, batch_size=1000)
    return opd


def indikator_sub_kegiatan(sub, uraian, acak, satuan=SATUAN):
    """A count of a sub kegiatan summed over the quarters, one in twenty of them negative."""
    negatif = acak.random() < 0.05
    return Indikator(
        renstra=sub.kegiatan.program.renstra,
        sub_kegiatan=sub,
        uraian=uraian,
        satuan=acak.choice(satuan),
        arah=Indikator.Arah.NEGATIF if negatif else Indikator.Arah.POSITIF,
        cara_tahunan=Indikator.CaraTahunan.KUMULATIF,
    )


def _ambil(daftar, jumlah):
    """`jumlah` items cycling through `daftar`, with distinct codes past its end."""
    hasil = []
    for n in range(jumlah):
        kode, uraian = daftar[n % len(daftar)]
        putaran = n // len(daftar)
        if putaran:
            urusan, bidang, nomor = kode.split(".")
            kode = f"{urusan}.{bidang}.{int(nomor) + 10 * putaran:02d}"
        hasil.append((kode, uraian))
    return hasil
