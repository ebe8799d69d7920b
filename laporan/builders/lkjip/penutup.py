"""Bab IV Penutup: the general conclusion (its figures generated, the rest written by the agency)
and the way forward. The Lampiran are in `lampiran`."""

from kinerja import rules
from renstra.kode import urut_simpul

from ..umum import penanda_kepala
from .capaian import kalimat_status, per_predikat, rata_rata_strategis
from .kalimat import terbilang
from .keuangan import total_tahun
from .pendahuluan import jumlah_simpul

REFOCUSING = "REFOCUSING"


def bab_penutup(data, naskah, tanggal):
    tahun = data.tahun
    naskah.bab("4", "Penutup", nomor="BAB IV")
    naskah.judul("Kesimpulan Umum", nomor="4.1")
    rata, uraian, pencilan = rata_rata_strategis(data, tahun)
    r = total_tahun(data, tahun)
    kalimat = f"Pengukuran kinerja {data.opd.nama} tahun {tahun} menunjukkan"
    if rata is not None:
        kategori = data.skala.cari(rata)
        kalimat += (
            f" rata-rata capaian tujuan/sasaran strategis sebesar "
            f"{rules.format_persen(rata)}{f' (kategori {kategori.label})' if kategori else ''}"
        )
    else:
        kalimat += " bahwa capaian indikator tujuan dan sasaran belum dapat dihitung"
    if r.serapan is not None:
        kalimat += f", dengan realisasi anggaran {rules.format_persen(r.serapan)}"
    naskah.paragraf(
        kalimat + ".", uraian, pencilan, kalimat_status(per_predikat(data, data.skala_tetap["status_capaian"]))
    )
    program = sorted(data.pohon.semua_program, key=urut_simpul)
    if program:
        naskah.paragraf(f"Kinerja tersebut diwujudkan melalui {terbilang(jumlah_simpul(data.pohon)[0])} program:")
        naskah.butir([p.uraian for p in program], bernomor=True)
    naskah.tulisan("kesimpulan")
    naskah.judul("Langkah Perbaikan ke Depan", nomor="4.2")
    naskah.tulisan("langkah_perbaikan")
    naskah.tambah(penanda_kepala(data.opd, tanggal))
