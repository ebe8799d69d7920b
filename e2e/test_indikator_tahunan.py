"""An indicator measured once a year in a real browser: Belitung's Indeks Pemberdayaan Gender
(published once a year by BPS) made annual. In TW II the operator sees it, not asked; in TW IV it
is asked as the year's realisation and saved; the quarterly evaluation prints it as yearly."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from renstra.models import Indikator

from .conftest import simpan_gambar

IDG = "Indeks Pemberdayaan Gender (IDG)"
HARI_INI = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _buka(halaman, live_server, triwulan):
    halaman.goto(f"{live_server.url}/realisasi/2024/tw-{triwulan}/")
    romawi = {2: "II", 4: "IV"}[triwulan]
    expect(halaman.get_by_role("heading", level=1)).to_have_text(f"Realisasi triwulan {romawi} 2024")


def test_operator_sees_an_annual_indicator_unasked_in_tw_ii_and_enters_it_as_yearly_in_tw_iv(
    demo, settings, tmp_path, time_machine, masuk, live_server
):
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to(HARI_INI)
    idg = Indikator.objects.get(uraian=IDG, renstra__opd__kode="DSPPPA-BELITUNG", renstra__tahun_awal=2024)
    idg.frekuensi = Indikator.Frekuensi.TAHUNAN
    idg.save()

    # TW II: the row is there, says when it is asked, and has no input; the count leaves it out.
    halaman = masuk("operator_belitung")
    _buka(halaman, live_server, 2)
    baris = halaman.locator(f"#baris-{idg.pk}")
    expect(baris).to_contain_text("Diukur tahunan, diisi pada Triwulan IV sebagai realisasi tahunan 2024")
    expect(baris.locator("input, select")).to_have_count(0)
    expect(halaman.get_by_label(f"Realisasi TW II: {IDG}", exact=True)).to_have_count(0)
    baris.scroll_into_view_if_needed()
    simpan_gambar(halaman, "tahunan-01-tw2-tidak-ditanyakan")

    # TW IV: asked as the year's realisation, saved with the quarter that closes the year.
    _buka(halaman, live_server, 4)
    masukan = halaman.get_by_label(f"Realisasi tahunan 2024: {IDG}", exact=True)
    expect(masukan).to_be_visible()
    expect(halaman.locator(f"#baris-{idg.pk}")).to_contain_text("diukur tahunan")
    masukan.fill("54,1")
    expect(halaman.locator(f"#sd-{idg.pk}")).to_have_text("54,10")
    halaman.locator(f"#baris-{idg.pk}").scroll_into_view_if_needed()
    simpan_gambar(halaman, "tahunan-02-tw4-realisasi-tahunan")
    halaman.get_by_role("button", name="Simpan").click()
    expect(halaman.locator("ul.pesan")).to_contain_text("Tersimpan: 1 realisasi indikator")
    assert idg.realisasi.get(tahun=2024, triwulan=4).nilai == Decimal("54.1")

    # The quarterly evaluation: TW I–III say "diukur tahunan", TW IV holds the year's value.
    halaman.goto(f"{live_server.url}/laporan/DSPPPA-BELITUNG/2024/evaluasi-triwulan/?triwulan=4")
    baris = halaman.locator("tr", has_text=IDG).first
    expect(baris).to_contain_text("diukur tahunan: realisasi tahunan 2024 →")
    expect(baris).to_contain_text("54,1")
    expect(halaman.get_by_text("Diukur tahunan (1 indikator: ")).to_be_visible()
    baris.scroll_into_view_if_needed()
    simpan_gambar(halaman, "tahunan-03-evaluasi-triwulan")
