"""Importers of the agencies' hierarchical workbooks, one module per format, and the pipeline
they share: read → parse and validate → preview → (confirm) write, in one transaction.

`jalankan(format, berkas, opd=…, tahun=…, simpan=False)` gives the preview: what would be
created, updated and left alone, and every problem with its sheet, row and column. With
`simpan=True` the same is written, all of it or nothing: nothing is written while a single
error remains, and a file imported twice changes nothing the second time.
"""

from contextlib import nullcontext
from pathlib import PurePath

from django.conf import settings
from django.db import DatabaseError, transaction

from kinerja.audit import catat, catat_setelah_commit, nama_pengguna
from kinerja.models.jejak import Versi
from kinerja.sinyal import kabarkan_perubahan
from kinerja.versi import kunci_pelaporan_tahun

from . import evaluasi_triwulan, isian_triwulan, matriks_renstra, realisasi_anggaran, renstra_lengkap
from . import keputusan as keputusan_jumlah
from .buku import baca_buku
from .catatan import simpan_catatan
from .hasil import DIBUAT, DIUBAH, TETAP, BerkasDitolak, Hasil, Masalah
from .templat import buat_templat

FORMAT = {
    matriks_renstra.FORMAT: matriks_renstra,
    evaluasi_triwulan.FORMAT: evaluasi_triwulan,
    realisasi_anggaran.FORMAT: realisasi_anggaran,
    isian_triwulan.FORMAT: isian_triwulan,
    renstra_lengkap.FORMAT: renstra_lengkap,
}
PILIHAN_FORMAT = [(kode, modul.JUDUL) for kode, modul in FORMAT.items()]

__all__ = ["FORMAT", "PILIHAN_FORMAT", "BerkasDitolak", "Hasil", "Masalah", "jalankan", "templat", "tutup_akun"]


def templat(format, tahun):
    """The downloadable template of `format` as XLSX bytes, `tahun` the first year shown: the
    format's own `templat(tahun)` when it has one, else the shared layout of templat.py."""
    modul = FORMAT[format]
    if hasattr(modul, "templat"):
        return modul.templat(tahun)
    return buat_templat(format, modul.JUDUL, tahun)


def tutup_akun(hasil, lembar_daftar, judul):
    """Close the account of rows once a format has read the workbook: the rows of a sheet the
    format did not use are set aside as such, and an import that would write nothing from any
    row (no data row read, or every row ignored) is refused, saying so; a file of which nothing
    is taken must not look like "no change"."""
    for lembar in lembar_daftar:
        nomor_daftar = hasil.dibaca.get(lembar.nama, [])
        dipakai = any(
            (lembar.nama, n) in hasil.alasan_abaikan or (lembar.nama, n) in hasil.objek_baris for n in nomor_daftar
        ) or any(m.lembar == lembar.nama for m in hasil.masalah)
        if not dipakai:
            for n in nomor_daftar:
                hasil.abaikan(lembar.nama, n, f"Lembar ini tidak memuat tabel {judul}.")
    if hasil.sah and not hasil.ada_baris_data() and not any(hasil.total(j) for j in (DIBUAT, DIUBAH, TETAP)):
        n = hasil.baris_dibaca
        hasil.tambah(
            f"Tidak ada satu pun baris data yang dapat diimpor: {n} baris dibaca, semuanya diabaikan "
            "(alasannya di daftar baris yang tidak diimpor). Periksa bentuk tabel dan kepala kolomnya."
            if n
            else "Berkas ini tidak berisi satu pun baris data."
        )


