"""Reminders (kinerja/pengingat.py, `manage.py pengingat`): the schedule over a simulated quarter,
each message exactly once, none to submitted or verified units, returned quarters, the
verifikators' digest, the recipients, failures and dry runs, and a bounded number of queries."""

import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import CatatanDiskusi, Pelaporan, Pengingat, TindakLanjut
from kinerja.pengingat import Pengirim, kirim_pengingat
from renstra.tests.factories import BidangFactory, PerangkatDaerahFactory, RenstraFactory

from .factories import PelaporanFactory, operator, verifikator

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
S = Pelaporan.Status


def pukul(tanggal, jam=7):
    return datetime.datetime(tanggal.year, tanggal.month, tanggal.day, jam, 0, tzinfo=WIB)


def hari(bulan, tgl, tahun=2025):
    return datetime.date(tahun, bulan, tgl)


def agensi(kode="DINSOS-A", nama="Dinas Sosial Kabupaten Uji", **kwargs):
    """An agency with a Renstra 2025–2029 whose TW I and II 2025 are verified: only TW III 2025
    (deadline 15 Oktober 2025) is due in October 2025."""
    opd = PerangkatDaerahFactory(kode=kode, nama=nama, **kwargs)
    RenstraFactory(opd=opd, tahun_awal=2025, tahun_akhir=2029)
    for tw in (1, 2):
        PelaporanFactory(opd=opd, tahun=2025, triwulan=tw, status=S.DIVERIFIKASI)
    return opd


def jalankan_harian(time_machine, dari, sampai, setiap_hari=None, jam=(7, 19)):
    """Run the reminders at each hour of `jam` on every day from `dari` to `sampai`; returns
    {day: [(recipient, subject), ...]} of the mail sent that day."""
    per_hari = {}
    tanggal = dari
    while tanggal <= sampai:
        if setiap_hari:
            setiap_hari(tanggal)
        awal = len(mail.outbox)
        for j in jam:
            time_machine.move_to(pukul(tanggal, j), tick=False)
            kirim_pengingat()
        per_hari[tanggal] = [(m.to[0], m.subject) for m in mail.outbox[awal:]]
        tanggal += datetime.timedelta(days=1)
    return per_hari


def hari_terkirim(per_hari, alamat):
    return [d for d, daftar in per_hari.items() for to, _ in daftar if to == alamat]


HARI_PENGINGAT_TW_III = [
    hari(10, 8),  # 7 days before
    hari(10, 12),  # 3 days before
    hari(10, 14),  # 1 day before
    hari(10, 15),  # the day
    hari(10, 16),  # overdue 1
    hari(10, 19),  # overdue 4
    hari(10, 22),  # overdue 7
    hari(10, 25),  # overdue 10
]


def test_each_operator_gets_each_reminder_of_the_quarter_exactly_once_when_run_twice_a_day(time_machine):
    opd = agensi()
    rina = operator(opd, email="rina@contoh.go.id", first_name="Rina")
    budi = operator(opd, email="budi@contoh.go.id")

    per_hari = jalankan_harian(time_machine, hari(9, 30), hari(10, 25))

    for u in (rina, budi):
        assert hari_terkirim(per_hari, u.email) == HARI_PENGINGAT_TW_III
    assert Pengingat.objects.filter(penerima=rina).count() == 8
    jenis = list(Pengingat.objects.filter(penerima=rina).order_by("dikirim_pada").values_list("jenis", flat=True))
    assert jenis == ["sebelum"] * 3 + ["hari-ini"] + ["terlambat"] * 4


def test_reminders_stop_once_the_quarter_is_submitted(time_machine):
    opd = agensi()
    rina = operator(opd, email="rina@contoh.go.id")

    def ajukan_pada_17_oktober(tanggal):
        if tanggal == hari(10, 17):
            Pelaporan.objects.create(opd=opd, tahun=2025, triwulan=3, status=S.DIAJUKAN, diajukan_pada=pukul(tanggal))

    per_hari = jalankan_harian(time_machine, hari(9, 30), hari(10, 25), ajukan_pada_17_oktober)

    assert hari_terkirim(per_hari, rina.email) == HARI_PENGINGAT_TW_III[:5]


def test_no_reminder_goes_to_a_verified_or_submitted_unit(time_machine):
    diverifikasi, diajukan = agensi("A"), agensi("B")
    PelaporanFactory(opd=diverifikasi, tahun=2025, triwulan=3, status=S.DIVERIFIKASI)
    PelaporanFactory(opd=diajukan, tahun=2025, triwulan=3, status=S.DIAJUKAN)
    operator(diverifikasi, email="a@contoh.go.id")
    operator(diajukan, email="b@contoh.go.id")

    jalankan_harian(time_machine, hari(10, 1), hari(10, 25), jam=(7,))

    assert not [m for m in mail.outbox if m.to[0] in ("a@contoh.go.id", "b@contoh.go.id")]


