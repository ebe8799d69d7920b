"""Jobs that survive: the heartbeat of workers and the recovery of jobs whose worker died.

Jobs are rows of the database (Django's Tasks API with django-tasks-db). The library runs them
but does not notice a worker that was killed mid-job (`kill -9`, the server restarted, the
process ran out of memory): such a job stays "RUNNING" for ever. So every worker
(`manage.py pekerja`) writes a heartbeat (`Pekerja`) and, every time it beats, looks for running
jobs whose worker has been silent for KINERJA_PEKERJA_HILANG_DETIK: such a job is put back in its
queue, to run again, until it has been tried KINERJA_TUGAS_COBA times; then it fails with a
message saying why. Running again is safe for our jobs: a check only reads, a write is one
transaction that either committed (and the job then finds its work done) or left nothing.

Jobs that ended more than SIMPAN_HASIL_HARI days ago are forgotten (hourly, by the beat).

A job's end, failed ones included, is announced with the library's `task_finished` signal; the
owners of the jobs (imports, printed PDFs) listen to it to keep their own records right.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from .models import Pekerja

log = logging.getLogger(__name__)


class TugasTerputus(RuntimeError):
    """A job whose worker stopped in the middle of it too many times."""


def catat_detak(pekerja_id, antrean="", sekarang=None):
    """The worker `pekerja_id` is alive now."""
    sekarang = sekarang or timezone.now()
    Pekerja.objects.update_or_create(
        pk=pekerja_id,
        defaults={"detak": sekarang, "host": socket.gethostname()[:255], "pid": os.getpid(), "antrean": antrean},
        create_defaults={
            "detak": sekarang,
            "mulai": sekarang,
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "antrean": antrean,
        },
    )


def ada_pekerja_hidup(sekarang=None):
    """Whether some worker has beaten lately (else queued jobs wait for one to be started)."""
    batas = (sekarang or timezone.now()) - timedelta(seconds=settings.KINERJA_PEKERJA_HILANG_DETIK)
    return Pekerja.objects.filter(detak__gte=batas).exists()


def hapus_pekerja(pekerja_id):
    """The worker stopped cleanly: its jobs (none should be running) can be recovered at once."""
    Pekerja.objects.filter(pk=pekerja_id).delete()


def pulihkan_tugas_terputus(sekarang=None):
    """Put back in their queue the running jobs whose worker has been silent too long, or fail
    those tried KINERJA_TUGAS_COBA times. Returns (ids put back, ids failed)."""
    sekarang = sekarang or timezone.now()
    batas = sekarang - timedelta(seconds=settings.KINERJA_PEKERJA_HILANG_DETIK)
    hidup = set(Pekerja.objects.filter(detak__gte=batas).values_list("pk", flat=True))
    diulang, digagalkan = [], []
    with transaction.atomic():
        for tugas in DBTaskResult.objects.select_for_update(skip_locked=True).filter(status=TaskResultStatus.RUNNING):
            terakhir = tugas.worker_ids[-1] if tugas.worker_ids else None
            if terakhir in hidup:
                continue
            if len(tugas.worker_ids) < settings.KINERJA_TUGAS_COBA:
                tugas.status = TaskResultStatus.READY
                tugas.save(update_fields=["status"])
                diulang.append(tugas.pk)
            else:
                tugas.set_failed(
                    TugasTerputus(
                        f"Pekerjaan ini terhenti {len(tugas.worker_ids)} kali karena pekerjanya berhenti di tengah "
                        "jalan (server dimulai ulang atau kehabisan memori)."
                    )
                )
                digagalkan.append(tugas)
    Pekerja.objects.filter(detak__lt=batas).delete()  # gone: their jobs were just dealt with
    for tugas in digagalkan:
        log.error("Pekerjaan %s (%s) digagalkan: pekerjanya berhenti", tugas.pk, tugas.task_path)
        _umumkan_selesai(tugas)
    for pk in diulang:
        log.warning("Pekerjaan %s dijalankan ulang: pekerjanya berhenti di tengah jalan", pk)
    return diulang, [t.pk for t in digagalkan]


def _umumkan_selesai(tugas):
    try:
        hasil = tugas.task_result
    except Exception:  # its task function no longer exists: nobody is listening for it
        log.exception("Pekerjaan %s tidak dapat dibaca", tugas.pk)
        return
    task_finished.send(sender=type(hasil.task.get_backend()), task_result=hasil)


SIMPAN_HASIL_HARI = 30


def hapus_tugas_lama(sekarang=None):
    """Forget the jobs that ended more than SIMPAN_HASIL_HARI days ago (an import or a print
    keeps its own record; the job's row only says how it ran)."""
    batas = (sekarang or timezone.now()) - timedelta(days=SIMPAN_HASIL_HARI)
    return DBTaskResult.objects.finished().filter(finished_at__lt=batas).delete()[0]


def pesan_gagal(task_result):
    """What to tell a user about a failed job: ours explain themselves, others are unexpected."""
    galat = task_result.errors[-1] if task_result.errors else None
    if galat is not None and galat.exception_class_path == f"{TugasTerputus.__module__}.{TugasTerputus.__qualname__}":
        baris = [b for b in galat.traceback.strip().splitlines() if b.strip()]
        return baris[-1].split(": ", 1)[-1] if baris else "Pekerjaan terhenti."
    return "Terjadi kesalahan tak terduga saat menjalankan pekerjaan ini."


class Detak(threading.Thread):
    """Beats for a worker in the background of its process, recovering orphaned jobs each time."""

    BERSIH_DETIK = 3600

    def __init__(self, pekerja_id, antrean=""):
        super().__init__(name="detak-pekerja", daemon=True)
        self.pekerja_id, self.antrean = pekerja_id, antrean
        self.berhenti = threading.Event()
        self.dibersihkan = 0.0

    def beat(self):
        close_old_connections()
        try:
            catat_detak(self.pekerja_id, self.antrean)
            pulihkan_tugas_terputus()
            if time.monotonic() - self.dibersihkan > self.BERSIH_DETIK:
                hapus_tugas_lama()
                self.dibersihkan = time.monotonic()
        except Exception:  # the database may be busy or away a moment: beat again later
            log.exception("Detak pekerja %s gagal", self.pekerja_id)

    def run(self):
        try:
            while not self.berhenti.wait(settings.KINERJA_PEKERJA_DETAK_DETIK):
                self.beat()
        finally:
            connection.close()

    def hentikan(self):
        self.berhenti.set()
        self.join(10)
