"""Printed before they are asked for: when the Bappeda verifies an agency's quarter, a job on the
print queue builds the agency's reports of that quarter and year as their pages build them by
default (laporan.forms.bangun_pilihan) and asks for their PDFs (laporan.cetak.minta_cetak). The
download people make afterwards finds the print ready under the digest of the same HTML and is
served at once; a report whose data changed since gives another HTML and is printed afresh.

Switched off with KINERJA_CETAK_DI_MUKA=False (a small server that should print only on demand).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task

from kinerja.models import Pelaporan
from renstra.models import PerangkatDaerah

from .builders import LAPORAN
from .cetak import minta_cetak
from .forms import bangun_pilihan

log = logging.getLogger(__name__)

# The reports a verified quarter completes: its quarterly evaluation, the year's Renja
# evaluation up to it, and the LKjIP draft once the year is whole.
DICETAK = ("evaluasi-triwulan", "evaluasi-renja")
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
