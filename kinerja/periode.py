"""Reporting quarters and their deadlines (settings KINERJA_BATAS_WAKTU_TRIWULAN)."""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def romawi(triwulan):
    """TW III, as the forms write quarters."""
    return {1: "I", 2: "II", 3: "III", 4: "IV"}.get(triwulan, str(triwulan))


def akhir_triwulan(tahun, triwulan):
    """The last day of a quarter."""
    if triwulan == 4:
        return datetime.date(tahun, 12, 31)
    return datetime.date(tahun, 3 * triwulan + 1, 1) - datetime.timedelta(days=1)


def _tanggal_batas(tahun, triwulan):
    try:
        bulan, hari = (int(x) for x in settings.KINERJA_BATAS_WAKTU_TRIWULAN[triwulan - 1].split("-"))
        tanggal = datetime.date(tahun + (1 if triwulan == 4 else 0), bulan, hari)
    except (ValueError, IndexError) as e:
        raise ImproperlyConfigured(
            "KINERJA_BATAS_WAKTU_TRIWULAN berisi empat tanggal BB-HH untuk triwulan I–IV, mis. 04-15,07-15,10-15,01-15."
        ) from e
    if tanggal <= akhir_triwulan(tahun, triwulan):
        raise ImproperlyConfigured(f"Batas waktu triwulan {triwulan} harus sesudah akhir triwulannya.")
    return tanggal


def batas_waktu(tahun, triwulan, pelaporan=None):
    """The moment entries for a quarter are due: the end of the configured day (TW IV's falls in
    the next year), or the extension an admin gave this agency."""
    if pelaporan is not None and pelaporan.batas_waktu:
        return pelaporan.batas_waktu
    hari = _tanggal_batas(tahun, triwulan)
    return timezone.make_aware(datetime.datetime.combine(hari, datetime.time(23, 59, 59)))


def sudah_lewat(tahun, triwulan, pelaporan=None, sekarang=None):
    return (sekarang or timezone.now()) > batas_waktu(tahun, triwulan, pelaporan)


def triwulan_pelaporan(sekarang=None):
    """(year, quarter) operators report by default: the quarter just ended while its deadline has
    not passed, else the current quarter."""
    hari_ini = timezone.localdate(sekarang or timezone.now())
    tahun, triwulan = hari_ini.year, (hari_ini.month - 1) // 3 + 1
    lalu = (tahun - 1, 4) if triwulan == 1 else (tahun, triwulan - 1)
    if not sudah_lewat(*lalu, sekarang=sekarang):
        return lalu
    return tahun, triwulan


def triwulan_terakhir_selesai(sekarang=None):
    """(year, quarter) of the last quarter that has ended: what a dashboard shows by default."""
    hari_ini = timezone.localdate(sekarang or timezone.now())
    triwulan = (hari_ini.month - 1) // 3
    return (hari_ini.year - 1, 4) if triwulan == 0 else (hari_ini.year, triwulan)
