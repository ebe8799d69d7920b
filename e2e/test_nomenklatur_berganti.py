"""A reviewer reads the Evaluasi Renja and the Matriks Renstra of an agency whose plan changes
nomenclature (issue 18): a program without a code, an old kegiatan whose budget (APBD and DAK)
sits on its own row, and the program replacing it from the last year."""

from playwright.sync_api import expect

from kinerja.tests.factories import renstra_nomenklatur_berganti
from renstra.tests.factories import PerangkatDaerahFactory

from .conftest import simpan_gambar


def test_reviewer_reads_old_and_new_nomenclature_in_renja_and_matriks(demo, masuk, live_server):
    opd = PerangkatDaerahFactory(kode="DINSOS-LAMA", nama="Dinas Sosial Kabupaten Lama", singkatan="Dinsos Lama")
    renstra_nomenklatur_berganti(opd)
    halaman = masuk("verifikator")

    halaman.goto(f"{live_server.url}/laporan/DINSOS-LAMA/2025/evaluasi-renja/")
    kegiatan = halaman.locator("tr", has_text="Pelayanan Anak Terlantar")
    expect(kegiatan).to_have_count(1)
    expect(kegiatan).to_contain_text("tanpa kode")
    expect(kegiatan).to_contain_text("150.000.000")
    expect(halaman.locator("tr", has_text="Program Rehabilitasi Sosial")).to_have_count(0)
    simpan_gambar(halaman, "nomenklatur-evaluasi-renja-2025", penuh=True)

    halaman.goto(f"{live_server.url}/laporan/DINSOS-LAMA/2025/matriks-renstra/")
    baru = halaman.locator("tr", has_text="menggantikan: tanpa kode Program Pelayanan")
    expect(baru).to_have_count(1)
    expect(baru).to_contain_text("200.000.000")
    expect(halaman.locator("tr", has_text="digantikan oleh: 1.06.04 Program Rehabilitasi Sosial")).to_have_count(1)
    simpan_gambar(halaman, "nomenklatur-matriks-renstra", penuh=True)
