"""The one rule every writer of a quarter's rows follows: the entry page, the workbook importers,
the admin (its forms and its flat imports) and the move of an agency between servers.

1. Lock the submission first. `kunci_pelaporan` (one unit and quarter) or `kunci_pelaporan_tahun`
   (every unit and quarter of a year) lock the `Pelaporan` rows for the rest of the transaction,
   creating the draft row a unit without one would have, and read their status afresh; a
   writer checks the status under that lock. Submitting, verifying, returning and reopening take
   the same lock, so a save that started before "Ajukan" either lands before the submission or
   sees it and is refused.
2. Then lock the rows and compare versions. A writer knows which version of a row it based its
   change on (the page it showed, the preview it checked, the admin form it opened; 0 for a row
   that did not exist); when the stored version differs, someone else wrote in between, and the
   writer that comes second is told (`Konflik`), never overwriting silently.
3. Each write raises the version by one and names its author (`tandai`), so a version number
   appears once in a row's history.

On PostgreSQL the locks are row locks (SELECT … FOR UPDATE); SQLite serialises writing
transactions as a whole (settings: `transaction_mode = IMMEDIATE`), which gives the same order.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from kinerja import rules

from .models import Pelaporan, Realisasi
from .selectors import bidang_penanggung_jawab_id, bidang_rantai_id, unit_pelaporan


@dataclass
class Bentrok:
    """A row someone else saved after the writer read it: both values, and who saved theirs."""

    label: str
    nilai_anda: str
    nilai_tersimpan: str
    diubah_oleh: object
    diubah_pada: object


class Konflik(Exception):
    def __init__(self, bentrok):
        self.bentrok = bentrok
        super().__init__(f"{len(bentrok)} baris telah diubah orang lain.")


def _draf(user, **kunci):
    """The submission row of a unit and quarter, created as a draft (by `user`, for its history)
    when the unit has none yet."""
    ada = Pelaporan.objects.filter(**kunci).first()
    if ada is not None:
        return ada
    draf = Pelaporan(**kunci)
    draf._history_user = user
    try:
        with transaction.atomic():
            draf.save()
    except IntegrityError:  # created by another writer in the same instant: theirs is the row
        return Pelaporan.objects.get(**kunci)
    return draf


def kunci_pelaporan(opd, bidang, tahun, triwulan, user=None):
    """The submission of a unit and quarter (`bidang`: the bidang, its id, or None for the agency
    as a whole), locked until the transaction ends and read afresh (created as a draft by `user`
    when the unit has none yet). Must run inside `transaction.atomic`."""
    ada = _draf(user, opd=opd, bidang_id=getattr(bidang, "pk", bidang), tahun=tahun, triwulan=triwulan)
    Pelaporan.objects.select_for_update().filter(pk=ada.pk).values_list("pk").get()
    # Read once the lock is held, in a statement of its own: a locking statement that waited
    # re-reads the locked row but not the rows joined to it (PostgreSQL), so who submitted or
    # verified it would come back empty.
    return Pelaporan.objects.select_related("opd", "bidang", "diajukan_oleh", "diverifikasi_oleh").get(pk=ada.pk)


def kunci_pelaporan_tahun(opd, tahun, user=None):
    """Every submission of the agency's units for the four quarters of `tahun`, locked (missing
    drafts created first, by `user`), as {(bidang id or None, quarter): Pelaporan}. Rows are
    locked in primary-key order, the order every other writer's single lock fits into."""
    ada = set(Pelaporan.objects.filter(opd=opd, tahun=tahun).values_list("bidang_id", "triwulan"))
    for bidang in unit_pelaporan(opd):
        for triwulan in range(1, 5):
            if (bidang.pk if bidang else None, triwulan) not in ada:
                _draf(user, opd=opd, bidang_id=bidang.pk if bidang else None, tahun=tahun, triwulan=triwulan)
    return {
        (p.bidang_id, p.triwulan): p
        for p in Pelaporan.objects.select_for_update(of=("self",))
        .filter(opd=opd, tahun=tahun)
        .select_related("opd", "bidang")
        .order_by("pk")
    }


def versi_tersimpan(baris):
    """The version of a stored row, 0 for none (a row that does not exist yet)."""
    return baris.versi if baris is not None else 0


def berubah_sejak(versi_dilihat, tersimpan):
    """Someone saved (or removed) the row since the writer saw version `versi_dilihat`."""
    return versi_tersimpan(tersimpan) != versi_dilihat


def tandai(obj, user, sekarang=None):
    """Record a write of `obj` (a row with a version): one version more, `user` as its author.
    Returns the fields to save for a bulk update."""
    obj.versi = (obj.versi or 0) + 1 if obj.pk is not None else 1
    obj.diubah_oleh = user
    obj.diubah_pada = sekarang or timezone.now()
    return {"versi", "diubah_oleh", "diubah_pada"}


def kunci_versi(obj):
    """The natural key of a versioned row as text ("kinerja.Realisasi:12|2024|3"), the same in a
    preview and in the write that follows it; None while its owner is not saved yet."""
    nilai = []
    for nama in obj.KUNCI_ALAMI:
        medan = obj._meta.get_field(nama)
        v = getattr(obj, medan.attname)
        if v is None:
            return None
        nilai.append(str(v))
    return f"{obj._meta.label}:{'|'.join(nilai)}"


def kunci_pelaporan_baris(baris, user=None):
    """Lock the submission of the unit a quarter row (Realisasi, RealisasiAnggaran) belongs to."""
    if isinstance(baris, Realisasi):
        opd = baris.indikator.renstra.opd
        bidang_id = bidang_penanggung_jawab_id(baris.indikator)
    else:
        opd = baris.sub_kegiatan.kegiatan.program.renstra.opd
        bidang_id = bidang_rantai_id(baris.sub_kegiatan)
    return kunci_pelaporan(opd, bidang_id if opd.pelaporan_per_bidang else None, baris.tahun, baris.triwulan, user)


def kunci_baris(baris):
    """Lock the submission of a stored quarter row's unit, then the row itself; the row as it is
    stored now (for a writer that saw it earlier: the admin's form, a flat import)."""
    kunci_pelaporan_baris(baris)
    return type(baris).objects.select_for_update(of=("self",)).get(pk=baris.pk)


def pesan_bentrok(tersimpan, versi_dilihat, sejak):
    """Why a write was refused: who saved the row after the writer read it, and when."""
    waktu = timezone.localtime(tersimpan.diubah_pada)
    return (
        f"{tersimpan} telah diubah oleh {tersimpan.diubah_oleh or 'pengguna lain'} pada "
        f"{rules.format_waktu(waktu)} (versi {tersimpan.versi}) sejak {sejak} (versi "
        f"{versi_dilihat}). Tidak ada yang disimpan; lihat nilai terbarunya lebih dulu."
    )
