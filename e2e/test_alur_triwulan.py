"""The quarterly workflow in a real browser, as the issue's acceptance criterion walks it: an
operator fills in the late 2024 TW IV of DSPPPA Belitung, the reviewer returns it with a note,
the operator corrects and submits again, the reviewer verifies it and it becomes read-only."""

import datetime
import re
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from .conftest import simpan_gambar

OPD = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Belitung"
IDG = "Indeks Pemberdayaan Gender (IDG)"
# Kedaruratan and Rujukan are cumulative (jumlah triwulan); LKjIP 2024 Lampiran XI prints their
# TW I–III: 7 + 1 + 8 = 16 of 12 (133,33%) and 4 + 1 + 2 = 7 of 5 (140,00%).
KEDARURATAN = "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan kewenangan Kabupaten/Kota"
RUJUKAN = "Jumlah Orang yang Mendapatkan Layanan Rujukan kewenangan Kabupaten/Kota"
PUG = (
    "Jumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan dan Pendampingan Pelaksanaan Pengarusutamaan "
    "Gender (PUG) Termasuk Perencanaan Pembangunan Responsif Gender (PPRG) Kewenangan Kabupaten/Kota"
)
CATATAN = "Lampirkan daftar penerima layanan rujukan."
BUKTI = "daftar-penerima-kedaruratan-tw4.pdf"
# A morning inside Renstra 2024–2026, after the TW IV 2024 deadline (15 January 2025): the nav
# link opens 2025 TW I, the period form offers 2024, and the entry is late.
HARI_INI = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _buka_tw4_2024(halaman):
    """The operator's way to the quarter: the nav link (current quarter), then the period form."""
    halaman.get_by_role("link", name="Isi realisasi").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Realisasi triwulan I 2025")
    halaman.get_by_label("Tahun", exact=True).select_option("2024")
    halaman.get_by_label("Triwulan", exact=True).select_option(label="IV")
    halaman.get_by_role("button", name="Tampilkan").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Realisasi triwulan IV 2024")


def _pk(halaman, uraian):
    """The indicator's id, read from the id of the row whose input is labelled with its name."""
    masukan = halaman.get_by_label(f"Realisasi TW IV: {uraian}", exact=True)
    baris = halaman.locator("tr.baris-indikator").filter(has=masukan)
    return int(baris.get_attribute("id").removeprefix("baris-"))


def _gulir_ke(halaman, pk):
    """Bring a row to the top of the screen, for a screenshot showing it and the rows after it."""
    halaman.locator(f"#baris-{pk}").evaluate("baris => baris.scrollIntoView({block: 'start'})")


def _simpan(halaman):
    halaman.get_by_role("button", name="Simpan").click()


def _pesan(halaman):
    return halaman.locator("ul.pesan")


def _status(halaman):
    return halaman.get_by_role("region", name="Status triwulan")


def _buka_narasi(halaman, pk):
    narasi = halaman.locator(f"#narasi-{pk}")
    narasi.locator("summary").click()
    return narasi


