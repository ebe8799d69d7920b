"""Importers of the agencies' hierarchical workbooks, one module per format, and the pipeline
they share: read → parse and validate → preview → (confirm) write, in one transaction.

`jalankan(format, berkas, opd=…, tahun=…, simpan=False)` gives the preview: what would be
created, updated and left alone, and every problem with its sheet, row and column. With
`simpan=True` the same is written, all of it or nothing: nothing is written while a single
error remains, and a file imported twice changes nothing the second time.
"""

from pathlib import PurePath

from django.conf import settings
from django.db import DatabaseError, transaction

from kinerja.audit import catat, catat_setelah_commit, nama_pengguna

from . import evaluasi_triwulan, matriks_renstra, realisasi_anggaran
from .buku import baca_buku
from .hasil import DIBUAT, DIUBAH, BerkasDitolak, Hasil, Masalah

FORMAT = {
    matriks_renstra.FORMAT: matriks_renstra,
    evaluasi_triwulan.FORMAT: evaluasi_triwulan,
    realisasi_anggaran.FORMAT: realisasi_anggaran,
}
PILIHAN_FORMAT = [(kode, modul.JUDUL) for kode, modul in FORMAT.items()]

__all__ = ["FORMAT", "PILIHAN_FORMAT", "BerkasDitolak", "Hasil", "Masalah", "jalankan"]


def jalankan(format, berkas, *, opd, tahun, user=None, simpan=False, kemajuan=None, nama=None):
    """Import `berkas` (a path or a binary file) for `opd` and `tahun`; see the module's doc.

    `kemajuan(tahap, n)` hears how far it got: ("membaca", rows read), ("memeriksa", nodes done).
    `nama` is the file's name for the audit log (the uploaded name; by default the path's).
    """
    kolom = {
        "format": format,
        "berkas": nama or PurePath(str(getattr(berkas, "name", berkas))).name,
        "opd": opd.kode,
        "tahun": tahun,
        "tahap": "simpan" if simpan else "periksa",
        "pengguna": nama_pengguna(user),
    }
    catat("impor.dimulai", **kolom)
    try:
        hasil = _jalankan(format, berkas, opd=opd, tahun=tahun, user=user, simpan=simpan, kemajuan=kemajuan)
    except Exception as e:
        catat("impor.gagal", **kolom, baris=None, galat=None, kesalahan=type(e).__name__)
        raise
    kolom |= {"baris": hasil.baris, "galat": len(hasil.galat), "peringatan": len(hasil.peringatan)}
    if not hasil.sah or (simpan and not hasil.disimpan):
        catat("impor.gagal", **kolom)
    else:
        catat_setelah_commit("impor.berhasil", **kolom, dibuat=hasil.total(DIBUAT), diubah=hasil.total(DIUBAH))
    return hasil


def _jalankan(format, berkas, *, opd, tahun, user, simpan, kemajuan):
    modul = FORMAT[format]
    hasil = Hasil(format=format)
    lapor = kemajuan or (lambda tahap, n: None)
    try:
        lembar = baca_buku(berkas, settings.KINERJA_UKURAN_IMPOR_MB, kemajuan=lambda n: lapor("membaca", n))
    except BerkasDitolak as e:
        hasil.tambah(e.pesan)
        return hasil
    lapor("memeriksa", 0)
    try:
        with transaction.atomic():
            penyelaras = modul.impor(
                lembar, opd=opd, tahun=tahun, user=user, hasil=hasil, kemajuan=lambda n: lapor("memeriksa", n)
            )
            if simpan and penyelaras is not None and hasil.sah:
                lapor("menyimpan", 0)
                penyelaras.tulis(modul.URUTAN_TULIS)
                hasil.disimpan = True
    except DatabaseError as e:
        hasil.disimpan = False
        hasil.tambah(f"Database menolak impor ini, tidak ada yang disimpan: {e}")
    return hasil
