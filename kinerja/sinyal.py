"""What kinerja tells the layers above it (laporan), which it must not import: that an agency's
data of a year changed, once the write that changed it is committed."""

from django.db import transaction
from django.db.models import Max
from django.dispatch import Signal

from .models import Realisasi, RealisasiAnggaran

# Sent after the commit of an entry page's save or an import that wrote an agency's realisations
# of a year, with opd_id, tahun and triwulan (the quarter written; None: the import's year).
data_berubah = Signal()


def kabarkan_perubahan(opd_id, tahun, triwulan=None):
    """Send `data_berubah` once the current transaction commits (not at all if it rolls back)."""
    transaction.on_commit(lambda: data_berubah.send(sender=None, opd_id=opd_id, tahun=tahun, triwulan=triwulan))


def terakhir_berubah(opd_id, tahun):
    """When an agency's realisations or budget realisations of `tahun` last changed (their
    history: an insert, an update, a deletion), None when never; two queries."""
    waktu = [
        Realisasi.history.filter(indikator__renstra__opd_id=opd_id, tahun=tahun).aggregate(w=Max("history_date"))["w"],
        RealisasiAnggaran.history.filter(
            sub_kegiatan__kegiatan__program__renstra__opd_id=opd_id, tahun=tahun
        ).aggregate(w=Max("history_date"))["w"],
    ]
    return max((w for w in waktu if w is not None), default=None)


def triwulan_terakhir_berisi(opd_id, tahun):
    """The last quarter of `tahun` for which the agency has a realisation, None when none."""
    return Realisasi.objects.filter(indikator__renstra__opd_id=opd_id, tahun=tahun).aggregate(t=Max("triwulan"))["t"]
