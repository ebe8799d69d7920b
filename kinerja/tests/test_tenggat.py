"""The due state of a unit's quarter against the clock (kinerja.tenggat): every transition with
frozen time, the configured deadlines (KINERJA_BATAS_WAKTU_TRIWULAN) and an extension."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from kinerja.models import Pelaporan
from kinerja.tenggat import Keadaan, tenggat

from .factories import PelaporanFactory

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
S = Pelaporan.Status


def waktu(*args):
    return datetime.datetime(*args, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _batas(settings):
    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["04-15", "07-15", "10-15", "01-15"]


def _pada(time_machine, saat, tahun=2025, triwulan=1, pelaporan=None):
    time_machine.move_to(saat, tick=False)
    return tenggat(tahun, triwulan, pelaporan)


def test_a_quarter_not_ended_is_not_yet_due(time_machine):
    t = _pada(time_machine, waktu(2025, 3, 31, 22))
    assert (t.keadaan, t.sisa_hari, t.terlambat_hari, t.teks) == (Keadaan.BELUM_WAKTUNYA, 15, 0, "Belum waktunya")


def test_the_day_after_the_quarter_ends_it_is_due_with_the_days_left(time_machine):
    t = _pada(time_machine, waktu(2025, 4, 1, 0, 5))
    assert (t.keadaan, t.sisa_hari, t.teks) == (Keadaan.JATUH_TEMPO, 14, "Jatuh tempo · 14 hari lagi")
    assert t.batas == waktu(2025, 4, 15, 23, 59, 59)


def test_on_the_deadlines_day_no_day_is_left_until_its_last_second(time_machine):
    t = _pada(time_machine, waktu(2025, 4, 15, 23, 59, 58))
    assert (t.keadaan, t.sisa_hari, t.teks) == (Keadaan.JATUH_TEMPO, 0, "Jatuh tempo · hari ini batas waktunya")
    assert t.hari == "hari ini batas waktunya"


def test_the_day_after_the_deadline_an_unsubmitted_quarter_is_one_day_late(time_machine):
    t = _pada(time_machine, waktu(2025, 4, 16, 0, 0, 1))
    assert (t.keadaan, t.sisa_hari, t.terlambat_hari, t.teks) == (Keadaan.TERLAMBAT, -1, 1, "Terlambat 1 hari")
    assert t.hari == "terlambat 1 hari"
    assert _pada(time_machine, waktu(2025, 5, 1, 9)).terlambat_hari == 16


def test_a_saved_draft_counts_like_a_quarter_never_saved(time_machine):
    draf = PelaporanFactory(tahun=2025, triwulan=1, status=S.DRAFT)
    assert _pada(time_machine, waktu(2025, 4, 20, 9), pelaporan=draf).terlambat_hari == 5


@pytest.mark.parametrize("status", [S.DIAJUKAN, S.DIVERIFIKASI])
def test_a_submitted_or_verified_quarter_is_done_before_and_after_the_deadline(time_machine, status):
    p = PelaporanFactory(tahun=2025, triwulan=1, status=status)
    for saat in (waktu(2025, 4, 2, 9), waktu(2025, 6, 1, 9)):
        t = _pada(time_machine, saat, pelaporan=p)
        assert (t.keadaan, t.terlambat_hari, t.teks, t.hari) == (Keadaan.SELESAI, 0, "Sudah diajukan", "")


def test_a_quarter_returned_after_the_deadline_is_late_again(time_machine):
    p = PelaporanFactory(tahun=2025, triwulan=1, status=S.DIKEMBALIKAN, catatan="Lengkapi data dukung")
    assert _pada(time_machine, waktu(2025, 4, 10, 9), pelaporan=p).keadaan == Keadaan.JATUH_TEMPO
    t = _pada(time_machine, waktu(2025, 4, 18, 9), pelaporan=p)
    assert (t.keadaan, t.terlambat_hari) == (Keadaan.TERLAMBAT, 3)


def test_an_extension_moves_the_deadline(time_machine):
    p = PelaporanFactory(tahun=2025, triwulan=1, batas_waktu=waktu(2025, 4, 30, 23, 59, 59))
    t = _pada(time_machine, waktu(2025, 4, 20, 9), pelaporan=p)
    assert (t.keadaan, t.sisa_hari, t.batas) == (Keadaan.JATUH_TEMPO, 10, waktu(2025, 4, 30, 23, 59, 59))
    t = _pada(time_machine, waktu(2025, 5, 2, 9), pelaporan=p)
    assert (t.keadaan, t.terlambat_hari) == (Keadaan.TERLAMBAT, 2)


def test_past_an_extension_ending_at_noon_the_quarter_is_late_that_same_day(time_machine):
    p = PelaporanFactory(tahun=2025, triwulan=1, batas_waktu=waktu(2025, 4, 30, 12))
    t = _pada(time_machine, waktu(2025, 4, 30, 15), pelaporan=p)
    assert (t.keadaan, t.sisa_hari, t.teks) == (Keadaan.TERLAMBAT, 0, "Terlambat (hari ini)")


def test_the_configured_deadline_is_the_one_counted(time_machine, settings):
    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["04-30", "07-31", "10-31", "01-31"]
    t = _pada(time_machine, waktu(2025, 4, 20, 9))
    assert (t.keadaan, t.sisa_hari) == (Keadaan.JATUH_TEMPO, 10)


def test_the_fourth_quarters_deadline_falls_in_the_next_year(time_machine):
    assert _pada(time_machine, waktu(2024, 12, 31, 20), 2024, 4).keadaan == Keadaan.BELUM_WAKTUNYA
    t = _pada(time_machine, waktu(2025, 1, 10, 9), 2024, 4)
    assert (t.keadaan, t.sisa_hari, t.batas) == (Keadaan.JATUH_TEMPO, 5, waktu(2025, 1, 15, 23, 59, 59))
    t = _pada(time_machine, waktu(2025, 1, 16, 9), 2024, 4)
    assert (t.keadaan, t.terlambat_hari) == (Keadaan.TERLAMBAT, 1)


def test_days_are_counted_in_the_regions_calendar_not_in_utc(time_machine):
    # 16 April 01:00 in Jakarta is still 15 April in UTC: the deadline has passed all the same.
    saat = waktu(2025, 4, 16, 1)
    assert saat.astimezone(datetime.UTC).date() == datetime.date(2025, 4, 15)
    t = _pada(time_machine, saat)
    assert (t.keadaan, t.terlambat_hari) == (Keadaan.TERLAMBAT, 1)
    assert timezone.localdate(t.batas) == datetime.date(2025, 4, 15)
