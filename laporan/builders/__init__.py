"""The reports Kinerja produces: one builder module per report, each turning the database into
a `laporan.dokumen.Laporan`. Every builder has the same signature:
`build_x(opd, tahun, triwulan=None, bidang=None, tanggal=None)`."""

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class JenisLaporan:
    kode: str
    judul: str
    uraian: str
    modul: str
    per_triwulan: bool = False
    per_bidang: bool = False
    per_semester: bool = False  # also up to semester I (TW II, named so): the LKE's half-year evidence
    bernarasi: bool = False  # has sections written by the agency, edited on its page

    @property
    def build(self):
        modul = import_module(f"laporan.builders.{self.modul}")
        return getattr(modul, f"build_{self.modul}")


DAFTAR = [
    JenisLaporan(
        "evaluasi-triwulan",
        "Evaluasi Kinerja Triwulan",
        "Form 1 realisasi dan persen per triwulan; form 2 rencana aksi, permasalahan dan tindak lanjut.",
        "evaluasi_triwulan",
        per_triwulan=True,
        per_bidang=True,
        per_semester=True,
    ),
    JenisLaporan(
        "evaluasi-renja",
        "Evaluasi Hasil Renja",
        "Permendagri 86/2017: kinerja (K) dan anggaran (Rp) per triwulan, capaian terhadap Renja dan Renstra, "
        "predikat, unit penanggung jawab.",
        "evaluasi_renja",
        per_triwulan=True,
        per_bidang=True,
        per_semester=True,
    ),
    JenisLaporan(
        "matriks-renstra",
        "Matriks Renstra",
        "Tujuan, sasaran, program, kegiatan, sub kegiatan, indikator, kondisi awal, target dan pagu per tahun, "
        "kondisi akhir, penanggung jawab.",
        "matriks_renstra",
        per_bidang=True,
    ),
    JenisLaporan(
        "perjanjian-kinerja",
        "Perjanjian Kinerja",
        "Sasaran, indikator dan target tahun itu, anggaran program, tanda tangan kedua pihak.",
        "perjanjian_kinerja",
        per_bidang=True,
    ),
    JenisLaporan(
        "pohon-kinerja",
        "Pohon Kinerja",
        "Cascading tujuan, sasaran, program, kegiatan dan sub kegiatan dengan indikator dan targetnya.",
        "pohon_kinerja",
        per_bidang=True,
    ),
    JenisLaporan(
        "berita-acara",
        "Berita Acara Evaluasi Renja Triwulan",
        "Catatan Bappeda atas evaluasi triwulan: verifikasi, ringkasan Evaluasi Renja (indikator per predikat, "
        "rata-rata capaian, serapan), temuan, rekomendasi dan tindak lanjutnya, tanda tangan kedua pihak.",
        "berita_acara",
        per_triwulan=True,
    ),
    JenisLaporan(
        "manual-iku",
        "Manual Indikator Kinerja Utama",
        "Per IKU Renstra: definisi operasional, rumus dengan pembilang dan penyebut, satuan, arah, nilai tahunan "
        "dari triwulan, sumber data, frekuensi, penanggung jawab dan target per tahun.",
        "manual_iku",
    ),
    JenisLaporan(
        "lkjip",
        "LKjIP",
        "Laporan Kinerja Instansi Pemerintah tahunan (PermenPAN-RB 53/2014): tabel dan kalimat dari data, narasi "
        "ditulis perangkat daerah, daftar masalah data.",
        "lkjip",
        bernarasi=True,
    ),
    JenisLaporan(
        "laporan-kinerja-semester",
        "Laporan Kinerja Semester I",
        "Kinerja paruh tahun (TW I–II): capaian indikator sasaran terhadap target tahun, realisasi anggaran, "
        "permasalahan dan tindak lanjut isian triwulan, tanda tangan kepala.",
        "semester",
    ),
]
LAPORAN = {j.kode: j for j in DAFTAR}
