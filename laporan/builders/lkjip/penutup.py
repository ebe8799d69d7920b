"""Bab IV Penutup: the general conclusion (its figures generated, the rest written by the agency),
the way forward, and the follow-up of the Bappeda's recommendations of the year (kinerja.TindakLanjut,
issue 22). The Lampiran are in `lampiran`."""

from django.core.exceptions import ObjectDoesNotExist

from kinerja import rules
from kinerja.periode import romawi
from laporan.dokumen import Baris, Kepala, Kolom, teks
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
    tindak_lanjut_rekomendasi(data, naskah)
    naskah.tambah(penanda_kepala(data.opd, tanggal))


def _tindak_lanjut(rekomendasi):
    """(quarter answered in, status, note) of a recommendation's follow-up, or what says there is none."""
    try:
        t = rekomendasi.tindak_lanjut
    except ObjectDoesNotExist:
        return "", "Belum ada tindak lanjut", ""
    return f"TW {romawi(t.triwulan)} {t.tahun}", t.get_status_display(), t.catatan


def tindak_lanjut_rekomendasi(data, naskah):
    """The recommendations of the Bappeda's evaluations of the year's quarters and their follow-up
    (the SAKIP evaluation's BKUR002.4); one sentence when there were none."""
    naskah.judul("Tindak Lanjut Rekomendasi Evaluasi Triwulan", nomor="4.3")
    if not data.rekomendasi:
        naskah.paragraf(f"Tidak ada rekomendasi hasil evaluasi triwulan tahun {data.tahun} dari Bappeda.")
        return
    naskah.paragraf(
        f"Rekomendasi Bappeda atas evaluasi Renja triwulan tahun {data.tahun} dan tindak lanjutnya oleh "
        f"{data.opd.nama}, sebagaimana tabel berikut."
    )
    baris = []
    for n, r in enumerate(data.rekomendasi, start=1):
        ditindaklanjuti, status, catatan = _tindak_lanjut(r)
        isi = r.isi + (f" (indikator: {r.indikator.uraian})" if r.indikator_id else "")
        sel = [str(n), romawi(r.pelaporan.triwulan), isi, status, catatan, ditindaklanjuti]
        baris.append(Baris([teks(x) for x in sel], kunci=f"rekomendasi-{r.pk}"))
    naskah.tabel(
        "tindak-lanjut-rekomendasi",
        f"Tindak Lanjut Rekomendasi Evaluasi Triwulan Tahun {data.tahun}",
        [Kolom(4), Kolom(8), Kolom(34), Kolom(13), Kolom(28), Kolom(11)],
        [
            [
                Kepala("No."),
                Kepala("Triwulan"),
                Kepala("Rekomendasi"),
                Kepala("Status"),
                Kepala("Catatan tindak lanjut"),
                Kepala("Dijawab pada"),
            ]
        ],
        baris,
    )
