"""A Bappeda's admin brings in an agency it has never held, from its own Renstra workbook, through
the Impor page alone: the agency is chosen as "new from the file", the preview names what will be
created, and once approved the agency, its Renstra and its reports exist."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connections
from playwright.sync_api import expect

from kinerja import importers
from renstra.models import PerangkatDaerah

from .conftest import simpan_gambar

KODE = "DINSOS-PPPA-CONTOH"


def _baca(fungsi):
    """An ORM read while the browser is open, in a thread of its own (see test_impor_pratinjau)."""

    def jalan():
        try:
            return fungsi()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(1) as pelaksana:
        return pelaksana.submit(jalan).result()


def test_an_agency_never_seen_is_created_from_its_renstra_workbook_on_the_impor_page(
    demo, masuk, live_server, tmp_path
):
    berkas = tmp_path / "renstra-dinsos-contoh.xlsx"
    berkas.write_bytes(importers.templat("renstra", 2025))
    halaman = masuk("admin")

    halaman.goto(f"{live_server.url}/impor/")
    halaman.get_by_label("Format tabel").select_option("renstra")
    halaman.get_by_label("Perangkat daerah").select_option(label="Perangkat daerah baru dari berkas (Renstra lengkap)")
    halaman.get_by_label("Berkas .xlsx").set_input_files(str(berkas))
    halaman.get_by_role("button", name="Periksa berkas").click()
    halaman.wait_for_load_state()

    expect(halaman.get_by_text("Berkas dapat diimpor.")).to_be_visible()
    expect(halaman.locator("p.sub").first).to_contain_text("Perangkat daerah baru dari berkas · periode dari berkas")
    expect(halaman.locator("main")).to_contain_text("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak")
    expect(halaman.locator("main")).to_contain_text("Lembar petunjuk, bukan data.")
    simpan_gambar(halaman, "impor-renstra-pratinjau", penuh=True)
    assert not _baca(lambda: PerangkatDaerah.objects.filter(kode=KODE).exists())

    halaman.get_by_role("button", name="Setujui dan impor").click()
    expect(halaman.get_by_text("Sudah diimpor")).to_be_visible()

    opd = _baca(lambda: PerangkatDaerah.objects.get(kode=KODE))
    assert _baca(lambda: (opd.renstra.get().tahun_awal, opd.renstra.get().tahun_akhir)) == (2025, 2029)
    halaman.goto(f"{live_server.url}/laporan/")
    expect(halaman.locator("main")).to_contain_text(opd.nama)