def test_no_reminder_for_a_quarter_before_the_agencys_renstra(time_machine):
    opd = PerangkatDaerahFactory()
    RenstraFactory(opd=opd, tahun_awal=2025, tahun_akhir=2029)
    operator(opd, email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(1, 14)), tick=False)  # 1 day before TW IV 2024's deadline

    hasil = kirim_pengingat()

    assert sum(hasil.terkirim.values()) == 0 and mail.outbox == []


def test_the_message_names_the_agency_quarter_deadline_days_and_links_to_the_entry_page(time_machine, settings):
    settings.KINERJA_URL_SITUS = "https://kinerja.contohkab.go.id/"
    opd = agensi(nama="Dinas Sosial P3A Kabupaten Uji")
    operator(opd, email="rina@contoh.go.id", first_name="Rina", last_name="Wati")
    time_machine.move_to(pukul(hari(10, 12)), tick=False)

    kirim_pengingat()

    (pesan,) = mail.outbox
    assert pesan.subject == "Pengingat: isian TW III 2025 Dinas Sosial P3A Kabupaten Uji jatuh tempo 3 hari lagi"
    assert pesan.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Yth. Rina Wati," in pesan.body
    assert "Batas waktu      : 15 Oktober 2025 pukul 23.59" in pesan.body
    assert "tinggal 3 hari lagi" in pesan.body
    assert "https://kinerja.contohkab.go.id/realisasi/2025/tw-3/\n" in pesan.body
    assert "&amp;" not in pesan.body
    catatan = Pengingat.objects.get()
    assert (catatan.opd, catatan.tahun, catatan.triwulan, catatan.saluran) == (opd, 2025, 3, "email")
    assert catatan.alasan == "3 hari sebelum batas waktu 15 Oktober 2025"


def test_an_overdue_message_says_how_many_days_late(time_machine):
    opd = agensi()
    operator(opd, email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 19)), tick=False)

    kirim_pengingat()

    (pesan,) = mail.outbox
    assert pesan.subject == "Isian TW III 2025 Dinas Sosial Kabupaten Uji terlambat 4 hari"
    assert "sudah terlambat 4 hari" in pesan.body


def test_a_bidang_unit_reminds_its_own_operators_and_those_without_a_bidang(time_machine):
    opd = agensi(pelaporan_per_bidang=True)
    sosial, p3a = BidangFactory(opd=opd, nama="Bidang Sosial"), BidangFactory(opd=opd, nama="Bidang P3A")
    for unit in (None, p3a):
        PelaporanFactory(opd=opd, bidang=unit, tahun=2025, triwulan=3, status=S.DIAJUKAN)
    operator(opd, bidang=sosial, email="sosial@contoh.go.id")
    operator(opd, bidang=p3a, email="p3a@contoh.go.id")
    operator(opd, email="umum@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 15)), tick=False)

    kirim_pengingat()

    terkirim = sorted((m.to[0], m.subject) for m in mail.outbox if "TW III" in m.subject)  # TW I, II: the bidang's
    judul = "Hari ini batas waktu isian TW III 2025 Dinas Sosial Kabupaten Uji — Bidang Sosial"
    assert terkirim == [("sosial@contoh.go.id", judul), ("umum@contoh.go.id", judul)]
    assert f"/realisasi/2025/tw-3/?unit={sosial.pk}" in mail.outbox[0].body


def test_users_without_an_email_address_are_skipped_and_counted(time_machine):
    opd = agensi()
    operator(opd, email="")
    operator(opd, email="rina@contoh.go.id")
    operator(opd, email="budi@contoh.go.id", is_active=False)
    time_machine.move_to(pukul(hari(10, 15)), tick=False)

    hasil = kirim_pengingat()

    assert [m.to for m in mail.outbox] == [["rina@contoh.go.id"]]
    assert hasil.tanpa_alamat == 1


def test_a_returned_quarter_reminds_its_operators_once_after_three_days(time_machine):
    opd = agensi()
    rina = operator(opd, email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 3), 9), tick=False)
    p = PelaporanFactory(opd=opd, tahun=2025, triwulan=3, status=S.DIAJUKAN, diajukan_pada=pukul(hari(10, 3)))
    time_machine.move_to(pukul(hari(10, 4), 14), tick=False)
    p.status, p.catatan = S.DIKEMBALIKAN, "Lengkapi data dukung indikator 2."
    p.save()
    time_machine.move_to(pukul(hari(10, 5), 14), tick=False)
    p.save()  # another history row while returned (e.g. an extension): not another return

    per_hari = jalankan_harian(time_machine, hari(10, 4), hari(10, 11))

    dikembalikan = [(d, s) for d, daftar in per_hari.items() for _, s in daftar if "dikembalikan" in s]
    assert dikembalikan == [
        (hari(10, 7), "TW III 2025 Dinas Sosial Kabupaten Uji dikembalikan verifikator dan belum diajukan lagi")
    ]
    assert hari_terkirim(per_hari, rina.email) == [hari(10, 7), hari(10, 8)]  # and 7 days before the deadline
    pesan = next(m for m in mail.outbox if "dikembalikan" in m.subject)
    assert "dikembalikan verifikator pada 4 Oktober 2025 (3 hari yang lalu)" in pesan.body
    assert "Lengkapi data dukung indikator 2." in pesan.body


