"""Running an upload through the importer for the web page: checking (preview) and writing,
in a background thread so that a long file does not hold the request, with its progress in
the cache for the page to poll.

`KINERJA_IMPOR_LATAR = False` runs both inline (tests, and servers that must not start
threads). The file stays under MEDIA_ROOT/impor/ so that writing reads exactly what was checked.
"""

import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from kinerja.models import Impor

from . import jalankan
from .hasil import Hasil

log = logging.getLogger(__name__)
_TAHAP = {"membaca": "Membaca berkas", "memeriksa": "Memeriksa baris", "menyimpan": "Menyimpan"}


def _kunci(impor_id):
    return f"kinerja:impor:{impor_id}"


def kemajuan(impor):
    """What a running import is doing: {"tahap": label, "n": rows or nodes}, or None."""
    return cache.get(_kunci(impor.pk))


def periksa(impor):
    """Check the upload (the preview); runs in the background unless configured otherwise."""
    _mulai(impor, simpan=False)


def simpan(impor):
    """Write a checked upload that has no error."""
    if impor.status != Impor.Status.SIAP:
        raise ValueError("Hanya impor yang siap (tanpa galat) yang dapat disimpan.")
    _mulai(impor, simpan=True)


def _mulai(impor, simpan):
    impor.status = Impor.Status.MENYIMPAN if simpan else Impor.Status.MEMERIKSA
    impor.save(update_fields=["status", "diubah_pada"])
    cache.set(_kunci(impor.pk), {"tahap": _TAHAP["membaca"], "n": 0}, 3600)
    if getattr(settings, "KINERJA_IMPOR_LATAR", True):
        transaction.on_commit(lambda: threading.Thread(target=_latar, args=(impor.pk, simpan), daemon=True).start())
    else:
        _jalankan(impor.pk, simpan)


def _latar(impor_id, simpan):
    close_old_connections()
    try:
        _jalankan(impor_id, simpan)
    finally:
        connection.close()


def _jalankan(impor_id, simpan):
    impor = Impor.objects.select_related("opd", "dibuat_oleh").get(pk=impor_id)

    def lapor(tahap, n):
        cache.set(_kunci(impor_id), {"tahap": _TAHAP.get(tahap, tahap), "n": n}, 3600)

    try:
        with impor.berkas.open("rb") as berkas:
            hasil = jalankan(
                impor.format,
                berkas,
                opd=impor.opd,
                tahun=impor.tahun,
                user=impor.dibuat_oleh,
                simpan=simpan,
                kemajuan=lapor,
                nama=impor.nama_asli,
            )
    except Exception:
        log.exception("Impor %s gagal", impor_id)
        hasil = Hasil(format=impor.format)
        hasil.tambah("Terjadi kesalahan tak terduga saat mengimpor; tidak ada yang disimpan. Laporkan ke pengelola.")
        impor.status = Impor.Status.GAGAL
    else:
        if hasil.disimpan:
            impor.status = Impor.Status.SELESAI
            impor.disimpan_pada = timezone.now()
        else:
            impor.status = Impor.Status.SIAP if hasil.sah else Impor.Status.GALAT
    impor.hasil = hasil.sebagai_dict()
    impor.save(update_fields=["status", "hasil", "disimpan_pada", "diubah_pada"])
    cache.delete(_kunci(impor_id))
