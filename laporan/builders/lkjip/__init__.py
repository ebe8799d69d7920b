"""LKjIP: the yearly performance report of an agency (Laporan Kinerja Instansi Pemerintah,
PermenPAN-RB 53/2014), structured as seed 003 and drafted from the data: every table and the
sentences that follow from the numbers are generated; the prose that only people can write is
stored per agency and year (kinerja.NarasiLaporan) and edited on the report's page. The data
problems met while building are listed with the draft (`Laporan.masalah`). The open data notes of
the report's year are numbered beside the values they concern (an indicator's target, realisation
and capaian; a program's, kegiatan's or sub kegiatan's pagu, realisation and serapan: DataLkjip.tandai,
tandai_anggaran) and listed under each table (builders.catatan_kaki); every open note is in Masalah data.

One chapter per module: pendahuluan (cover, Kata Pengantar, Ringkasan Eksekutif, Bab I),
perencanaan (Bab II), capaian and keuangan (Bab III), penutup (Bab IV), lampiran (Lampiran I–XII). Every
query is made in `data.kumpulkan`, a fixed number whatever the size of the Renstra."""

from laporan.dokumen import Laporan, Paragraf, Tabel, Tulisan

from ..catatan_kaki import CATATAN_DATA
from ..umum import catatan_pembulatan, catatan_pencilan, keterangan, nama_berkas
from .capaian import bab_akuntabilitas_kinerja
from .data import kumpulkan
from .keuangan import bab_akuntabilitas_keuangan
from .lampiran import lampiran
from .masalah import cari_masalah
from .naskah import Naskah
from .pendahuluan import bab_pendahuluan, kata_pengantar, ringkasan, sampul
from .penutup import bab_penutup
from .perencanaan import bab_perencanaan

KODE = "lkjip"
JUDUL = "Laporan Kinerja Instansi Pemerintah (LKjIP)"


def build_lkjip(opd, tahun, triwulan=None, bidang=None, tanggal=None):
    """The LKjIP of `opd` for `tahun` (a whole year: `triwulan` and `bidang` do not apply)."""
    laporan = Laporan(
        kode=KODE,
        judul=[f"{JUDUL} {opd.nama}", f"Tahun {tahun}"],
        keterangan=keterangan(opd, tahun),
        bagian=[],
        orientasi="portrait",
        nama_berkas=nama_berkas(KODE, opd, tahun),
        hanya_tabel_xlsx=True,
    )
    data = kumpulkan(opd, tahun)
    if data is None:
        laporan.bagian.append(Paragraf(f"Tidak ada Renstra yang berlaku pada tahun {tahun}."))
        return laporan
    laporan.keterangan = keterangan(opd, tahun, renstra=data.renstra)
    naskah = Naskah(data.narasi)
    kata_pengantar(data, naskah, tanggal)
    naskah.tambah(naskah.daftar_isi)
    ringkasan(data, naskah)
    bab_pendahuluan(data, naskah)
    bab_perencanaan(data, naskah)
    bab_akuntabilitas_kinerja(data, naskah)
    bab_akuntabilitas_keuangan(data, naskah)
    bab_penutup(data, naskah, tanggal)
    lampiran(data, naskah)
    laporan.bagian = [sampul(data), *naskah.bagian]
    laporan.masalah = cari_masalah(data, [b for b in naskah.bagian if isinstance(b, Tulisan)])
    laporan.catatan = _catatan(data)
    # Under each table the data notes numbered beside its values (the year's; all in Masalah data).
    tabel = [b for b in naskah.bagian if isinstance(b, Tabel)]
    for t in tabel:
        t.catatan_data = data.kaki.daftar_tabel(t)
    if any(t.catatan_data for t in tabel):
        laporan.catatan.append(CATATAN_DATA)
    return laporan


def _catatan(data):
    tahun = data.tahun
    # The capaian printed: every indicator's this year, the tujuan and sasaran's over their history.
    capaian = [
        (f"{k.indikator.uraian} ({tahun})", k.hasil)
        for k in data.kinerja_tahunan(tahun).indikator
        if not k.indikator.dipotong_refocusing
    ]
    capaian += [(f"{s.indikator.uraian} ({th})", k.hasil) for s in data.strategis for th, k in s.riwayat if th != tahun]
    return [
        f"Kategori capaian menurut {data.skala.nama}.",
        catatan_pembulatan(),
        *catatan_pencilan(capaian),
    ]