def test_a_quarter_returned_again_reminds_again(time_machine):
    opd = agensi()
    operator(opd, email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 1), 9), tick=False)
    p = PelaporanFactory(opd=opd, tahun=2025, triwulan=3, status=S.DIKEMBALIKAN)
    time_machine.move_to(pukul(hari(10, 4)), tick=False)
    kirim_pengingat()
    time_machine.move_to(pukul(hari(10, 4), 10), tick=False)
    p.status = S.DIAJUKAN
    p.save()
    p.status = S.DIKEMBALIKAN
    p.save()
    time_machine.move_to(pukul(hari(10, 7)), tick=False)
    kirim_pengingat()

    assert Pengingat.objects.filter(jenis="dikembalikan").count() == 2


def test_each_verifikator_gets_one_digest_a_day_of_what_waits_oldest_first(time_machine):
    a, b = agensi("A", "Dinas A"), agensi("B", "Dinas B")
    PelaporanFactory(opd=b, tahun=2025, triwulan=3, status=S.DIAJUKAN, diajukan_pada=pukul(hari(10, 2)))
    PelaporanFactory(opd=a, tahun=2025, triwulan=3, status=S.DIAJUKAN, diajukan_pada=pukul(hari(10, 6)))
    sari = verifikator(email="sari@bappeda.go.id")
    verifikator(email="")

    per_hari = jalankan_harian(time_machine, hari(10, 7), hari(10, 8))

    for d in (hari(10, 7), hari(10, 8)):
        assert [s for to, s in per_hari[d] if to == sari.email] == [
            f"Ringkasan verifikasi {d.day} Oktober 2025: 2 pelaporan menunggu keputusan Anda"
        ]
    isi = mail.outbox[-1].body
    assert isi.index("Dinas B, TW III 2025: diajukan 2 Oktober 2025 (6 hari menunggu)") < isi.index("Dinas A")
    assert "http://localhost:8000/verifikasi/\n" in isi
    assert "http://localhost:8000/verifikasi/B/2025/tw-3/" in isi


def test_no_digest_when_nothing_waits(time_machine):
    PelaporanFactory(opd=agensi(), tahun=2025, triwulan=3, status=S.DIVERIFIKASI)
    verifikator(email="sari@bappeda.go.id")
    time_machine.move_to(pukul(hari(10, 7)), tick=False)

    kirim_pengingat()

    assert mail.outbox == []


class PengirimGagal(Pengirim):
    def kirim(self, penerima_alamat, subjek, isi):
        raise OSError("SMTP tidak dapat dihubungi")


class PengirimCatat(Pengirim):
    saluran = "uji"
    terkirim = []

    def kirim(self, penerima_alamat, subjek, isi):
        self.terkirim.append((penerima_alamat, subjek))


def test_a_failed_send_leaves_no_record_so_the_next_run_retries(time_machine):
    operator(agensi(), email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 15)), tick=False)

    gagal = kirim_pengingat(pengirim=PengirimGagal())
    assert (gagal.gagal, Pengingat.objects.count()) == (1, 0)

    time_machine.move_to(pukul(hari(10, 15), 8), tick=False)
    ulang = kirim_pengingat()
    assert (ulang.terkirim["hari-ini"], Pengingat.objects.count(), len(mail.outbox)) == (1, 1, 1)


def test_the_sender_is_chosen_by_a_setting_and_recorded_as_the_channel(time_machine, settings):
    settings.KINERJA_PENGINGAT_PENGIRIM = "kinerja.tests.test_pengingat.PengirimCatat"
    PengirimCatat.terkirim = []
    operator(agensi(), email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 15)), tick=False)

    kirim_pengingat()

    assert len(PengirimCatat.terkirim) == 1 and mail.outbox == []
    assert Pengingat.objects.get().saluran == "uji"


