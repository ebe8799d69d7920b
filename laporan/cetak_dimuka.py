"""Printed before they are asked for: when the Bappeda verifies an agency's quarter, and when an
agency's data of a year has been quiet for KINERJA_CETAK_TENANG_MENIT minutes after an entry save
or an import, a job on the print queue builds the agency's reports of that quarter and year as
their pages build them by default (laporan.forms.bangun_pilihan) and asks for their PDFs
(laporan.cetak.minta_cetak). The download people make afterwards finds the print ready under the
digest of the same HTML and is served at once; a report whose data changed since gives another
HTML and is printed afresh.

Switched off with KINERJA_CETAK_DI_MUKA=False (a small server that should print only on demand).
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from kinerja.models import Pelaporan
from kinerja.sinyal import data_berubah, terakhir_berubah, triwulan_terakhir_berisi
from renstra.models import PerangkatDaerah

from .builders import LAPORAN
from .cetak import minta_cetak
from .forms import bangun_pilihan

log = logging.getLogger(__name__)

# The reports a verified quarter completes: its quarterly evaluation, the year's Renja
# evaluation up to it, its Berita Acara, and the LKjIP draft once the year is whole.
DICETAK = ("evaluasi-triwulan", "evaluasi-renja", "berita-acara")
DICETAK_AKHIR_TAHUN = ("lkjip",)


def laporan_triwulan(triwulan):
    return DICETAK + (DICETAK_AKHIR_TAHUN if triwulan == 4 else ())


@receiver(post_save, sender=Pelaporan, dispatch_uid="cetak_dimuka")
def _setelah_diverifikasi(sender, instance, **kwargs):
    if not settings.KINERJA_CETAK_DI_MUKA or instance.status != Pelaporan.Status.DIVERIFIKASI:
        return
    opd_id, tahun, triwulan = instance.opd_id, instance.tahun, instance.triwulan
    transaction.on_commit(lambda: cetak_di_muka.enqueue(opd_id, tahun, triwulan))


@task(queue_name="cetak")
def cetak_di_muka(opd_id, tahun, triwulan):
    """Ask for the PDFs of an agency's reports of `tahun` up to `triwulan`; each print is a job of
    its own (minta_cetak), and a report already printed with the same data is not printed again."""
    opd = PerangkatDaerah.objects.filter(pk=opd_id).first()
    if opd is None:
        return []
    dicetak = []
    for kode in laporan_triwulan(triwulan):
        data = {"tahun": str(tahun), "triwulan": str(triwulan)}
        _, laporan = bangun_pilihan(LAPORAN[kode], opd, data, PerangkatDaerah.objects.filter(pk=opd.pk))
        if laporan is None:
            log.warning("Cetak di muka %s %s %s TW %s: pilihan tidak sah", kode, opd.kode, tahun, triwulan)
            continue
        dicetak.append(str(minta_cetak(laporan, user=None, opd=opd).pk))
    return dicetak


@receiver(data_berubah, dispatch_uid="cetak_setelah_tenang")
def _setelah_data_berubah(sender, opd_id, tahun, triwulan, **kwargs):
    """Every change schedules a print KINERJA_CETAK_TENANG_MENIT minutes later; the job prints
    only if nothing changed after it was scheduled (a later change has its own job, which waits
    again), so a morning of saves gives one print, after the last."""
    menit = settings.KINERJA_CETAK_TENANG_MENIT
    # A task engine that cannot hold a job back (the immediate one) prints on verification only.
    if not settings.KINERJA_CETAK_DI_MUKA or not menit or not cetak_jika_tenang.get_backend().supports_defer:
        return
    sekarang = timezone.now()
    cetak_jika_tenang.using(run_after=sekarang + timedelta(minutes=menit)).enqueue(
        opd_id, tahun, triwulan, sekarang.isoformat()
    )


@task(queue_name="cetak")
def cetak_jika_tenang(opd_id, tahun, triwulan, sejak):
    """The reports of an agency's `tahun` up to `triwulan` (None: its last quarter with a
    realisation), printed ahead unless its data changed after `sejak` (an ISO time)."""
    terakhir = terakhir_berubah(opd_id, tahun)
    if terakhir is not None and terakhir > datetime.fromisoformat(sejak):
        return []
    triwulan = triwulan or triwulan_terakhir_berisi(opd_id, tahun)
    if triwulan is None:
        return []
    return cetak_di_muka.call(opd_id, tahun, triwulan)
