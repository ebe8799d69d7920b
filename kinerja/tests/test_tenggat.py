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


# --- where the due state is shown -----------------------------------------------------------


@pytest.fixture
def unit(time_machine):
    """Dinas Tepat submitted TW I 2025; Dinas Lambat entered nothing (a Renstra 2024–2026 each)."""
    from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

    tepat = RenstraFactory(opd=PerangkatDaerahFactory(kode="TEPAT", nama="Dinas Tepat")).opd
    lambat = RenstraFactory(opd=PerangkatDaerahFactory(kode="LAMBAT", nama="Dinas Lambat")).opd
    PelaporanFactory(opd=tepat, tahun=2025, triwulan=1, status=S.DIAJUKAN, diajukan_pada=waktu(2025, 4, 9, 9))
    return tepat, lambat


def test_the_verification_list_shows_each_units_due_state_and_filters_by_it(client, unit, time_machine):
    from django.urls import reverse

    from .factories import verifikator

    time_machine.move_to(waktu(2025, 4, 20, 9), tick=False)
    client.force_login(verifikator())
    url = reverse("kinerja:verifikasi_daftar")
    respons = client.get(url, {"tahun": 2025, "triwulan": 1})
    html = respons.content.decode()
    assert '<th scope="col">Tenggat</th>' in html
    assert "Terlambat 5 hari" in html and "Sudah diajukan" in html
    assert {b.opd.kode: b.tenggat.keadaan for b in respons.context["baris"]} == {
        "TEPAT": Keadaan.SELESAI,
        "LAMBAT": Keadaan.TERLAMBAT,
    }
    saring = client.get(url, {"tahun": 2025, "triwulan": 1, "tenggat": "terlambat"})
    assert [b.opd.kode for b in saring.context["baris"]] == ["LAMBAT"]
    assert 'value="terlambat" selected' in saring.content.decode()
    kosong = client.get(url, {"tahun": 2025, "triwulan": 1, "tenggat": "jatuh-tempo"})
    assert kosong.context["baris"] == [] and "Tidak ada pelaporan dengan pilihan itu" in kosong.content.decode()


def test_the_region_dashboard_shows_the_due_state_of_the_quarter_shown(client, unit, time_machine):
    from django.urls import reverse

    from .factories import verifikator

    time_machine.move_to(waktu(2025, 4, 10, 9), tick=False)
    client.force_login(verifikator())
    respons = client.get(reverse("laporan:dasbor_wilayah"), {"tahun": 2025, "triwulan": 1})
    html = respons.content.decode()
    assert "1 jatuh tempo, 1 sudah diajukan" in html
    assert "Draf · Jatuh tempo · 5 hari lagi" in html  # Dinas Lambat's TW I cell


@pytest.mark.parametrize(
    ("saat", "keadaan", "hari"),
    [
        (waktu(2025, 3, 20, 9), "Belum waktunya", "26 hari lagi"),
        (waktu(2025, 4, 10, 9), "Jatuh tempo", "5 hari lagi"),
        (waktu(2025, 4, 15, 9), "Jatuh tempo", "hari ini batas waktunya"),
    ],
    ids=["quarter-running", "due", "deadline-day"],
)
def test_the_operators_home_shows_the_due_state_and_the_days(client, unit, time_machine, saat, keadaan, hari):
    from django.urls import reverse

    from .factories import operator

    time_machine.move_to(saat, tick=False)
    client.force_login(operator(unit[1]))
    respons = client.get(reverse("laporan:dasbor"))
    assert (respons.context["data"].tahun, respons.context["data"].triwulan) == (2025, 1)
    assert f"<strong>{keadaan}</strong> · {hari}" in respons.content.decode()


def test_the_operators_home_says_how_many_days_a_quarter_is_overdue(rf, unit, time_machine):
    from django.template.loader import render_to_string

    from kinerja import dasbor
    from kinerja.selectors import isian_triwulan

    from .factories import operator

    time_machine.move_to(waktu(2025, 4, 20, 9), tick=False)
    lambat = unit[1]
    pelaporan = Pelaporan(opd=lambat, tahun=2025, triwulan=1)
    data = dasbor.beranda_operator(isian_triwulan(lambat, 2025, 1), pelaporan, None)
    assert (data.tenggat.keadaan, data.sisa_hari) == (Keadaan.TERLAMBAT, -5)
    request = rf.get("/")
    request.user = operator(lambat)
    html = render_to_string("laporan/dasbor/beranda.html", {"data": data, "opd": lambat}, request=request)
    assert "<strong>Terlambat 5 hari</strong>" in html and "angka-peringatan" in html


def test_the_operators_home_says_how_long_a_returned_quarter_has_been_overdue(client, unit, time_machine):
    from django.urls import reverse

    from .factories import operator

    tepat = unit[0]
    PelaporanFactory(opd=tepat, tahun=2025, triwulan=2, status=S.DIKEMBALIKAN, catatan="Lengkapi data dukung")
    time_machine.move_to(waktu(2025, 7, 25, 9), tick=False)  # TW II due 15 July; the home reports TW III
    client.force_login(operator(tepat))
    respons = client.get(reverse("laporan:dasbor"))
    (kembali,) = respons.context["data"].dikembalikan
    assert (kembali.triwulan, kembali.tenggat.terlambat_hari) == (2, 10)
    assert "terlambat 10 hari</span>: Lengkapi data dukung" in respons.content.decode()
