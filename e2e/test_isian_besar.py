"""An agency twice the size of the demo's largest (600 indicators, 400 sub kegiatan) fills its
quarter in a real browser: the entry page comes in parts, each saved on its own with only the
changed rows sent; a save the server refuses as too large leads back to the typing, restored."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from playwright.sync_api import expect

from kinerja.models import Realisasi, RealisasiAnggaran
from kinerja.sintetis import buat_opd_sintetis
from kinerja.tests.factories import operator
from renstra.models import Indikator, Program, SubKegiatan

from .conftest import simpan_gambar

URL = "/realisasi/2026/tw-1/"
PERMASALAHAN = "Data penerima dari kecamatan belum lengkap; diverifikasi ulang bersama Dukcapil."


@pytest.fixture
def besar(django_db_serialized_rollback, transactional_db):
    """600 indicators (1 of the sasaran, 10 of programs, 589 of 400 sub kegiatan), realised in
    2025 only; its operator, committed for the live server."""
    opd = buat_opd_sintetis("DINSOS-BESAR", "Dinas Sosial Kabupaten Besar", seed=5, program=10, kegiatan=5,
                            sub_kegiatan=8, indikator_tambahan=189)  # fmt: skip
    SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).update(refocusing=False)
    pengguna = operator(opd=opd, username="operator_besar", first_name="Rina")
    pengguna.set_password("kinerja-demo")
    pengguna.save()
    assert Indikator.objects.filter(renstra__opd=opd).count() == 600
    assert SubKegiatan.objects.filter(kegiatan__program__renstra__opd=opd).count() == 400
    program = Program.objects.filter(renstra__opd=opd).order_by("kode").last()
    terakhir = list(
        Indikator.objects.filter(sub_kegiatan__kegiatan__program=program).order_by("sub_kegiatan__kode", "pk")[:3]
    )
    sub = SubKegiatan.objects.filter(kegiatan__program=program).order_by("kode").first()
    return opd, program, terakhir, sub, Indikator.objects.get(renstra__opd=opd, sasaran__isnull=False)


def _baca(fungsi):
    """An ORM read while the browser is open, in a thread of its own whose connection is closed
    after: one opened inside Playwright's event loop would outlive the test database."""

    def jalan():
        try:
            return fungsi()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(1) as pelaksana:
        return pelaksana.submit(jalan).result()


def _nilai(halaman, indikator):
    return halaman.locator(f"#id_r{indikator.pk}-nilai")


def _narasi(halaman, indikator, nama="permasalahan"):
    halaman.locator(f"#narasi-{indikator.pk} summary").click()
    return halaman.locator(f"#id_r{indikator.pk}-{nama}")


def _simpan_dan_ukur(halaman):
    """Press Simpan; the form data the browser sent."""
    with halaman.expect_request(lambda r: r.method == "POST" and r.url.split("?")[0].endswith(URL)) as kirim:
        halaman.get_by_role("button", name="Simpan").click()
    return kirim.value.post_data or ""


def test_a_very_large_agency_saves_its_first_and_last_parts(besar, masuk, live_server):
    opd, program, terakhir, sub, sasaran = besar
    halaman = masuk("operator_besar")
    halaman.goto(f"{live_server.url}{URL}")

    # Eleven parts; the first with rows still empty (tujuan and sasaran) is open.
    navigasi = halaman.get_by_role("navigation", name="Bagian isian")
    expect(navigasi.get_by_role("link")).to_have_count(11)
    expect(navigasi.locator('[aria-current="page"]')).to_contain_text("Indikator tujuan dan sasaran 0/1")
    expect(halaman.get_by_role("region", name="Status triwulan")).to_contain_text("0 dari 600 indikator")
    expect(halaman.locator("tr.baris-indikator")).to_have_count(1)
    simpan_gambar(halaman, "isian-besar-01-bagian", penuh=True)

    _nilai(halaman, sasaran).fill("91,5")
    _narasi(halaman, sasaran, "keterangan").fill("Angka sementara dari pendataan TW I.")
    _simpan_dan_ukur(halaman)
    expect(halaman.locator("ul.pesan")).to_contain_text("Tersimpan: 1 realisasi indikator dan 0 realisasi keuangan.")
    # The same part again, now complete; the unit's count follows.
    expect(navigasi.locator('[aria-current="page"]')).to_contain_text("Indikator tujuan dan sasaran 1/1")
    expect(halaman.get_by_role("region", name="Status triwulan")).to_contain_text("1 dari 600 indikator")

    # The last part: three indicator rows and a budget row changed, only they are sent.
    navigasi.get_by_role("link", name=re.compile(re.escape(program.kode))).click()
    expect(navigasi.locator('[aria-current="page"]')).to_contain_text(program.kode)
    for n, i in enumerate(terakhir, start=1):
        _nilai(halaman, i).fill(str(n * 10))
    _narasi(halaman, terakhir[0]).fill(PERMASALAHAN)
    halaman.locator(f"#id_a{sub.pk}-nilai").fill("12.500.000")
    expect(halaman.locator(f"#sd-{terakhir[2].pk}")).to_have_text("30")  # the live preview
    data = _simpan_dan_ukur(halaman)
    expect(halaman.locator("ul.pesan")).to_contain_text("Tersimpan: 3 realisasi indikator dan 1 realisasi keuangan.")
    nama = {kolom.split("=")[0] for kolom in data.split("&")}
    assert nama == {"csrfmiddlewaretoken", "bagian"} | {
        f"{p}-{k}" for p in (f"r{i.pk}" for i in terakhir) for k in ("versi", "asal", "nilai", "rencana_aksi",
                                                                      "permasalahan", "tindak_lanjut", "keterangan")
    } | {f"a{sub.pk}-versi", f"a{sub.pk}-asal", f"a{sub.pk}-nilai"}  # fmt: skip
    print(f"\nSimpan 3 baris indikator dan 1 baris anggaran: {len(nama)} kolom, {len(data.encode())} byte")
    expect(halaman.get_by_role("region", name="Status triwulan")).to_contain_text("4 dari 600 indikator")
    expect(_nilai(halaman, terakhir[1])).to_have_value("20")
    simpan_gambar(halaman, "isian-besar-02-bagian-terakhir-tersimpan")

    tersimpan = _baca(
        lambda: {r.indikator_id: r for r in Realisasi.objects.filter(indikator__renstra__opd=opd, tahun=2026)}
    )
    assert tersimpan[sasaran.pk].nilai == 91.5 and tersimpan[sasaran.pk].keterangan.startswith("Angka sementara")
    assert [tersimpan[i.pk].nilai for i in terakhir] == [10, 20, 30]
    assert tersimpan[terakhir[0].pk].permasalahan == PERMASALAHAN
    assert len(tersimpan) == 4
    assert _baca(lambda: RealisasiAnggaran.objects.get(sub_kegiatan=sub, tahun=2026).nilai) == 12_500_000


