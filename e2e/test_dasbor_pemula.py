"""What a new user meets on an agency's dashboard (issue 17): a finished year opens on its last
reported quarter with every row measured, a tujuan shows the indicator it shares with its
sasaran, a capaian far above every scale is marked with its reason, a year without a DPA budget
shows the Renstra's pagu indikatif by that name, and the quarter picker looks like the buttons
beside it."""

import re

from playwright.sync_api import expect

from .conftest import simpan_gambar

CATATAN_PMKS = "Rata-rata ini memuat 1 capaian di atas 200% (6.110,00%)."


def _rincian(halaman):
    return halaman.locator("section.laporan-bagian", has_text="Di bawah").locator("tbody tr")


def test_operator_opens_the_finished_year_on_its_fourth_quarter_with_every_node_measured(demo, masuk):
    halaman = masuk("operator_belitung")
    halaman.get_by_role("link", name="Dasbor", exact=True).click()
    halaman.get_by_role("link", name="Dasbor perangkat daerah").click()
    expect(halaman.get_by_role("heading", level=1)).to_contain_text("Kabupaten Belitung")
    assert re.search(r"/dasbor/DSPPPA-BELITUNG/2024/$", halaman.url)
    pilihan = halaman.get_by_label("S.d. triwulan")
    expect(pilihan).to_have_value("4")
    ringkasan = halaman.get_by_label("Ringkasan")
    expect(ringkasan).to_contain_text("Realisasi s.d. TW IV")
    expect(ringkasan).to_contain_text("102,14%")
    # the 6.110% belongs to the tujuan alone, which this mean (sasaran down) leaves out
    expect(ringkasan).not_to_contain_text(CATATAN_PMKS)
    expect(ringkasan).to_contain_text("Pagu DPA 2024")

    # Every tujuan is measured; Tujuan 3 shows the ratio it shares with its sasaran.
    baris = _rincian(halaman)
    expect(baris).to_have_count(3)
    tujuan_3 = baris.nth(2).locator("td")
    expect(tujuan_3.nth(3)).to_have_text("1")
    expect(tujuan_3.nth(4)).to_have_text("71,91%")
    # Tujuan 1's mean is the 6.110% of its one indicator: marked, the reason on hover.
    rata_1 = baris.nth(0).locator("td").nth(4)
    expect(rata_1).to_have_text("6.110,00%*")
    expect(rata_1).to_have_attribute("title", CATATAN_PMKS)

    # The quarter picker is as tall as the buttons beside it, with the site's border and corners.
    tombol = halaman.get_by_role("button", name="Tampilkan")
    kotak_pilihan, kotak_tombol = pilihan.bounding_box(), tombol.bounding_box()
    assert abs(kotak_pilihan["height"] - kotak_tombol["height"]) <= 2, (kotak_pilihan, kotak_tombol)
    gaya = pilihan.evaluate(
        "e => { const g = getComputedStyle(e); return [g.borderTopLeftRadius, g.borderTopWidth, g.fontSize]; }"
    )
    assert gaya == ["6px", "1px", tombol.evaluate("e => getComputedStyle(e).fontSize")]
    simpan_gambar(halaman, "dasbor-pemula-belitung-2024")
    simpan_gambar(halaman, "dasbor-pemula-belitung-2024-penuh", penuh=True)

    # Down to Tujuan 1: the indicator itself is marked.
    baris.nth(0).get_by_role("link").click()
    sel = halaman.locator("section.laporan-bagian", has_text="Indikator tujuan ini").locator("tbody td").nth(4)
    expect(sel).to_have_text("6.110,00%*")
    expect(sel).to_have_attribute("title", re.compile(r"^Capaian di atas 200% \(KINERJA_CAPAIAN_PENCILAN\)"))
    expect(halaman.get_by_label("S.d. triwulan")).to_have_value("4")
    simpan_gambar(halaman, "dasbor-pemula-belitung-2024-tujuan-1", penuh=True)


def test_reviewer_sees_batu_baras_renstra_budget_named_as_such(demo, masuk, live_server):
    halaman = masuk("verifikator")
    halaman.goto(f"{live_server.url}/dasbor/DSPPPA-BATUBARA/2026/")
    ringkasan = halaman.get_by_label("Ringkasan")
    expect(ringkasan).to_contain_text("Pagu indikatif Renstra 2026")
    expect(ringkasan).to_contain_text("Rp 13.924.684.513")
    expect(ringkasan).to_contain_text("Belum ada pagu DPA (induk/perubahan) tahun 2026")
    baris = _rincian(halaman)
    expect(baris).to_have_count(1)
    expect(baris.first.locator("td").nth(3)).to_have_text("3")  # the tujuan's three indicators
    expect(baris.first.locator("td").nth(6)).to_have_text("13.924.684.513")
    expect(halaman.locator("section.laporan-bagian", has_text="Di bawah").locator("thead")).to_contain_text(
        "Pagu indikatif Renstra (Rp)"
    )
    simpan_gambar(halaman, "dasbor-pemula-batubara-2026")
    simpan_gambar(halaman, "dasbor-pemula-batubara-2026-penuh", penuh=True)