def jalankan(
    format,
    berkas,
    *,
    opd,
    tahun,
    user=None,
    simpan=False,
    kemajuan=None,
    nama=None,
    versi_pratinjau=None,
    setelah_tulis=None,
    impor=None,
    keputusan=None,
):
    """Import `berkas` (a path or a binary file) for `opd` and `tahun`; see the module's doc.

    A format whose workbook carries its agency and period (`TAHUN_DARI_BERKAS`: renstra) takes
    `tahun=None`, and an unsaved `PerangkatDaerah(kode=…)` for an agency the file creates (an
    empty code: the one its sheet names).

    `kemajuan(tahap, n)` hears how far it got: ("membaca", rows read), ("memeriksa", nodes done).
    `nama` is the file's name for the audit log (the uploaded name; by default the path's).
    `versi_pratinjau`: the versions of the quarter's rows that the preview of this file saw
    (`Hasil.versi`); a write finding one of the rows it changes at another version refuses the
    whole file, since someone saved that row after the admin read the preview (kinerja/versi.py).
    `setelah_tulis(hasil)` runs inside the write's transaction once everything is written: what
    must be recorded together with the rows, or not at all (the upload's status).
    The warnings of a write are kept as data notes (kinerja.importers.catatan), of the upload
    `impor` when there is one.
    `keputusan`: the answers to the preview's questions, the printed totals that disagree with
    the sum of their parts (kinerja.importers.keputusan): {Masalah.kunci_keputusan: "rincian" |
    "total"}, or one of these for all. Given (the page's job and the command give it always), a
    write with a question left unanswered writes nothing and says which rows; None (a caller of
    the API, the demo) writes and keeps those notes open, as any warning.
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
        hasil = _jalankan(
            format,
            berkas,
            opd=opd,
            tahun=tahun,
            user=user,
            simpan=simpan,
            kemajuan=kemajuan,
            versi_pratinjau=versi_pratinjau,
            setelah_tulis=setelah_tulis,
            berkas_nama=kolom["berkas"],
            impor=impor,
            keputusan=keputusan,
        )
    except Exception as e:
        catat("impor.gagal", **kolom, baris=None, galat=None, kesalahan=type(e).__name__)
        raise
    kolom |= {"baris": hasil.baris, "galat": len(hasil.galat), "peringatan": len(hasil.peringatan)}
    if not hasil.sah or (simpan and not hasil.disimpan):
        catat("impor.gagal", **kolom)
    else:
        catat_setelah_commit("impor.berhasil", **kolom, dibuat=hasil.total(DIBUAT), diubah=hasil.total(DIUBAH))
    return hasil


def _jalankan(
    format,
    berkas,
    *,
    opd,
    tahun,
    user,
    simpan,
    kemajuan,
    versi_pratinjau,
    setelah_tulis,
    berkas_nama,
    impor,
    keputusan=None,
):
    """Read, check and (with `simpan`) write. Only the write is a transaction: a preview reads, and
    on SQLite a transaction is a write lock (settings: IMMEDIATE) that a preview must not hold.
    A format writing quarter rows first locks every submission of the year, as every other
    writer of a quarter does (kinerja/versi.py), and checks the quarters' status under it."""
    modul = FORMAT[format]
    hasil = Hasil(format=format, versi_pratinjau=versi_pratinjau)
    lapor = kemajuan or (lambda tahap, n: None)
    try:
        lembar = baca_buku(berkas, settings.KINERJA_UKURAN_IMPOR_MB, kemajuan=lambda n: lapor("membaca", n))
    except BerkasDitolak as e:
        hasil.tambah(e.pesan)
        return hasil
    hasil.catat_dibaca(lembar)
    lapor("memeriksa", 0)
    try:
        with transaction.atomic() if simpan else nullcontext():
            # a format that brings several years (renstra_lengkap) locks the years it writes itself
            if (
                simpan
                and not getattr(modul, "KUNCI_SENDIRI", False)
                and any(issubclass(m, Versi) for m in modul.URUTAN_TULIS)
            ):
                kunci_pelaporan_tahun(opd, tahun, user)
            penyelaras = modul.impor(
                lembar, opd=opd, tahun=tahun, user=user, hasil=hasil, kemajuan=lambda n: lapor("memeriksa", n)
            )
            tutup_akun(hasil, lembar, modul.JUDUL)
            if simpan and keputusan is not None and hasil.sah:
                belum = keputusan_jumlah.belum_dijawab(hasil, keputusan)
                if belum:
                    hasil.tambah(keputusan_jumlah.pesan_belum_dijawab(belum))
                hasil.keputusan = keputusan_jumlah.jawaban(hasil, keputusan)
            if simpan and penyelaras is not None and hasil.sah:
                lapor("menyimpan", 0)
                penyelaras.tulis(modul.URUTAN_TULIS)
                simpan_catatan(
                    hasil,
                    penyelaras,
                    opd=getattr(hasil, "opd_baru", None) or opd,
                    tahun=tahun,
                    user=user,
                    berkas=berkas_nama,
                    impor=impor,
                    keputusan=hasil.keputusan,
                )
                hasil.disimpan = True
                if opd.pk and tahun:  # the reports of the agency's year print ahead once it is quiet
                    kabarkan_perubahan(opd.pk, tahun)
                if setelah_tulis is not None:
                    setelah_tulis(hasil)
    except DatabaseError as e:
        hasil.disimpan = False
        hasil.tambah(f"Database menolak impor ini, tidak ada yang disimpan: {e}")
    return hasil
