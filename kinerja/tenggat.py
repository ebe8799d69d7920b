"""Due and overdue: where a reporting unit's quarter stands against its entry window.

Beside the workflow's status (draft, diajukan, diverifikasi, dikembalikan) every unit and quarter
has a due state computed from the clock, the deadline (KINERJA_BATAS_WAKTU_TRIWULAN) and any
extension an admin gave the unit (`Pelaporan.batas_waktu`):

- *belum waktunya*: the quarter has not ended, nothing is due yet;
- *jatuh tempo*: the quarter has ended and the deadline has not passed, not submitted yet;
- *terlambat*: the deadline has passed and the quarter is not submitted (a draft, or returned);
- *selesai*: submitted or verified (`Pelaporan.terlambat` says whether after the deadline).

Days are counted in the region's calendar (TIME_ZONE): the deadline's day is day 0.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from .models import Pelaporan
from .periode import akhir_triwulan, batas_waktu


class Keadaan(models.TextChoices):
    BELUM_WAKTUNYA = "belum-waktunya", "Belum waktunya"
    JATUH_TEMPO = "jatuh-tempo", "Jatuh tempo"
    TERLAMBAT = "terlambat", "Terlambat"
    SELESAI = "selesai", "Sudah diajukan"


BELUM_DIAJUKAN = (Pelaporan.Status.DRAFT, Pelaporan.Status.DIKEMBALIKAN)


@dataclass(frozen=True)
class Tenggat:
    """A unit's quarter against its deadline: the state, the deadline, and the days left (> 0),
    of the deadline (0) or overdue (< 0) in the region's calendar."""

    keadaan: str
    batas: datetime.datetime
    sisa_hari: int

    @property
    def label(self):
        return Keadaan(self.keadaan).label

    @property
    def terlambat_hari(self):
        """Days overdue, 0 when not overdue."""
        return -self.sisa_hari if self.keadaan == Keadaan.TERLAMBAT else 0

    @property
    def hari(self):
        """The days alone, as an operator's home writes them: "3 hari lagi", "terlambat 2 hari";
        "" when the quarter is submitted."""
        if self.keadaan == Keadaan.SELESAI:
            return ""
        if self.keadaan == Keadaan.TERLAMBAT:
            hari = self.terlambat_hari
            return f"terlambat {hari} hari" if hari else "terlambat (hari ini)"
        return "hari ini batas waktunya" if self.sisa_hari == 0 else f"{self.sisa_hari} hari lagi"

    @property
    def teks(self):
        """The state with its days, as the lists write it: "Jatuh tempo · 3 hari lagi"."""
        if self.keadaan == Keadaan.JATUH_TEMPO:
            return f"{self.label} · {self.hari}"
        if self.keadaan == Keadaan.TERLAMBAT:
            hari = self.terlambat_hari
            return f"{self.label} {hari} hari" if hari else f"{self.label} (hari ini)"
        return self.label


def tenggat(tahun, triwulan, pelaporan=None, sekarang=None):
    """The due state of a unit's quarter; `pelaporan` None: never saved (a draft)."""
    sekarang = sekarang or timezone.now()
    batas = batas_waktu(tahun, triwulan, pelaporan)
    hari_ini = timezone.localdate(sekarang)
    sisa = (timezone.localdate(batas) - hari_ini).days
    status = pelaporan.status if pelaporan is not None else Pelaporan.Status.DRAFT
    if status not in BELUM_DIAJUKAN:
        keadaan = Keadaan.SELESAI
    elif sekarang > batas:
        keadaan = Keadaan.TERLAMBAT
        sisa = min(sisa, 0)  # past the deadline's last second on its day: overdue, day 0
    elif hari_ini > akhir_triwulan(tahun, triwulan):
        keadaan = Keadaan.JATUH_TEMPO
    else:
        keadaan = Keadaan.BELUM_WAKTUNYA
    return Tenggat(keadaan, batas, sisa)
