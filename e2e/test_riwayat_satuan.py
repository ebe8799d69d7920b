"""What a person reads of issue 17: an indicator's history in an operator's words (item 7),
a count that refuses a fraction on the entry page (item 9), one way to write a moment (item 10)."""

import datetime
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from renstra.models import Indikator

from .conftest import simpan_gambar

RASIO = "Rasio kekerasan terhadap perempuan dan anak"
PENURUNAN = "Persentase penurunan PMKS per tahun"
KEDARURATAN = "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan kewenangan Kabupaten/Kota"
HARI_INI = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
BULAN = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"


def _belitung(uraian):
    return Indikator.objects.get(renstra__opd__kode="DSPPPA-BELITUNG", renstra__tahun_awal=2024, uraian=uraian)


def test_the_history_of_an_indicator_reads_as_an_operator_speaks(demo, live_server, masuk):
    rasio, penurunan = _belitung(RASIO), _belitung(PENURUNAN)
    halaman = masuk("verifikator")

    halaman.goto(f"{live_server.url}/indikator/{penurunan.pk}/riwayat/")
    linimasa = halaman.locator("ol.linimasa")
    dibuat = linimasa.locator("li").last
    expect(dibuat).to_contain_text("Arah")
    expect(dibuat).to_contain_text("Termasuk Indikator Kinerja Utama (IKU).")
    teks = linimasa.inner_text()
    for tidak_berlaku in ("0 dari 0", "Pengali", "negatif", "IKK", "SPM", "Urutan", ": tidak"):
        assert tidak_berlaku not in teks, tidak_berlaku
    kepala = linimasa.locator(".linimasa-kepala time").first.inner_text()
    assert re.fullmatch(rf"\d{{1,2}}\s({BULAN})\s\d{{4}}\spukul\s\d{{2}}\.\d{{2}}", kepala), kepala
    dibuat.scroll_into_view_if_needed()
    simpan_gambar(halaman, "riwayat-indikator-positif")

    halaman.goto(f"{live_server.url}/indikator/{rasio.pk}/riwayat/")
    dibuat = halaman.locator("ol.linimasa li").last
    expect(dibuat).to_contain_text("Cara menghitung capaian")
    expect(dibuat).to_contain_text("Pengali rumus")
    expect(dibuat).to_contain_text("10.000")
    dibuat.scroll_into_view_if_needed()
    simpan_gambar(halaman, "riwayat-indikator-negatif-berumus")


def test_the_entry_page_refuses_a_fraction_of_a_count(demo, settings, tmp_path, time_machine, live_server, masuk):
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to(HARI_INI)
    halaman = masuk("operator_belitung")
    halaman.goto(f"{live_server.url}/realisasi/2024/tw-4/")
    masukan = halaman.get_by_label(f"Realisasi TW IV: {KEDARURATAN}", exact=True)
    pk = int(halaman.locator("tr.baris-indikator").filter(has=masukan).get_attribute("id").removeprefix("baris-"))
    pesan = "Satuan Orang dihitung utuh: tulis 12, bukan 12,34."

    masukan.fill("12,34")
    expect(halaman.locator(f"#galat-{pk}")).to_contain_text(pesan)
    expect(halaman.locator(f"#capaian-{pk}")).to_have_text("–")
    halaman.locator(f"#baris-{pk}").evaluate("baris => baris.scrollIntoView({block: 'center'})")
    simpan_gambar(halaman, "isian-pecahan-ditolak")

    with halaman.expect_response(lambda r: r.url.endswith("/realisasi/2024/tw-4/")) as jawaban:
        halaman.get_by_role("button", name="Simpan").click()
    assert jawaban.value.status == 400
    ringkasan = halaman.locator(".ringkasan-galat")
    expect(ringkasan).to_contain_text(f"Realisasi: {pesan}")
    expect(masukan).to_have_value("12,34")
    expect(masukan).to_have_attribute("aria-invalid", "true")
    expect(halaman.get_by_role("region", name="Status triwulan")).to_contain_text(
        re.compile(r"Batas waktu\s*15\sJanuari\s2025\spukul\s23\.59", re.I)
    )
    simpan_gambar(halaman, "isian-pecahan-ditolak-ringkasan")