def test_the_dry_run_records_and_sends_nothing_and_says_what_would_go(time_machine):
    operator(agensi(), email="rina@contoh.go.id")
    operator(agensi("B"), email="")
    keluar = io.StringIO()

    call_command("pengingat", "--sekarang", "2025-10-15 07:00", "--kering", stdout=keluar)

    assert Pengingat.objects.count() == 0 and mail.outbox == []
    teks = keluar.getvalue()
    assert "[kering] Pada hari batas waktu → rina@contoh.go.id: Hari ini batas waktu isian TW III 2025" in teks
    assert "akan dikirim 1 (" in teks
    assert "Pengguna tanpa alamat e-mail (dilewati): 1." in teks


def test_the_command_sends_and_a_rerun_sends_nothing(time_machine):
    operator(agensi(), email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 15), 6), tick=False)
    pertama, kedua = io.StringIO(), io.StringIO()

    call_command("pengingat", "--sekarang", "2025-10-16 07:00", stdout=pertama)
    call_command("pengingat", "--sekarang", "2025-10-16 07:30", stdout=kedua)

    assert len(mail.outbox) == 1
    assert "terkirim 1 (sebelum batas waktu 0, pada hari batas waktu 0, terlambat 1," in pertama.getvalue()
    assert "Pengingat 16 Oktober 2025 pukul 07.00" in pertama.getvalue()
    assert "terkirim 0 (" in kedua.getvalue() and "Sudah terkirim sebelumnya (dilewati): 1." in kedua.getvalue()


def _dunia(jumlah):
    for n in range(jumlah):
        opd = agensi(f"OPD-{n}", f"Dinas {n}", pelaporan_per_bidang=n % 2 == 1)
        bidang = BidangFactory(opd=opd)
        for tw in (1, 2):
            PelaporanFactory(opd=opd, bidang=bidang, tahun=2025, triwulan=tw, status=S.DIVERIFIKASI)
        operator(opd, email=f"op{n}@contoh.go.id")
        operator(opd, bidang=bidang, email=f"opb{n}@contoh.go.id")
        PelaporanFactory(opd=opd, tahun=2025, triwulan=3, status=S.DIKEMBALIKAN)
        PelaporanFactory(
            opd=opd, bidang=bidang, tahun=2025, triwulan=3, status=S.DIAJUKAN, diajukan_pada=pukul(hari(10, 10))
        )
    verifikator(email="sari@bappeda.go.id")


def _kueri(kering):
    with CaptureQueriesContext(connection) as kueri:
        kirim_pengingat(kering=kering)
    return len(kueri)


@pytest.mark.parametrize("jumlah", [3, 10])
def test_the_queries_to_find_what_is_due_do_not_grow_with_the_agencies(time_machine, jumlah):
    time_machine.move_to(pukul(hari(10, 1)), tick=False)
    _dunia(jumlah)
    time_machine.move_to(pukul(hari(10, 16)), tick=False)

    kering = _kueri(kering=True)
    hasil = kirim_pengingat()
    ulang = _kueri(kering=False)

    assert hasil.terkirim["terlambat"] == hasil.terkirim["dikembalikan"] == 2 * jumlah - jumlah // 2
    assert hasil.terkirim["ringkasan"] == 1
    assert kering == ulang == 16


def test_the_admin_lists_the_reminders_sent_read_only(admin_client, time_machine):
    operator(agensi(), email="rina@contoh.go.id")
    time_machine.move_to(pukul(hari(10, 15)), tick=False)
    kirim_pengingat()
    catatan = Pengingat.objects.get()

    daftar = admin_client.get(reverse("admin:kinerja_pengingat_changelist") + "?jenis__exact=hari-ini")
    ubah = admin_client.get(reverse("admin:kinerja_pengingat_change", args=[catatan.pk]))

    assert daftar.status_code == 200 and "rina@contoh.go.id" in daftar.content.decode()
    assert ubah.status_code == 200 and 'name="alamat"' not in ubah.content.decode()
    assert admin_client.get(reverse("admin:kinerja_pengingat_add")).status_code == 403
    assert admin_client.post(reverse("admin:kinerja_pengingat_delete", args=[catatan.pk])).status_code == 403


def test_the_admin_lists_the_discussion_and_its_follow_up(admin_client):
    p = PelaporanFactory(opd=agensi(), tahun=2025, triwulan=3, status=S.DIVERIFIKASI)
    rekomendasi = CatatanDiskusi.objects.create(
        pelaporan=p, jenis=CatatanDiskusi.Jenis.REKOMENDASI, isi="Lengkapi data dukung", dari_verifikator=True
    )
    TindakLanjut.objects.create(rekomendasi=rekomendasi, opd=p.opd, tahun=2025, triwulan=4)

    for nama in ("catatandiskusi", "tindaklanjut"):
        halaman = admin_client.get(reverse(f"admin:kinerja_{nama}_changelist"))
        assert halaman.status_code == 200 and "Lengkapi data dukung" in halaman.content.decode()
