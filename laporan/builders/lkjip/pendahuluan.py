"""The front of the LKjIP and its Bab I Pendahuluan: cover, Kata Pengantar, Ringkasan Eksekutif
(its figures generated, the rest written by the agency), tugas dan fungsi, the organisation with
its units and their heads, aspek strategis, and the report's outline (PermenPAN-RB 53/2014)."""

from kinerja import rules
from laporan.dokumen import Baris, Kepala, Kolom, Sampul, teks

from ..umum import penanda_kepala
from .capaian import kalimat_status, per_predikat
from .kalimat import daftar_kata, terbilang
from .keuangan import total_tahun

SISTEMATIKA = [
    ("Kata Pengantar", ""),
    ("Ringkasan Eksekutif", ""),
    ("BAB I Pendahuluan", "penjelasan umum organisasi, dengan penekanan pada aspek strategis organisasi serta "
     "permasalahan utama (strategic issues) yang sedang dihadapi organisasi."),
    ("BAB II Perencanaan Kinerja", "tujuan, sasaran, Indikator Kinerja Utama dan targetnya, serta Perjanjian Kinerja "
     "tahun berjalan."),
    ("BAB III Akuntabilitas Kinerja", "capaian kinerja organisasi untuk setiap sasaran strategis sesuai hasil "
     "pengukuran kinerja, dan realisasi anggaran yang digunakan untuk mewujudkannya."),
    ("BAB IV Penutup", "simpulan umum atas capaian kinerja organisasi serta langkah yang akan dilakukan untuk "
     "meningkatkan kinerjanya."),
    ("Lampiran", "Matrik Pengukuran Capaian Kinerja."),
]  # fmt: skip


def sampul(data):
    opd = data.opd
    bawah = [opd.alamat] if opd.alamat else []
    if opd.kota and opd.kota not in opd.alamat:
        bawah.append(opd.kota)
    return Sampul(
        baris=["LAPORAN KINERJA", "INSTANSI PEMERINTAH", opd.nama.upper(), f"TAHUN {data.tahun}"], bawah=bawah
    )


def kata_pengantar(data, naskah, tanggal):
    naskah.judul("Kata Pengantar", tingkat=1)
    naskah.tulisan("kata_pengantar")
    naskah.tambah(penanda_kepala(data.opd, tanggal))


def jumlah_simpul(pohon):
    """(programs, kegiatan, sub kegiatan) of a year's tree (renstra.selectors.pohon_renstra with
    the year): the nodes in force that year, with a budget or not. Every count the LKjIP states
    comes from here. The hidden row carrying an old-nomenclature kegiatan's budget
    (`mewakili_kegiatan`) is not a sub kegiatan."""
    program = pohon.semua_program
    kegiatan = [kg for p in program for kg in p.daftar_kegiatan]
    sub = [s for kg in kegiatan for s in kg.daftar_sub_kegiatan if not s.mewakili_kegiatan]
    return len(program), len(kegiatan), len(sub)


def ringkasan(data, naskah):
    tahun, renstra = data.tahun, data.renstra
    naskah.judul("Ringkasan Eksekutif", tingkat=1)
    tujuan = data.pohon.tujuan
    sasaran = [s for t in tujuan for s in t.daftar_sasaran]
    indikator_tujuan = sum(1 for s in data.strategis if s.indikator.tujuan_id)
    indikator_sasaran = sum(1 for s in data.strategis if s.sasaran is not None)
    naskah.paragraf(
        f"Renstra {data.opd.nama} tahun {renstra.periode}{f' ({renstra.nama_revisi})' if renstra.revisi else ''} "
        f"memuat {terbilang(len(tujuan))} tujuan dan {terbilang(len(sasaran))} sasaran, diukur dengan "
        f"{terbilang(indikator_tujuan)} indikator tujuan dan {terbilang(indikator_sasaran)} indikator sasaran"
        + (
            f", seluruhnya {terbilang(len(data.strategis))} indikator yang berbeda."
            if len(data.strategis) != indikator_tujuan + indikator_sasaran
            else "."
        )
    )
    program, kegiatan, sub = jumlah_simpul(data.pohon)
    r = total_tahun(data, tahun)
    sumber = sorted({nama for a in data.anggaran.values() for th, nama in a.sumber if th == tahun})
    kalimat = (
        f"Pada tahun {tahun} dilaksanakan {terbilang(program)} program, {terbilang(kegiatan)} kegiatan dan "
        f"{terbilang(sub)} sub kegiatan"
        if sub
        # The nomenclature before 2021 has no sub kegiatan.
        else f"Pada tahun {tahun} dilaksanakan {terbilang(program)} program dan {terbilang(kegiatan)} kegiatan"
    )
    if r.berlaku is not None:
        kalimat += f" dengan pagu anggaran {rules.format_rupiah(r.berlaku)}"
        if r.realisasi is not None:
            kalimat += f" dan realisasi {rules.format_rupiah(r.realisasi)} ({rules.format_persen(r.serapan)})"
        if sumber:
            kalimat += f", bersumber dari {daftar_kata(sumber)}"
    naskah.paragraf(kalimat + ".")
    naskah.paragraf(kalimat_status(per_predikat(data, data.skala_tetap["status_capaian"])))
    naskah.tulisan("ringkasan_eksekutif")


def _unit_kerja(data, naskah):
    opd = data.opd
    baris = [
        Baris(
            [
                teks("1"),
                teks(opd.kepala_jabatan or "Kepala"),
                teks(opd.kepala_nama),
                teks(opd.kepala_pangkat),
                teks(opd.kepala_nip),
            ]
        )
    ]
    for n, b in enumerate(data.bidang, start=2):
        baris.append(
            Baris([teks(str(n)), teks(b.nama), teks(b.kepala_nama), teks(b.kepala_pangkat), teks(b.kepala_nip)])
        )
    naskah.tabel(
        "unit-kerja",
        f"Unit Kerja {opd.nama}",
        [Kolom(4), Kolom(36), Kolom(22), Kolom(18), Kolom(18)],
        [[Kepala("No"), Kepala("Unit Kerja"), Kepala("Pejabat"), Kepala("Pangkat/Golongan"), Kepala("NIP")]],
        baris,
    )


def bab_pendahuluan(data, naskah):
    naskah.bab("1", "Pendahuluan", nomor="BAB I")
    naskah.judul("Tugas dan Fungsi", nomor="1.1")
    naskah.tulisan("tugas_fungsi")
    naskah.judul("Struktur Organisasi", nomor="1.2")
    naskah.paragraf(
        f"{data.opd.nama} dipimpin oleh {data.opd.kepala_jabatan or 'seorang kepala'} dan terdiri atas "
        f"{terbilang(len(data.bidang))} unit kerja:"
    )
    _unit_kerja(data, naskah)
    naskah.tulisan("struktur_organisasi")
    naskah.judul("Aspek Strategis Organisasi", nomor="1.3")
    naskah.tulisan("aspek_strategis")
    naskah.judul("Sistematika Laporan", nomor="1.4")
    naskah.paragraf(
        "Laporan Kinerja Instansi Pemerintah ini disusun dengan sistematika Peraturan Menteri Pendayagunaan "
        "Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 sebagai berikut:"
    )
    naskah.butir([f"{judul}: {isi}" if isi else judul for judul, isi in SISTEMATIKA])
