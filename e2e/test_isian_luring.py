"""The offline entry in a real browser: the operator of DSPPPA Belitung downloads the quarter's
workbook from the entry page, and the link back opens the import with its format chosen."""

import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from playwright.sync_api import expect

from .conftest import FOLDER_GAMBAR, simpan_gambar

KEDARURATAN = "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan kewenangan Kabupaten/Kota"
HARI_INI = datetime.datetime(2025, 1, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_operator_downloads_the_quarters_workbook_from_the_entry_page(demo, time_machine, masuk, live_server):
    time_machine.move_to(HARI_INI)
    halaman = masuk("operator_belitung")
    halaman.goto(f"{live_server.url}/realisasi/2024/tw-4/")
    tombol = halaman.get_by_role("link", name="Unduh isian Excel (luring)")
    expect(tombol).to_be_visible()
    halaman.locator(".status-isian").scroll_into_view_if_needed()
    simpan_gambar(halaman, "isian-luring-tombol")
    with halaman.expect_download() as unduhan:
        tombol.click()
    berkas = unduhan.value
    assert berkas.suggested_filename.endswith("-2024-tw4.xlsx")
    FOLDER_GAMBAR.mkdir(parents=True, exist_ok=True)
    tujuan = FOLDER_GAMBAR / "isian-luring.xlsx"
    berkas.save_as(str(tujuan))

    buku = load_workbook(BytesIO(tujuan.read_bytes()))
    ws = buku["Isian"]
    indikator = [ws.cell(row=r, column=6).value for r in range(8, ws.max_row + 1)]
    assert KEDARURATAN in indikator
    data = {baris[0].value: baris[1].value for baris in buku["Kinerja"].iter_rows()}
    assert data["format"] == "isian-triwulan" and data["tahun"] == 2024 and data["triwulan"] == 4
    assert ws.protection.sheet and buku["Kinerja"].sheet_state == "hidden"

    halaman.get_by_role("link", name="Unggah isian luring yang sudah diisi").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Impor buku kerja")
    expect(halaman.get_by_label("Format tabel")).to_have_value("isian-triwulan")
    expect(halaman.get_by_label("Tahun")).to_have_value("2024")
