"""Where the reviewers' list opens: on the quarter with the most submissions waiting for a
decision, else on the last quarter that has ended; and the quarters waiting, as links."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from kinerja.models import Pelaporan
from kinerja.selectors import menunggu_verifikasi, triwulan_verifikasi
from renstra.tests.factories import BidangFactory, PerangkatDaerahFactory, RenstraFactory

from .factories import PelaporanFactory, verifikator

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# TW IV 2026 runs, TW III's deadline (15 October) has passed: operators report TW IV by default.
DESEMBER_2026 = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=WIB)
DIAJUKAN = Pelaporan.Status.DIAJUKAN


def _dinas(k, **kwargs):
    opd = PerangkatDaerahFactory(kode=f"DINAS-{k:02d}", nama=f"Dinas Uji {k:02d}", **kwargs)
    RenstraFactory(opd=opd, tahun_awal=2025, tahun_akhir=2029)
    return opd


def _pelaporan(jumlah, tahun, triwulan, status=DIAJUKAN, mulai=0):
    """`jumlah` agencies (numbered from `mulai`) with a submission of the quarter in `status`."""
    for k in range(mulai, mulai + jumlah):
        PelaporanFactory(opd=_dinas(k), tahun=tahun, triwulan=triwulan, status=status)


@pytest.fixture
def penelaah(client, time_machine):
    time_machine.move_to(DESEMBER_2026, tick=False)
    client.force_login(verifikator())
    return client


def _buka(client, **kueri):
    return client.get(reverse("kinerja:verifikasi_daftar"), kueri)


def test_the_list_opens_on_the_quarter_with_the_most_submissions_waiting(penelaah):
    _pelaporan(3, 2026, 3)
    _pelaporan(1, 2026, 2, mulai=10)
    _pelaporan(1, 2025, 4, mulai=20)

    respons = _buka(penelaah)

    assert (respons.context["tahun"], respons.context["triwulan"]) == (2026, 3)
    assert "<h1>Verifikasi triwulan III 2026</h1>" in respons.content.decode()
    assert [b.status for b in respons.context["baris"]][:3] == [DIAJUKAN] * 3


def test_more_waiting_in_an_older_quarter_wins_over_a_newer_one(penelaah):
    _pelaporan(2, 2026, 3)
    _pelaporan(4, 2026, 1, mulai=10)

    respons = _buka(penelaah)

    assert (respons.context["tahun"], respons.context["triwulan"]) == (2026, 1)


def test_of_two_quarters_waiting_as_many_the_older_opens_first():
    _pelaporan(2, 2026, 3)
    _pelaporan(2, 2025, 4, mulai=10)

    assert triwulan_verifikasi(menunggu_verifikasi()) == (2025, 4)


def test_with_nothing_waiting_the_list_opens_on_the_last_quarter_that_has_ended(penelaah):
    _pelaporan(2, 2026, 3, status=Pelaporan.Status.DIVERIFIKASI)
    _pelaporan(1, 2026, 4, status=Pelaporan.Status.DRAFT, mulai=10)

    respons = _buka(penelaah)

    assert (respons.context["tahun"], respons.context["triwulan"]) == (2026, 3)
    assert respons.context["menunggu"] == []
    assert "Tidak ada pelaporan yang menunggu verifikasi." in respons.content.decode()


def test_the_quarters_waiting_are_links_above_the_list_newest_first(penelaah):
    _pelaporan(16, 2026, 3)
    _pelaporan(2, 2026, 2, mulai=20)
    _pelaporan(1, 2025, 4, mulai=30)
    _pelaporan(1, 2026, 4, status=Pelaporan.Status.DIKEMBALIKAN, mulai=40)

    html = _buka(penelaah).content.decode()

    awal = html.index('<nav class="periode" aria-label="Menunggu verifikasi">')
    assert awal < html.index("<table")
    nav = html[awal : html.index("</nav>", awal)]
    assert nav.count("<a ") == 3
    assert '<a href="?tahun=2026&amp;triwulan=3" aria-current="page">TW III 2026 (16)</a>' in nav and nav.index(
        "TW III 2026 (16)"
    ) < nav.index("TW II 2026 (2)") < nav.index("TW IV 2025 (1)")
    assert '<a href="?tahun=2026&amp;triwulan=2">TW II 2026 (2)</a>' in nav
    assert '<a href="?tahun=2025&amp;triwulan=4">TW IV 2025 (1)</a>' in nav
    assert "TW IV 2026" not in nav  # returned, not waiting


def test_a_quarter_chosen_in_the_form_is_shown_with_the_waiting_quarters_and_the_status_kept(penelaah):
    _pelaporan(2, 2026, 3)

    respons = _buka(penelaah, tahun=2024, triwulan=1, status="diajukan")

    assert (respons.context["tahun"], respons.context["triwulan"]) == (2024, 1)
    html = respons.content.decode()
    assert '<a href="?tahun=2026&amp;triwulan=3&amp;status=diajukan">TW III 2026 (2)</a>' in html


def test_a_year_without_a_quarter_takes_the_quarter_the_list_would_open_on(penelaah):
    _pelaporan(2, 2026, 2)

    respons = _buka(penelaah, tahun=2025)

    assert (respons.context["tahun"], respons.context["triwulan"]) == (2025, 2)


def test_the_waiting_counts_cover_bidang_submissions_and_every_year():
    per_bidang = _dinas(1, pelaporan_per_bidang=True)
    for bidang in BidangFactory.create_batch(3, opd=per_bidang):
        PelaporanFactory(opd=per_bidang, bidang=bidang, tahun=2026, triwulan=3, status=DIAJUKAN)
    PelaporanFactory(opd=_dinas(2), tahun=2024, triwulan=4, status=DIAJUKAN)

    assert [(m.tahun, m.triwulan, m.jumlah) for m in menunggu_verifikasi()] == [(2026, 3, 3), (2024, 4, 1)]


@pytest.mark.parametrize("banyak", [1, 5], ids=["few", "many"])
def test_the_list_with_its_waiting_quarters_costs_a_fixed_number_of_queries(
    penelaah, django_assert_max_num_queries, banyak
):
    for tw in (1, 2, 3):
        _pelaporan(banyak, 2026, tw, mulai=tw * 10)
    per_bidang = _dinas(99, pelaporan_per_bidang=True)
    BidangFactory.create_batch(banyak, opd=per_bidang)

    # The session, the user, their permissions and groups (4), the session saved (3), the waiting
    # counts (1) and the list (3: agencies, their bidang, submissions).
    with django_assert_max_num_queries(12):
        respons = _buka(penelaah)

    assert respons.status_code == 200
    assert [m.jumlah for m in respons.context["menunggu"]] == [banyak] * 3
