"""The Bappeda's quarter in a real browser, as issue 22's acceptance criterion walks it: DSPPPA
Belitung's 2024 TW IV is due (days left on the operator's home), then overdue (the lateness board),
the daily reminder reaches its operator once, the operator submits, the reviewer writes a finding
and a recommendation and verifies, and the quarter's Berita Acara holds them."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from kinerja.models import Pengingat, TindakLanjut, User

from .conftest import simpan_gambar

WIB = ZoneInfo("Asia/Jakarta")
OPD = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Belitung"
PUG = (
    "Jumlah Perangkat Daerah yang Mengikuti Advokasi Kebijakan dan Pendampingan Pelaksanaan Pengarusutamaan "
    "Gender (PUG) Termasuk Perencanaan Pembangunan Responsif Gender (PPRG) Kewenangan Kabupaten/Kota"
)
KEDARURATAN = "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan kewenangan Kabupaten/Kota"
RUJUKAN = "Jumlah Orang yang Mendapatkan Layanan Rujukan kewenangan Kabupaten/Kota"
TEMUAN = "Data dukung layanan rujukan TW IV belum dilampirkan."
REKOMENDASI = "Lampirkan daftar penerima layanan rujukan pada isian TW I 2025."
# TW IV 2024 is due by 15 January 2025 (KINERJA_BATAS_WAKTU_TRIWULAN).
JATUH_TEMPO = datetime.datetime(2025, 1, 10, 9, 0, tzinfo=WIB)
TERLAMBAT = datetime.datetime(2025, 1, 17, 7, 0, tzinfo=WIB)


def _keluar(halaman):
    halaman.get_by_role("button", name="Keluar").click()
    expect(halaman.get_by_role("heading", name="Masuk ke Kinerja")).to_be_visible()


def _baris_belitung(halaman, triwulan="TW IV"):
    return halaman.locator("tr").filter(has_text=OPD).filter(has_text=triwulan)


def test_a_quarter_goes_from_due_to_overdue_to_reminded_to_submitted_to_verified_with_its_berita_acara(
    demo, settings, tmp_path, time_machine, masuk, live_server
):
    settings.MEDIA_ROOT = tmp_path
    settings.KINERJA_URL_SITUS = live_server.url
    User.objects.filter(username="operator_belitung").update(email="operator@belitung.go.id")

    # 1. Five days before the deadline: the operator's home says the quarter is due.
    time_machine.move_to(JATUH_TEMPO)
    halaman = masuk("operator_belitung")
    halaman.get_by_role("link", name="Dasbor", exact=True).click()
    expect(halaman.get_by_text("Jatuh tempo", exact=False).first).to_be_visible()
    expect(halaman.get_by_text("5 hari lagi").first).to_be_visible()
    simpan_gambar(halaman, "tenggat-01-beranda-jatuh-tempo")
    _keluar(halaman)

    # 2. Two days after it: the reviewer's lateness board shows Belitung's TW IV overdue.
    time_machine.move_to(TERLAMBAT)
    halaman = masuk("verifikator")
    halaman.goto(f"{live_server.url}/dasbor/keterlambatan/?tahun=2024")
    baris = _baris_belitung(halaman)
    expect(baris).to_contain_text("Terlambat 2 hari")
    simpan_gambar(halaman, "tenggat-02-papan-terlambat")

    # 3. The daily reminder (the systemd timer runs `manage.py pengingat`) reaches the operator
    # once, however often it runs that day; the board counts it.
    call_command("pengingat")
    terkirim = len(mail.outbox)
    call_command("pengingat")
    assert len(mail.outbox) == terkirim  # the second run of the day sends nothing again
    # (the demo's earlier quarters of 2024 were never submitted either: each has its reminder)
    surat = [m for m in mail.outbox if "operator@belitung.go.id" in m.to and "TW IV 2024" in m.subject]
    assert len(surat) == 1, [m.subject for m in mail.outbox]
    assert "terlambat" in surat[0].body.lower() and f"{live_server.url}/realisasi/" in surat[0].body
    assert Pengingat.objects.filter(penerima__username="operator_belitung", tahun=2024, triwulan=4).count() == 1
    halaman.reload()
    expect(_baris_belitung(halaman).locator("td").nth(7)).to_have_text("1")
    simpan_gambar(halaman, "tenggat-03-papan-pengingat-terkirim")
    _keluar(halaman)

    # 4. The operator enters the two empty rows, explains the third, and submits, late.
    halaman = masuk("operator_belitung")
    halaman.goto(f"{live_server.url}/realisasi/2024/tw-4/")
    halaman.get_by_label(f"Realisasi TW IV: {KEDARURATAN}", exact=True).fill("12")
    halaman.get_by_label(f"Realisasi TW IV: {RUJUKAN}", exact=True).fill("4")
    pug = halaman.locator("tr.baris-indikator").filter(has=halaman.get_by_label(f"Realisasi TW IV: {PUG}", exact=True))
    pk = int(pug.get_attribute("id").removeprefix("baris-"))
    narasi = halaman.locator(f"#narasi-{pk}")
    narasi.locator("summary").click()
    narasi.get_by_label("Keterangan", exact=True).fill("Advokasi PUG tidak dilaksanakan pada 2024 karena refocusing.")
    halaman.get_by_role("button", name="Simpan").click()
    expect(halaman.locator("ul.pesan")).to_contain_text("Tersimpan")
    halaman.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(halaman.locator("ul.pesan")).to_contain_text("Triwulan ini telah diajukan untuk diverifikasi.")
    _keluar(halaman)

    # 5. The reviewer writes a finding and a recommendation, then verifies the quarter.
    halaman = masuk("verifikator")
    halaman.goto(f"{live_server.url}/verifikasi/DSPPPA-BELITUNG/2024/tw-4/")
    expect(halaman.get_by_role("heading", level=1)).to_have_text(OPD)
    for jenis, isi in (("Temuan", TEMUAN), ("Rekomendasi", REKOMENDASI)):
        formulir = halaman.locator("form").filter(has=halaman.get_by_role("button", name="Kirim catatan"))
        formulir.get_by_label("Jenis").select_option(label=jenis)
        formulir.get_by_label("Catatan", exact=True).fill(isi)
        formulir.get_by_role("button", name="Kirim catatan").click()
        expect(halaman.get_by_text(isi).first).to_be_visible()
    simpan_gambar(halaman, "tenggat-05-diskusi-temuan-rekomendasi")
    halaman.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(halaman.locator("ul.pesan")).to_contain_text("diverifikasi")
    (tindak_lanjut,) = TindakLanjut.objects.filter(opd__kode="DSPPPA-BELITUNG")
    assert (tindak_lanjut.tahun, tindak_lanjut.triwulan, tindak_lanjut.rekomendasi.isi) == (2025, 1, REKOMENDASI)

    # 6. The board no longer counts it overdue; the Berita Acara holds the finding and the
    # recommendation, and is no draft.
    halaman.goto(f"{live_server.url}/dasbor/keterlambatan/?tahun=2024")
    expect(_baris_belitung(halaman)).to_contain_text("Diverifikasi")
    halaman.goto(f"{live_server.url}/laporan/DSPPPA-BELITUNG/2024/berita-acara/?triwulan=4")
    dokumen = halaman.locator("main")
    expect(dokumen).to_contain_text("BERITA ACARA EVALUASI RENJA TRIWULAN IV")
    expect(dokumen).to_contain_text(TEMUAN)
    expect(dokumen).to_contain_text(REKOMENDASI)
    expect(dokumen).not_to_contain_text("DRAF")
    expect(dokumen).to_contain_text(re.compile(r"Rata-rata capaian"))
    simpan_gambar(halaman, "tenggat-06-berita-acara", penuh=True)
