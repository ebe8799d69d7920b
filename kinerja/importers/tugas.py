"""An upload through the importer as jobs (queue "impor") that a worker runs: checking it (the
preview) and, once the admin approves, writing it. The web request only enqueues; the page polls
the progress the job leaves in the cache, which the worker and the web server share.

Each job starts from the upload's status and leaves it in the next one, so a job that runs again
(its worker died; kinerja/pekerja.py) or an approval clicked twice does its work once: the
approval locks the upload and enqueues only from "siap"; the write marks the upload "selesai" in
the transaction that writes its rows. The file stays under MEDIA_ROOT/impor/, so the write reads
exactly what was checked.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from kinerja.models import Impor
from kinerja.pekerja import pesan_gagal

from . import jalankan
from .hasil import Hasil

log = logging.getLogger(__name__)
_TAHAP = {
    "antre": "Menunggu giliran",
    "membaca": "Membaca berkas",
    "memeriksa": "Memeriksa baris",
    "menyimpan": "Menyimpan",
}
S = Impor.Status


def _kunci(impor_id):
    return f"kinerja:impor:{impor_id}"


def kemajuan(impor):
    """What a running import is doing: {"tahap": label, "n": rows or nodes}, or None."""
    return cache.get(_kunci(impor.pk))


def _lapor(impor_id, tahap, n=0):
    cache.set(_kunci(impor_id), {"tahap": _TAHAP.get(tahap, tahap), "n": n}, 3600)


def periksa(impor):
    """Enqueue the check of a new upload (in the caller's transaction: no upload without its job)."""
    _antrekan(impor, S.MEMERIKSA, periksa_impor)


@transaction.atomic
def setujui(impor):
    """The admin approves a checked upload: enqueue its write, once. A second approval (a double
    click, a second tab) finds it already started, or done, and does nothing. Returns the upload
    as it is now."""
    impor = Impor.objects.select_for_update().get(pk=impor.pk)
    if impor.status == S.SIAP:
        _antrekan(impor, S.MENYIMPAN, simpan_impor)
    return impor


@transaction.atomic
def periksa_ulang(impor):
    """Check the stored file again (after a conflict with someone's save, or a failed job)."""
    impor = Impor.objects.select_for_update().get(pk=impor.pk)
    if impor.status in (S.SIAP, S.GALAT, S.GAGAL):
        _antrekan(impor, S.MEMERIKSA, periksa_impor)
    return impor


def _antrekan(impor, status, fungsi):
    impor.status = status
    impor.save(update_fields=["status", "diubah_pada"])
    _lapor(impor.pk, "antre")
    hasil = fungsi.enqueue(impor.pk)
    Impor.objects.filter(pk=impor.pk).update(tugas=hasil.id)
    impor.tugas = hasil.id


@task(queue_name="impor")
def periksa_impor(impor_id):
    _jalankan(impor_id, simpan=False)


@task(queue_name="impor")
def simpan_impor(impor_id):
    _jalankan(impor_id, simpan=True)


def _jalankan(impor_id, simpan):
    berjalan = S.MENYIMPAN if simpan else S.MEMERIKSA
    impor = Impor.objects.select_related("opd", "dibuat_oleh").get(pk=impor_id)
    if impor.status != berjalan:  # done already: this job ran again after its worker died
        return

    def tandai_selesai(hasil):  # inside the write's transaction
        _akhiri(impor, berjalan, S.SELESAI, hasil, disimpan_pada=timezone.now())

    try:
        with impor.berkas.open("rb") as berkas:
            hasil = jalankan(
                impor.format,
                berkas,
                opd=impor.opd,
                tahun=impor.tahun,
                user=impor.dibuat_oleh,
                simpan=simpan,
                kemajuan=lambda tahap, n: _lapor(impor_id, tahap, n),
                nama=impor.nama_asli,
                versi_pratinjau=(impor.hasil or {}).get("versi") if simpan else None,
                setelah_tulis=tandai_selesai,
            )
    except Exception:
        log.exception("Impor %s gagal", impor_id)
        hasil = Hasil(format=impor.format)
        hasil.tambah("Terjadi kesalahan tak terduga saat mengimpor; tidak ada yang disimpan. Laporkan ke pengelola.")
        _akhiri(impor, berjalan, S.GAGAL, hasil)
        raise
    finally:
        cache.delete(_kunci(impor_id))
    if not hasil.disimpan:
        _akhiri(impor, berjalan, S.SIAP if hasil.sah and not simpan else S.GALAT, hasil)


def _akhiri(impor, dari, ke, hasil, **lain):
    """Move the upload from `dari` to `ke` with what the job found, unless something else moved
    it meanwhile."""
    Impor.objects.filter(pk=impor.pk, status=dari).update(
        status=ke, hasil=hasil.sebagai_dict(), diubah_pada=timezone.now(), **lain
    )


@receiver(task_finished)
def _pekerjaan_gagal(sender, task_result, **kwargs):
    """A job of ours that failed outside our own handling (its worker died too often, or the
    job could not even start): the upload says so instead of "running" for ever."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.func not in (
        periksa_impor.func,
        simpan_impor.func,
    ):
        return
    hasil = Hasil()
    hasil.tambah(f"{pesan_gagal(task_result)} Tidak ada yang disimpan; periksa berkas ini lagi.")
    Impor.objects.filter(tugas=task_result.id, status__in=Impor.BERJALAN).update(
        status=S.GAGAL, hasil=hasil.sebagai_dict(), diubah_pada=timezone.now()
    )
