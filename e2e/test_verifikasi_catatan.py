"""A return note belongs to the return: the reviewer returns DSPPPA Belitung's late TW IV 2024
with a note, the operator reads it, submits again and it is gone from the entry page; the
reviewer's page then shows no old note above the decision, only the history keeps it, with the
return; the quarter verified, the same."""

import re

import pytest
from playwright.sync_api import expect

from kinerja import services
from kinerja.models import Realisasi, User
from kinerja.selectors import indikator_pelaporan
from renstra.models import PerangkatDaerah

from .conftest import simpan_gambar

OPD = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Belitung"
CATATAN = "Lampirkan daftar penerima layanan rujukan."


@pytest.fixture
def diajukan(demo):
    """Belitung's TW IV 2024 submitted by its operator, the rows the seed leaves empty explained
    in Keterangan. Made before the browser opens (see e2e/conftest)."""
    opd = PerangkatDaerah.objects.get(kode="DSPPPA-BELITUNG")
    operator = User.objects.get(username="operator_belitung")
    pelaporan = services.pelaporan_unit(opd, None, 2024, 4)
    indikator = indikator_pelaporan(opd, 2024)
    for i in services.belum_lengkap(pelaporan, indikator):
        Realisasi.objects.create(
            indikator=i, tahun=2024, triwulan=4, keterangan="Belum ada data.", diubah_oleh=operator
        )
    services.ajukan_pelaporan(user=operator, pelaporan=pelaporan, indikator=indikator)


def _keluar(halaman):
    halaman.get_by_role("button", name="Keluar").click()
    expect(halaman.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()


def _tinjau(masuk):
    """The reviewer's way: nav (the list opens on TW IV 2024, where the submission waits), the row."""
    halaman = masuk("verifikator")
    halaman.get_by_role("link", name="Verifikasi", exact=True).click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Verifikasi triwulan IV 2024")
    baris = halaman.get_by_role("row").filter(has=halaman.get_by_role("rowheader", name=OPD, exact=True))
    baris.get_by_role("link", name=re.compile(r"^(Periksa|Lihat)")).click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text(OPD)
    return halaman


def _linimasa_status(halaman):
    return halaman.locator("ol.linimasa > li").filter(has_text="Status pelaporan")


def test_a_return_note_stays_with_the_return_after_resubmission_and_verification(diajukan, masuk, live_server):
    # Real time: the steps come after the demo's own history (loaded now), newest on the page.

    # The reviewer returns it with a note: the page says who returned it, when, and why.
    halaman = _tinjau(masuk)
    halaman.get_by_label("Catatan untuk operator").fill(CATATAN)
    halaman.get_by_role("button", name="Kembalikan ke operator").click()
    catatan = halaman.locator(".catatan-verifikator")
    expect(catatan).to_have_text(
        re.compile(
            rf"^Dikembalikan oleh Verifikator Bappeda pada \d+\s\w+\s\d{{4}}\spukul\s\d\d\.\d\d: {re.escape(CATATAN)}$"
        )
    )
    simpan_gambar(halaman, "verifikasi-dikembalikan-oleh-pada")

    # The operator reads it on the entry page, and submits again: the note is gone from it.
    _keluar(halaman)
    halaman = masuk("operator_belitung")
    halaman.goto(f"{live_server.url}/realisasi/2024/tw-4/")
    expect(halaman.locator(".catatan-verifikator")).to_have_text(f"Dikembalikan oleh verifikator: {CATATAN}")
    expect(halaman.get_by_label("Jawaban Anda")).to_be_visible()  # answered below the note (issue 22)
    simpan_gambar(halaman, "verifikasi-operator-membaca-catatan")
    halaman.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(halaman.locator("ul.pesan")).to_contain_text("Triwulan ini telah diajukan untuk diverifikasi.")
    expect(halaman.locator(".catatan-verifikator")).to_have_count(0)

    # The reviewer sees no old note above the decision; the history keeps it with the return.
    _keluar(halaman)
    halaman = _tinjau(masuk)
    expect(halaman.get_by_role("heading", name="Keputusan verifikasi")).to_be_visible()
    expect(halaman.locator(".catatan-verifikator")).to_have_count(0)
    langkah = _linimasa_status(halaman)
    expect(langkah.nth(0)).to_contain_text("Dikembalikan → Diajukan")
    expect(langkah.nth(0)).not_to_contain_text(CATATAN)
    expect(langkah.nth(1).locator(".linimasa-alasan")).to_have_text(f"Dikembalikan: {CATATAN}")
    expect(halaman.get_by_text(CATATAN)).to_have_count(1)

    # Verified without a note of its own: still only the return's, in the history.
    halaman.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(halaman.locator("ul.pesan")).to_contain_text("diverifikasi")
    expect(halaman.get_by_role("region", name="Status triwulan").locator(".status")).to_have_text("Diverifikasi")
    expect(halaman.locator(".catatan-verifikator")).to_have_count(0)
    expect(langkah.nth(0)).to_contain_text("Diverifikasi")
    expect(langkah.nth(0)).not_to_contain_text(CATATAN)
    expect(langkah.nth(2).locator(".linimasa-alasan")).to_have_text(f"Dikembalikan: {CATATAN}")
    expect(halaman.get_by_text(CATATAN)).to_have_count(1)
    halaman.get_by_role("heading", name="Riwayat triwulan ini").scroll_into_view_if_needed()
    simpan_gambar(halaman, "verifikasi-setelah-dikembalikan-diajukan-diverifikasi-riwayat")
    halaman.evaluate("window.scrollTo(0, 0)")
    simpan_gambar(halaman, "verifikasi-setelah-dikembalikan-diajukan-diverifikasi")