def test_a_save_refused_as_too_large_leads_back_to_the_typing_restored(besar, masuk, live_server, settings):
    opd, program, terakhir, _, _ = besar
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10  # three changed rows send 23 fields
    halaman = masuk("operator_besar")
    halaman.goto(f"{live_server.url}{URL}?bagian={program.pk}")
    for n, i in enumerate(terakhir, start=1):
        _nilai(halaman, i).fill(f"{n}5")  # whole numbers: the units are counts
    _narasi(halaman, terakhir[1]).fill(PERMASALAHAN)

    _simpan_dan_ukur(halaman)
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Isian belum tersimpan: kiriman terlalu besar")
    isi = halaman.locator("main")
    expect(isi).to_contain_text("Tidak ada yang disimpan.")
    expect(isi).to_contain_text("lebih dari 10 kolom isian sekaligus")
    expect(isi).to_contain_text("masih disimpan di peramban ini")
    simpan_gambar(halaman, "isian-besar-03-ditolak-terlalu-besar")
    assert not _baca(Realisasi.objects.filter(indikator__renstra__opd=opd, tahun=2026).exists)

    halaman.get_by_role("link", name="Kembali ke halaman isian").click()
    expect(halaman).to_have_url(re.compile(rf"{URL}\?bagian={program.pk}$"))
    kabar = halaman.get_by_role("status").filter(has_text="dipulihkan")
    expect(kabar).to_contain_text("4 isian yang belum tersimpan dipulihkan dari peramban ini.")
    for n, i in enumerate(terakhir, start=1):
        expect(_nilai(halaman, i)).to_have_value(f"{n}5")
    expect(halaman.locator(f"#id_r{terakhir[1].pk}-permasalahan")).to_have_value(PERMASALAHAN)
    expect(halaman.locator(f"#sd-{terakhir[2].pk}")).to_have_text("35")  # the preview of the restored row
    kabar.evaluate("kabar => kabar.scrollIntoView({block: 'start'})")
    simpan_gambar(halaman, "isian-besar-04-pulihan")

    # Within the limit again, the restored typing saves; the draft is gone with it.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
    _simpan_dan_ukur(halaman)
    expect(halaman.locator("ul.pesan")).to_contain_text("Tersimpan: 3 realisasi indikator dan 0 realisasi keuangan.")
    expect(halaman.get_by_role("status").filter(has_text="dipulihkan")).to_be_hidden()
    nilai = _baca(
        lambda: dict(Realisasi.objects.filter(indikator__in=terakhir, tahun=2026).values_list("indikator_id", "nilai"))
    )
    assert [nilai[i.pk] for i in terakhir] == [15, 25, 35]
    halaman.reload()
    expect(halaman.get_by_role("status").filter(has_text="dipulihkan")).to_be_hidden()


def test_discarding_the_restored_typing_shows_the_stored_values(besar, masuk, live_server):
    _, program, terakhir, _, _ = besar
    halaman = masuk("operator_besar")
    halaman.goto(f"{live_server.url}{URL}?bagian={program.pk}")
    _nilai(halaman, terakhir[0]).fill("7")
    halaman.evaluate("() => new Promise((selesai) => setTimeout(selesai, 400))")  # the draft is written
    halaman.once("dialog", lambda dialog: dialog.accept())  # leave, with typing not saved
    halaman.reload()
    kabar = halaman.get_by_role("status").filter(has_text="dipulihkan")
    expect(kabar).to_contain_text("1 isian yang belum tersimpan dipulihkan")
    expect(_nilai(halaman, terakhir[0])).to_have_value("7")
    kabar.get_by_role("button", name="Buang pulihan").click()
    expect(kabar).to_be_hidden()
    expect(_nilai(halaman, terakhir[0])).to_have_value("")
    halaman.reload()
    expect(_nilai(halaman, terakhir[0])).to_have_value("")
    expect(halaman.get_by_role("status").filter(has_text="dipulihkan")).to_be_hidden()