def _keluar(halaman):
    halaman.get_by_role("button", name="Keluar").click()
    expect(halaman.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()


def _periksa_sebagai_verifikator(masuk, status):
    """The reviewer's way to the submission: nav, the period form, the agency's row, its link."""
    halaman = masuk("verifikator")
    halaman.get_by_role("link", name="Verifikasi", exact=True).click()
    halaman.get_by_label("Tahun", exact=True).fill("2024")
    halaman.get_by_label("Triwulan", exact=True).select_option(label="IV")
    halaman.get_by_role("button", name="Tampilkan").click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Verifikasi triwulan IV 2024")
    baris = halaman.get_by_role("row").filter(has=halaman.get_by_role("rowheader", name=OPD, exact=True))
    expect(baris).to_contain_text(status)
    expect(baris.locator(".lencana")).to_have_text("terlambat")
    return halaman, baris


def test_operator_fills_late_quarter_reviewer_returns_then_verifies(demo, settings, tmp_path, time_machine, masuk):
    settings.MEDIA_ROOT = tmp_path
    time_machine.move_to(HARI_INI)

    # 1. The operator opens 2024 TW IV; a seeded row shows the LKjIP's capaian and predikat.
    halaman = masuk("operator_belitung")
    _buka_tw4_2024(halaman)
    expect(_status(halaman)).to_contain_text("sudah lewat: isian ditandai terlambat")
    idg, kedaruratan, rujukan, pug = (_pk(halaman, u) for u in (IDG, KEDARURATAN, RUJUKAN, PUG))
    expect(halaman.locator(f"#capaian-{idg}")).to_have_text("100,07%")
    expect(halaman.locator(f"#predikat-{idg}")).to_have_text("Sangat baik")
    expect(halaman.locator(f"#sd-{idg}")).to_have_text("53,47")
    expect(halaman.locator(f"#capaian-{kedaruratan}")).to_have_text("133,33%")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("140,00%")
    halaman.locator(f"#baris-{idg}").scroll_into_view_if_needed()
    simpan_gambar(halaman, "alur-01-idg-capaian-100-07-sangat-baik")

    # 2. Indonesian numbers, previewed live by the server.
    masukan_kedaruratan = halaman.locator(f"#id_r{kedaruratan}-nilai")
    masukan_rujukan = halaman.locator(f"#id_r{rujukan}-nilai")
    masukan_kedaruratan.fill("1.2,5")
    masukan_rujukan.fill("4")
    expect(halaman.locator(f"#sd-{rujukan}")).to_have_text("11")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("220,00%")
    expect(halaman.locator(f"#predikat-{rujukan}")).to_have_text("Sangat baik")
    expect(halaman.locator(f"#galat-{kedaruratan}")).to_contain_text('"1.2,5" bukan angka')
    expect(halaman.locator(f"#capaian-{kedaruratan}")).to_have_text("–")
    _gulir_ke(halaman, kedaruratan)
    simpan_gambar(halaman, "alur-02-pratinjau-galat-dan-capaian")

    # 3. Saving refuses the whole page, names the row and keeps what was typed.
    with halaman.expect_response(lambda r: r.url.endswith("/realisasi/2024/tw-4/")) as jawaban:
        _simpan(halaman)
    assert jawaban.value.status == 400
    ringkasan = halaman.locator(".ringkasan-galat")
    expect(ringkasan).to_contain_text("Belum tersimpan: 1 baris perlu diperbaiki")
    expect(ringkasan.get_by_role("link", name=f"Indikator “{KEDARURATAN}”")).to_be_visible()
    expect(ringkasan).to_contain_text('Realisasi: "1.2,5" bukan angka')
    expect(masukan_rujukan).to_have_value("4")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("220,00%")  # as typed, not as stored
    expect(masukan_kedaruratan).to_have_value("1.2,5")
    expect(masukan_kedaruratan).to_have_attribute("aria-invalid", "true")
    simpan_gambar(halaman, "alur-03-simpan-ditolak-ringkasan-galat")
    ringkasan.get_by_role("link", name=f"Indikator “{KEDARURATAN}”").click()
    expect(halaman).to_have_url(re.compile(rf"#baris-{kedaruratan}$"))
    expect(masukan_kedaruratan).to_be_in_viewport()
    _gulir_ke(halaman, kedaruratan)
    simpan_gambar(halaman, "alur-03-isian-tetap-seperti-diketik")

    # 4. Corrected, the page saves both rows.
    masukan_kedaruratan.fill("12")
    _simpan(halaman)
    expect(_pesan(halaman)).to_contain_text("Tersimpan: 2 realisasi indikator")
    expect(masukan_kedaruratan).to_have_value("12")
    expect(masukan_rujukan).to_have_value("4")
    expect(halaman.locator(f"#sd-{kedaruratan}")).to_have_text("28")
    expect(halaman.locator(f"#capaian-{kedaruratan}")).to_have_text("233,33%")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("220,00%")
    simpan_gambar(halaman, "alur-04-tersimpan")
    _gulir_ke(halaman, kedaruratan)
    simpan_gambar(halaman, "alur-04-capaian-tersimpan")

    # 5. Evidence uploaded in place: the page is not reloaded (a mark set in it survives).
    halaman.evaluate("window.tandaHalaman = 'belum dimuat ulang'")
    narasi = _buka_narasi(halaman, kedaruratan)
    halaman.locator(f"#berkas-{kedaruratan}").set_input_files(
        files=[{"name": BUKTI, "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
    )
    narasi.get_by_role("button", name="Unggah", exact=True).click()
    data_dukung = halaman.locator(f"#dd-{kedaruratan}")
    expect(data_dukung.get_by_role("link", name=BUKTI)).to_be_visible()
    expect(data_dukung.get_by_role("status")).to_have_text(f'Data dukung "{BUKTI}" tersimpan.')
    expect(narasi.locator("summary")).to_contain_text("data dukung (1)")
    assert halaman.evaluate("window.tandaHalaman") == "belum dimuat ulang"
    assert len(list(tmp_path.rglob("*.pdf"))) == 1
    data_dukung.scroll_into_view_if_needed()
    simpan_gambar(halaman, "alur-05-data-dukung-terunggah")

    # 6. Submitting asks for the PUG row first; explained in Keterangan, the quarter goes late.
    halaman.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(halaman.locator(".pesan-error")).to_contain_text("Belum dapat diajukan: 1 indikator belum berisi realisasi")
    expect(halaman.locator(".pesan-error")).to_contain_text(PUG)
    expect(_status(halaman)).to_contain_text("Draf")
    simpan_gambar(halaman, "alur-06-ajukan-ditolak-pug-belum-dijelaskan")
    narasi = _buka_narasi(halaman, pug)
    narasi.get_by_label("Keterangan", exact=True).fill(
        "Advokasi PUG tidak dilaksanakan pada 2024 karena refocusing anggaran."
    )
    _simpan(halaman)
    expect(_pesan(halaman)).to_contain_text("Tersimpan: 1 realisasi indikator")
    halaman.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(_pesan(halaman)).to_contain_text("Triwulan ini telah diajukan untuk diverifikasi.")
    expect(_status(halaman).locator(".status")).to_have_text("Diajukan")
    expect(_status(halaman).locator(".lencana")).to_have_text("terlambat")
    expect(halaman.locator("input.masukan-angka")).to_have_count(0)
    expect(halaman.get_by_role("button", name="Simpan")).to_have_count(0)
    simpan_gambar(halaman, "alur-06-diajukan-terlambat")

    # 7. The reviewer returns it with a note.
    _keluar(halaman)
    halaman, baris = _periksa_sebagai_verifikator(masuk, "Diajukan")
    simpan_gambar(halaman, "alur-07-daftar-verifikasi-diajukan-terlambat")
    baris.get_by_role("link", name=re.compile(r"^Periksa")).click()
    expect(halaman.get_by_role("heading", level=1)).to_have_text(OPD)
    halaman.get_by_label("Catatan untuk operator").fill(CATATAN)
    halaman.get_by_role("button", name="Kembalikan ke operator").click()
    expect(_pesan(halaman)).to_contain_text("dikembalikan")
    expect(_status(halaman).locator(".status")).to_have_text("Dikembalikan")
    expect(halaman.locator(".catatan-verifikator")).to_contain_text(CATATAN)
    simpan_gambar(halaman, "alur-07-dikembalikan-dengan-catatan")

    # 8. The operator sees the note, corrects Rujukan and submits again.
    _keluar(halaman)
    halaman = masuk("operator_belitung")
    _buka_tw4_2024(halaman)
    expect(halaman.locator(".catatan-verifikator")).to_contain_text(f"Dikembalikan oleh verifikator: {CATATAN}")
    expect(_status(halaman).locator(".status")).to_have_text("Dikembalikan")
    masukan_rujukan = halaman.locator(f"#id_r{rujukan}-nilai")
    expect(masukan_rujukan).to_be_editable()
    expect(masukan_rujukan).to_have_value("4")
    simpan_gambar(halaman, "alur-08-catatan-verifikator-dapat-diubah")
    masukan_rujukan.fill("5")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("240,00%")
    _simpan(halaman)
    expect(_pesan(halaman)).to_contain_text("Tersimpan: 1 realisasi indikator")
    expect(halaman.locator(f"#sd-{rujukan}")).to_have_text("12")
    expect(halaman.locator(f"#capaian-{rujukan}")).to_have_text("240,00%")
    _gulir_ke(halaman, rujukan)
    simpan_gambar(halaman, "alur-08-rujukan-diperbaiki")
    halaman.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(_pesan(halaman)).to_contain_text("Triwulan ini telah diajukan untuk diverifikasi.")
    expect(_status(halaman).locator(".status")).to_have_text("Diajukan")

    # 9. The reviewer verifies it.
    _keluar(halaman)
    halaman, baris = _periksa_sebagai_verifikator(masuk, "Diajukan")
    baris.get_by_role("link", name=re.compile(r"^Periksa")).click()
    halaman.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(_pesan(halaman)).to_contain_text("diverifikasi")
    expect(_status(halaman).locator(".status")).to_have_text("Diverifikasi")
    expect(halaman.get_by_role("button", name="Kembalikan ke operator")).to_have_count(0)
    simpan_gambar(halaman, "alur-09-diverifikasi")

    # 10. The operator's quarter is read-only.
    _keluar(halaman)
    halaman = masuk("operator_belitung")
    _buka_tw4_2024(halaman)
    expect(_status(halaman).locator(".status")).to_have_text("Diverifikasi")
    expect(halaman.locator("input.masukan-angka")).to_have_count(0)
    # No narrative field is left to type in; only the discussion takes a note (issue 22: notes
    # change no figure, so they are written whatever the quarter's status).
    expect(halaman.locator("textarea")).to_have_count(1)
    expect(halaman.locator("textarea")).to_have_attribute("name", "isi")
    expect(halaman.get_by_role("button", name="Simpan")).to_have_count(0)
    expect(halaman.get_by_role("button", name="Ajukan untuk verifikasi")).to_have_count(0)
    expect(halaman.locator(f"#baris-{kedaruratan} .nilai-baca")).to_have_text("12")
    expect(halaman.locator(f"#capaian-{idg}")).to_have_text("100,07%")
    simpan_gambar(halaman, "alur-10-diverifikasi-hanya-baca")
