"""A Bappeda reviewer reads the region of forty-two agencies: sorts by capaian, keeps the
agencies that spend without results, drills down from an agency to one indicator and comes back;
an operator opens their home and finds the quarter the reviewer returned."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kinerja import rules

from .conftest import simpan_gambar

UANG_TANPA_HASIL = "Serapan tinggi, capaian rendah"


@pytest.fixture
def wilayah(django_db_serialized_rollback, transactional_db, settings):
    """The seed demo, the generated region of forty and the demo accounts, committed for the
    live server."""
    settings.DEBUG = True
    call_command("demo", "--akun", "--sintetis", "40", "--seed", "1", stdout=StringIO())
    settings.DEBUG = False


def _persen(teks):
    teks = teks.strip().removesuffix("*")  # the mark of a mean holding a capaian far above every scale
    return rules.parse_angka(teks.rstrip("%")) if teks not in ("", "–") else None


def _kolom(halaman, judul):
    """The texts of one column of the overview's agency rows (the region row left out)."""
    kepala = halaman.locator("table.laporan-tabel thead tr").first.locator("th")
    teks = [t.strip() for t in kepala.all_inner_texts()]
    indeks = next(i for i, t in enumerate(teks) if t.startswith(judul))
    baris = halaman.locator("table.laporan-tabel tbody tr.baris-isi")
    return [b.locator("td").nth(indeks).inner_text() for b in baris.all()]


def test_reviewer_sorts_filters_and_drills_down_to_an_indicator_and_back(wilayah, masuk, live_server):
    halaman = masuk("verifikator")
    halaman.get_by_role("link", name="Dasbor", exact=True).click()
    expect(halaman.get_by_role("heading", name="Dasbor kinerja perangkat daerah")).to_be_visible()
    halaman.get_by_label("Tahun").fill("2026")
    halaman.get_by_label("S.d. triwulan").select_option(label="Triwulan III")
    halaman.get_by_role("button", name="Tampilkan").click()
    ringkasan = halaman.get_by_label("Ringkasan wilayah")
    expect(ringkasan).to_contain_text("Perangkat daerah42")
    expect(halaman.locator("svg.grafik-sebaran .titik")).to_have_count(40)
    simpan_gambar(halaman, "dasbor-wilayah")
    simpan_gambar(halaman, "dasbor-wilayah-penuh", penuh=True)
    halaman.locator(".dasbor-sebaran").scroll_into_view_if_needed()
    simpan_gambar(halaman, "dasbor-wilayah-sebaran")

    # Sort by mean capaian, up then down; agencies without a value stay last.
    halaman.get_by_role("link", name="Rata-rata capaian s.d. TW III").click()
    expect(halaman.locator('th[aria-sort="ascending"]')).to_contain_text("Rata-rata capaian")
    naik = [v for v in map(_persen, _kolom(halaman, "Rata-rata capaian")) if v is not None]
    assert len(naik) == 40 and naik == sorted(naik)
    halaman.get_by_role("link", name="Rata-rata capaian s.d. TW III").click()
    expect(halaman.locator('th[aria-sort="descending"]')).to_contain_text("Rata-rata capaian")
    turun = [v for v in map(_persen, _kolom(halaman, "Rata-rata capaian")) if v is not None]
    assert turun == sorted(naik, reverse=True)

    # The agencies that spend without results, from the quadrant list beside the chart.
    tautan = halaman.locator(".dasbor-kuadran li", has_text=UANG_TANPA_HASIL)
    jumlah = int(tautan.locator(".angka").inner_text())
    tautan.get_by_role("link").click()
    expect(halaman.get_by_label("Kuadran")).to_have_value(UANG_TANPA_HASIL)
    assert _kolom(halaman, "Kuadran") == [UANG_TANPA_HASIL] * jumlah
    expect(halaman.locator("svg.grafik-sebaran .titik")).to_have_count(jumlah)
    assert "urut=-capaian" in halaman.url  # the sort is kept
    simpan_gambar(halaman, "dasbor-wilayah-kuadran")

    # Down from the agency to one indicator.
    halaman.get_by_label("Kuadran").select_option(label="Semua")
    halaman.get_by_label("Cari perangkat daerah").fill("Dinas Sosial Kabupaten Contoh")
    halaman.get_by_role("button", name="Tampilkan").click()
    halaman.get_by_role("link", name="Dinas Sosial Kabupaten Contoh").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Dinas Sosial Kabupaten Contoh")
    expect(halaman.locator("svg.grafik-sebaran .titik")).to_have_count(5)
    simpan_gambar(halaman, "dasbor-opd", penuh=True)
    for level in ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub kegiatan"):
        rincian = halaman.locator("section.laporan-bagian", has_text="Di bawah").locator("tbody tr").first
        expect(rincian.locator("td").nth(1)).to_have_text(level)
        rincian.get_by_role("link").click()
        expect(halaman.locator("nav.remah [aria-current=page]")).to_contain_text(level)
    simpan_gambar(halaman, "dasbor-sub-kegiatan", penuh=True)
    url_sub = halaman.url
    indikator = halaman.locator("section.laporan-bagian", has_text="Indikator sub kegiatan").locator("tbody a").first
    nama = indikator.inner_text()
    indikator.click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text(nama)
    expect(halaman.locator("svg.grafik-garis circle")).not_to_have_count(0)
    expect(halaman.locator("section.laporan-bagian", has_text="per triwulan")).to_contain_text("Triwulan III")
    simpan_gambar(halaman, "dasbor-indikator", penuh=True)

    # And back: the breadcrumb to the sub kegiatan, the browser's back, the region.
    halaman.locator("nav.remah a").last.click()
    assert halaman.url == url_sub
    halaman.go_back()
    expect(halaman.get_by_role("heading", level=1)).to_have_text(nama)
    halaman.go_back()
    assert halaman.url == url_sub
    halaman.locator("nav.remah").get_by_role("link", name="Wilayah").click()
    expect(halaman.get_by_label("Tahun")).to_have_value("2026")
    expect(halaman.get_by_label("S.d. triwulan")).to_have_value("3")
    assert re.search(r"/dasbor/wilayah/\?tahun=2026&triwulan=3$", halaman.url)


def test_operator_home_shows_the_returned_quarter_and_the_weakest_indicators(wilayah, masuk):
    halaman = masuk("operator_contoh")
    halaman.get_by_role("link", name="Dasbor", exact=True).click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Dinas Sosial Kabupaten Contoh")
    kembali = halaman.locator(".dasbor-dikembalikan")
    expect(kembali).to_contain_text("Triwulan III 2026")
    expect(halaman.get_by_role("heading", name=re.compile("Indikator dengan capaian terendah"))).to_be_visible()
    expect(halaman.locator("table.tabel tbody tr")).to_have_count(5)
    simpan_gambar(halaman, "dasbor-beranda-operator", penuh=True)
    kembali.get_by_role("link", name="Triwulan III 2026").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Realisasi triwulan III 2026")
