"""A report as PDF, printed by a worker (queue "cetak"), never in a web request: printing takes
WeasyPrint seconds (an LKjIP half a minute on a busy server), which would hold a web worker and
its users meanwhile.

`minta_cetak` finds or makes the `Cetakan` of the report's HTML: a ready one is served at once; a
new one is enqueued and its page says "sedang dicetak" until the worker is done. The same
document asked for again (a double click, a colleague) joins the same print.
"""

import contextlib
import hashlib
import logging
import signal
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import router, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from kinerja import rules
from kinerja.pekerja import pesan_gagal
from renstra.models import PerangkatDaerah
from renstra.querysets import IZIN_SEMUA_OPD

from .models import Cetakan
from .renderers.html import render_dokumen
from .renderers.pdf import cetak_html

log = logging.getLogger(__name__)
S = Cetakan.Status


class WaktuHabis(Exception):
    pass


def minta_cetak(laporan, *, user, opd):
    """The print of `laporan` (of agency `opd`, None for the region): ready, running, or
    enqueued now. A failed print is tried again when asked again."""
    html = render_dokumen(laporan)
    sidik = hashlib.sha256(html.encode()).hexdigest()
    with transaction.atomic():
        cetakan, baru = Cetakan.objects.get_or_create(
            sidik=sidik,
            defaults={
                "opd": opd,
                "judul": " — ".join(str(j) for j in laporan.judul[:2])[:255] or laporan.nama_berkas[:255],
                "nama_berkas": f"{laporan.nama_berkas}.pdf"[:255],
                "html": html,
                "diminta_oleh": user,
            },
        )
        if not baru:
            cetakan = Cetakan.objects.select_for_update().get(pk=cetakan.pk)
            perlu_ulang = cetakan.status == S.GAGAL or (cetakan.status == S.SIAP and not _berkas_ada(cetakan))
            if not perlu_ulang:
                return cetakan
            cetakan.html, cetakan.status, cetakan.pesan, cetakan.diminta_oleh = html, S.ANTRE, "", user
            cetakan.save(update_fields=["html", "status", "pesan", "diminta_oleh"])
        hasil = cetak_pdf.enqueue(str(cetakan.pk))
        Cetakan.objects.filter(pk=cetakan.pk).update(tugas=hasil.id)
    # Read back from the primary, also under a dashboard reading from a replica (kinerja/replika.py).
    return Cetakan.objects.db_manager(router.db_for_write(Cetakan)).get(pk=cetakan.pk)


def _berkas_ada(cetakan):
    return bool(cetakan.berkas) and cetakan.berkas.storage.exists(cetakan.berkas.name)


def cetakan_terlihat(user):
    """The prints `user` may follow and download: those of agencies in their scope, and the
    region's for those who see every agency."""
    saring = Q(opd__in=PerangkatDaerah.objects.for_user(user))
    if user.has_perm(IZIN_SEMUA_OPD):
        saring |= Q(opd__isnull=True)
    return Cetakan.objects.filter(saring)


def antrean_di_depan(cetakan):
    """How many prints wait before this one."""
    if cetakan.status != S.ANTRE:
        return 0
    return Cetakan.objects.filter(status__in=Cetakan.BERJALAN, dibuat_pada__lt=cetakan.dibuat_pada).count()


@task(queue_name="cetak")
def cetak_pdf(cetakan_id):
    with transaction.atomic():
        cetakan = Cetakan.objects.select_for_update().filter(pk=cetakan_id).first()
        if cetakan is None or cetakan.status not in Cetakan.BERJALAN:
            return  # done already (this job ran again), or removed
        cetakan.status, cetakan.mulai_pada = S.MENCETAK, timezone.now()
        cetakan.save(update_fields=["status", "mulai_pada"])
    batas = settings.KINERJA_CETAK_BATAS_DETIK
    mulai = time.monotonic()
    try:
        with batas_waktu(batas):
            isi = cetak_html(cetakan.html)
    except WaktuHabis:
        _gagal(
            cetakan,
            f"Pencetakan dihentikan setelah {rules.format_angka(batas, 0)} detik (KINERJA_CETAK_BATAS_DETIK). "
            "Laporan sebesar ini biasanya selesai dalam satu menit; laporkan ke pengelola.",
        )
        return
    except Exception:
        _gagal(cetakan, "Terjadi kesalahan tak terduga saat mencetak; laporkan ke pengelola.")
        raise
    cetakan.berkas.save(f"{cetakan.pk}.pdf", ContentFile(isi), save=False)
    cetakan.status, cetakan.html, cetakan.ukuran, cetakan.selesai_pada = S.SIAP, "", len(isi), timezone.now()
    cetakan.save(update_fields=["berkas", "status", "html", "ukuran", "selesai_pada"])
    log.info(
        "Cetak %s (%s): %s bita dalam %.1f s",
        cetakan.pk,
        cetakan.judul,
        len(isi),
        time.monotonic() - mulai,
    )
    hapus_cetakan_lama()


def _gagal(cetakan, pesan):
    Cetakan.objects.filter(pk=cetakan.pk).update(status=S.GAGAL, pesan=pesan, selesai_pada=timezone.now())


def hapus_cetakan_lama(sekarang=None):
    """Remove the prints older than KINERJA_SIMPAN_PDF_DETIK, with their files."""
    batas = (sekarang or timezone.now()) - timedelta(seconds=settings.KINERJA_SIMPAN_PDF_DETIK)
    for cetakan in Cetakan.objects.filter(dibuat_pada__lt=batas).exclude(status__in=Cetakan.BERJALAN):
        if cetakan.berkas:
            cetakan.berkas.delete(save=False)
        cetakan.delete()


@contextlib.contextmanager
def batas_waktu(detik):
    """Raise WaktuHabis in the block after `detik` seconds (a worker runs its jobs in its main
    thread; elsewhere, e.g. under the development autoreloader, there is no limit)."""
    if not detik or threading.current_thread() is not threading.main_thread():
        yield
        return

    def habis(signum, frame):
        raise WaktuHabis

    lama = signal.signal(signal.SIGALRM, habis)
    signal.setitimer(signal.ITIMER_REAL, detik)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, lama)


@receiver(task_finished)
def _pekerjaan_gagal(sender, task_result, **kwargs):
    """A print whose job failed outside its own handling (its worker died too often) says so."""
    if task_result.status != TaskResultStatus.FAILED or task_result.task.func is not cetak_pdf.func:
        return
    Cetakan.objects.filter(tugas=task_result.id, status__in=Cetakan.BERJALAN).update(
        status=S.GAGAL, pesan=pesan_gagal(task_result), selesai_pada=timezone.now()
    )
