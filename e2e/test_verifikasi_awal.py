"""The reviewer's list opens where submissions wait: in December 2026, with TW IV running and
nothing submitted for it, on TW III, where most of the synthetic region waits; the other quarters
waiting are links above the list."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from kinerja.models import Pelaporan, User
from renstra.models import PerangkatDaerah

from .conftest import simpan_gambar

# TW IV 2026 runs; TW III's deadline (15 October) has passed.
HARI_INI = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _menunggu(kode, operator, tahun, triwulan):
    Pelaporan.objects.create(
        opd=PerangkatDaerah.objects.get(kode=kode),
        tahun=tahun,
        triwulan=triwulan,
        status=Pelaporan.Status.DIAJUKAN,
        diajukan_oleh=User.objects.get(username=operator),
        diajukan_pada=timezone.now(),
    )


@pytest.fixture
def menunggu(demo, time_machine):
    """Twelve synthetic agencies, five of them waiting in TW III 2026 (every earlier quarter
    verified), and one submission waiting in each of TW II 2026 and TW IV 2025. Made before the
    browser opens: Django's ORM is not for the thread of Playwright's event loop (e2e/conftest)."""
    time_machine.move_to(HARI_INI)
    call_command("demo", "--sintetis", "12", stdout=StringIO())
    _menunggu("DSPPPA-BELITUNG", "operator_belitung", 2026, 2)
    _menunggu("DSPPPA-BATUBARA", "operator_batubara", 2025, 4)


def test_the_reviewers_list_opens_on_the_quarter_where_most_submissions_wait(menunggu, masuk):
    halaman = masuk("verifikator")
    halaman.get_by_role("link", name="Verifikasi", exact=True).click()

    expect(halaman.get_by_role("heading", level=1)).to_have_text("Verifikasi triwulan III 2026")
    menunggu = halaman.get_by_role("navigation", name="Menunggu verifikasi")
    expect(menunggu).to_have_text("Menunggu verifikasi: TW III 2026 (5) · TW II 2026 (1) · TW IV 2025 (1)")
    expect(menunggu.get_by_role("link", name="TW III 2026 (5)")).to_have_attribute("aria-current", "page")
    expect(halaman.get_by_role("link", name="Periksa", exact=False)).to_have_count(5)
    simpan_gambar(halaman, "verifikasi-menunggu-tw3")

    menunggu.get_by_role("link", name="TW II 2026 (1)").click()

    expect(halaman.get_by_role("heading", level=1)).to_have_text("Verifikasi triwulan II 2026")
    expect(halaman.get_by_label("Triwulan", exact=True)).to_have_value("2")
    baris = halaman.get_by_role("row").filter(has_text="Kabupaten Belitung")
    expect(baris).to_contain_text("Diajukan")
    expect(halaman.get_by_role("link", name="Periksa", exact=False)).to_have_count(1)
    expect(menunggu.get_by_role("link", name="TW II 2026 (1)")).to_have_attribute("aria-current", "page")
    simpan_gambar(halaman, "verifikasi-menunggu-tw2")
