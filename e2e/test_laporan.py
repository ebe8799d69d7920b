"""A reviewer finds a report on the reports page, reads it in the browser and downloads it."""

import re

from playwright.sync_api import expect

from .conftest import simpan_gambar


def test_reviewer_opens_the_quarterly_evaluation_and_downloads_its_pdf_and_xlsx(demo, masuk):
    halaman = masuk("verifikator")
    halaman.get_by_role("link", name="Laporan", exact=True).click()
    expect(halaman.get_by_role("heading", name="Laporan", level=1)).to_be_visible()
    halaman.get_by_label("Tahun", exact=True).fill("2024")
    halaman.get_by_role("button", name="Tampilkan").click()
    simpan_gambar(halaman, "laporan-daftar")

    baris = halaman.locator("tr", has_text="Kabupaten Belitung")
    baris.locator("td").first.get_by_role("link", name="HTML").click()
    expect(halaman.get_by_text("EVALUASI KINERJA TRIWULAN", exact=False).first).to_be_visible()
    pmks = halaman.locator("tr", has_text="Persentase PMKS yang tertangani atau mendapatkan layanan").first
    expect(pmks).to_contain_text("97,62")
    expect(pmks).to_contain_text("98,82%")
    simpan_gambar(halaman, "laporan-evaluasi-triwulan")

    halaman.locator("select[name=triwulan]").select_option("2")
    halaman.get_by_role("button", name="Tampilkan").click()
    expect(halaman).to_have_url(re.compile(r"triwulan=2"))

    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="XLSX").click()
    assert unduhan.value.suggested_filename == "evaluasi-triwulan-dspppa-belitung-2024-tw2.xlsx"
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="PDF").click()
    assert unduhan.value.suggested_filename == "evaluasi-triwulan-dspppa-belitung-2024-tw2.pdf"


def test_operator_folds_a_branch_of_the_pohon_kinerja(demo, masuk, live_server):
    halaman = masuk("operator_belitung")
    halaman.goto(f"{live_server.url}/laporan/DSPPPA-BELITUNG/2024/pohon-kinerja/")
    expect(halaman.get_by_text("POHON KINERJA", exact=False).first).to_be_visible()
    sub = halaman.locator(".pohon-kotak", has_text="Sub Kegiatan 1.06.01.2.01.0001").first
    expect(sub).to_be_visible()
    simpan_gambar(halaman, "laporan-pohon-kinerja")

    halaman.locator("summary", has_text="Kegiatan 1.06.01.2.01").first.click()
    expect(sub).to_be_hidden()
    halaman.locator("summary", has_text="Kegiatan 1.06.01.2.01").first.click()
    expect(sub).to_be_visible()
