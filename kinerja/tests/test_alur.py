"""The workflow of a quarter: draft → diajukan → diverifikasi | dikembalikan, reopening with a
reason, deadlines and lateness, and what reviewers see."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.urls import reverse

from kinerja import services
from kinerja.models import Pelaporan, Realisasi
from kinerja.periode import akhir_triwulan, batas_waktu, sudah_lewat, triwulan_pelaporan
from kinerja.selectors import daftar_pelaporan, ringkasan_pelaporan
from renstra.tests.factories import BidangFactory, IndikatorFactory, PerangkatDaerahFactory, RenstraFactory

from .factories import PelaporanFactory, RealisasiFactory, admin, operator, verifikator
from .halaman import buka, isian_awal, n

pytestmark = pytest.mark.django_db
D = Decimal
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def waktu(*args):
    return datetime.datetime(*args, tzinfo=WIB)


def _isi_semua(dinas, keterangan_ape=""):
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=D(12))
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=8126, penyebut=8324)
    if keterangan_ape:
        RealisasiFactory(indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan=keterangan_ape)


def _url(nama, dinas, *lain):
    return reverse(f"kinerja:{nama}", args=[*lain, 2024, 4])


def _status(dinas):
    return Pelaporan.objects.get(opd=dinas.opd, tahun=2024, triwulan=4).status


# --- submitting -----------------------------------------------------------------------------


def test_a_quarter_is_submitted_only_when_every_indicator_has_a_value_or_an_explanation(client, dinas):
    _isi_semua(dinas)
    client.force_login(dinas.operator)
    html = client.get(dinas.url).content.decode()
    assert "1 belum berisi realisasi atau keterangan</summary>" in html
    assert f'<li><a href="#baris-{dinas.ape.pk}">{dinas.ape.uraian}</a></li>' in html
    html = client.post(_url("ajukan", dinas), follow=True).content.decode()
    assert f"Belum dapat diajukan: 1 indikator belum berisi realisasi atau keterangan: &quot;{dinas.ape}&quot;" in html
    assert not Pelaporan.objects.filter(status=Pelaporan.Status.DIAJUKAN).exists()

    RealisasiFactory(
        indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan="Penilaian APE 2024 belum diumumkan."
    )
    html = client.post(_url("ajukan", dinas), follow=True).content.decode()
    assert "Triwulan ini telah diajukan untuk diverifikasi." in html
    p = Pelaporan.objects.get()
    assert (p.status, p.diajukan_oleh, p.terlambat) == ("diajukan", dinas.operator, False)
    assert p.diajukan_pada == waktu(2024, 12, 20, 10, 0)


def test_indicators_of_a_refocused_sub_kegiatan_are_not_asked(client, dinas):
    _isi_semua(dinas)
    lain = IndikatorFactory(sub_kegiatan__kegiatan=dinas.sub.kegiatan, sub_kegiatan__refocusing=True)
    assert services.belum_lengkap(Pelaporan(opd=dinas.opd, tahun=2024, triwulan=4), [dinas.ape, lain]) == [dinas.ape]


def test_a_submitted_quarter_cannot_be_edited_by_the_operator(client, dinas):
    _isi_semua(dinas, keterangan_ape="Belum dinilai.")
    data = buka(client, dinas)
    client.post(_url("ajukan", dinas))
    assert _status(dinas) == "diajukan"

    respons = client.get(dinas.url)
    assert 'class="masukan-angka"' not in respons.content.decode()
    assert "isiannya tidak dapat diubah" in respons.content.decode()
    ditolak = client.post(dinas.url, data | {n(dinas.darurat): "99"})
    assert ditolak.status_code == 400
    assert "Triwulan IV 2024 sudah diajukan oleh Rina pada 20 Desember 2024 pukul 10.00" in ditolak.content.decode()
    kedua = client.post(_url("ajukan", dinas), follow=True)  # a second click
    assert "Triwulan ini sudah berstatus diajukan." in kedua.content.decode()
    assert Realisasi.objects.get(indikator=dinas.darurat).nilai == 12
    assert Pelaporan.history.filter(history_change_reason="Diajukan").count() == 1


# --- reviewing ------------------------------------------------------------------------------


def _diajukan(client, dinas):
    _isi_semua(dinas, keterangan_ape="Belum dinilai.")
    client.force_login(dinas.operator)
    client.post(_url("ajukan", dinas))
    assert _status(dinas) == "diajukan"


def test_returning_needs_a_note_which_the_operator_then_sees(client, dinas):
    _diajukan(client, dinas)
    client.force_login(verifikator(first_name="Sari"))
    url = reverse("kinerja:putuskan", args=[dinas.opd.kode, 2024, 4])
    html = client.post(url, {"aksi": "kembalikan", "catatan": "  "}, follow=True).content.decode()
    assert "Tulis catatan untuk operator: apa yang perlu diperbaiki." in html
    assert _status(dinas) == "diajukan"

    client.post(url, {"aksi": "kembalikan", "catatan": "Lampirkan daftar penerima layanan rujukan."})
    assert _status(dinas) == "dikembalikan"

    client.force_login(dinas.operator)
    html = client.get(dinas.url).content.decode()
    assert "Dikembalikan oleh verifikator:</strong> Lampirkan daftar penerima layanan rujukan." in html
    assert 'class="masukan-angka"' in html  # editable again
    data = buka(client, dinas)
    assert client.post(dinas.url, data | {n(dinas.darurat): "13"}).status_code == 302
    client.post(_url("ajukan", dinas))
    assert _status(dinas) == "diajukan"


def test_verifying_locks_the_quarter_and_records_who(client, dinas):
    _diajukan(client, dinas)
    sari = verifikator(first_name="Sari")
    client.force_login(sari)
    tinjau = client.get(reverse("kinerja:tinjau", args=[dinas.opd.kode, 2024, 4])).content.decode()
    assert "Keputusan verifikasi" in tinjau and "98,82%" in tinjau
    assert 'class="masukan-angka"' not in tinjau
    client.post(reverse("kinerja:putuskan", args=[dinas.opd.kode, 2024, 4]), {"aksi": "verifikasi"})
    p = Pelaporan.objects.get()
    assert (p.status, p.diverifikasi_oleh) == ("diverifikasi", sari)

    with pytest.raises(services.StatusBerubah, match="sudah berstatus diverifikasi oleh Sari"):
        services.kembalikan_pelaporan(user=sari, pelaporan=p, catatan="Terlambat berpikir.")
    with pytest.raises(services.StatusBerubah, match="sudah diverifikasi oleh Sari"):
        services.ajukan_pelaporan(user=dinas.operator, pelaporan=p, indikator=[])


def test_a_draft_cannot_be_verified(dinas):
    p = PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4)
    with pytest.raises(services.StatusBerubah, match="sudah berstatus draf"):
        services.verifikasi_pelaporan(user=verifikator(), pelaporan=p)
    p.refresh_from_db()
    assert p.status == "draft"


def test_only_an_admin_reopens_and_the_reason_is_in_the_history(client, dinas):
    _diajukan(client, dinas)
    p = Pelaporan.objects.get()
    services.verifikasi_pelaporan(user=verifikator(), pelaporan=p)
    with pytest.raises(PermissionDenied):
        services.buka_kembali_pelaporan(user=verifikator(), pelaporan=p, alasan="Salah ketik")
    with pytest.raises(ValidationError):
        services.buka_kembali_pelaporan(user=admin(), pelaporan=p, alasan=" ")

    pengurus = admin(first_name="Andi")
    client.force_login(pengurus)
    url = reverse("kinerja:buka_kembali", args=[dinas.opd.kode, 2024, 4])
    client.post(url, {"alasan": "Realisasi IDG 2024 dirilis BPS; perlu diperbarui."})
    p.refresh_from_db()
    assert p.status == "draft"
    catatan = p.history.latest()
    assert catatan.history_change_reason == "Dibuka kembali: Realisasi IDG 2024 dirilis BPS; perlu diperbarui."
    assert catatan.history_user == pengurus
    html = client.get(reverse("kinerja:tinjau", args=[dinas.opd.kode, 2024, 4])).content.decode()
    assert "Dibuka kembali: Realisasi IDG 2024 dirilis BPS; perlu diperbarui." in html

    client.force_login(dinas.operator)
    assert 'class="masukan-angka"' in client.get(dinas.url).content.decode()


# --- deadlines ------------------------------------------------------------------------------


def test_quarters_end_and_are_due_on_the_configured_days(settings):
    assert akhir_triwulan(2024, 1) == datetime.date(2024, 3, 31)
    assert akhir_triwulan(2024, 4) == datetime.date(2024, 12, 31)
    assert batas_waktu(2024, 2) == waktu(2024, 7, 15, 23, 59, 59)
    assert batas_waktu(2024, 4) == waktu(2025, 1, 15, 23, 59, 59)
    assert not sudah_lewat(2024, 4, sekarang=waktu(2025, 1, 15, 23, 59))
    assert sudah_lewat(2024, 4, sekarang=waktu(2025, 1, 16, 0, 0))

    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["04-10", "07-10", "10-10", "01-31"]
    assert batas_waktu(2024, 4) == waktu(2025, 1, 31, 23, 59, 59)
    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["03-15", "07-10", "10-10", "01-31"]
    with pytest.raises(ImproperlyConfigured, match="sesudah akhir triwulannya"):
        batas_waktu(2024, 1)
    settings.KINERJA_BATAS_WAKTU_TRIWULAN = ["15 April"]
    with pytest.raises(ImproperlyConfigured, match="BB-HH"):
        batas_waktu(2024, 1)


@pytest.mark.parametrize(
    ("hari_ini", "dilaporkan"),
    [
        (waktu(2025, 1, 10, 8), (2024, 4)),
        (waktu(2025, 1, 16, 8), (2025, 1)),
        (waktu(2025, 4, 15, 20), (2025, 1)),
        (waktu(2025, 4, 16, 8), (2025, 2)),
        (waktu(2025, 12, 31, 23), (2025, 4)),
    ],
)
def test_the_quarter_reported_by_default_is_the_one_just_ended_until_its_deadline(hari_ini, dilaporkan):
    assert triwulan_pelaporan(hari_ini) == dilaporkan


def test_entries_and_submissions_after_the_deadline_are_marked_late(client, dinas, time_machine):
    time_machine.move_to(waktu(2025, 1, 20, 9), tick=False)
    data = buka(client, dinas)
    assert "sudah lewat: isian ditandai terlambat" in client.get(dinas.url).content.decode()
    client.post(dinas.url, data | {n(dinas.darurat): "12"})
    assert Realisasi.objects.get(indikator=dinas.darurat).terlambat
    _isi_semua_sisa(dinas)
    client.post(_url("ajukan", dinas))
    p = Pelaporan.objects.get()
    assert (p.status, p.terlambat) == ("diajukan", True)
    assert p.history.latest().history_change_reason == "Diajukan (terlambat)"


def _isi_semua_sisa(dinas):
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=1, penyebut=2)
    RealisasiFactory(indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan="Belum dinilai.")


def test_an_extension_for_one_agency_moves_its_deadline(client, dinas, time_machine):
    PelaporanFactory(opd=dinas.opd, tahun=2024, triwulan=4, batas_waktu=waktu(2025, 1, 31, 23, 59))
    time_machine.move_to(waktu(2025, 1, 20, 9), tick=False)
    data = buka(client, dinas)
    client.post(dinas.url, data | {n(dinas.darurat): "12"})
    assert not Realisasi.objects.get(indikator=dinas.darurat).terlambat


# --- the reviewers' list --------------------------------------------------------------------


def test_reviewers_list_every_unit_with_status_and_lateness(client, dinas, time_machine):
    time_machine.move_to(waktu(2025, 1, 20, 9), tick=False)
    per_bidang = PerangkatDaerahFactory(kode="DINSOS-B", nama="Dinas Sosial B", pelaporan_per_bidang=True)
    RenstraFactory(opd=per_bidang)
    rehsos = BidangFactory(opd=per_bidang, nama="Rehabilitasi Sosial")
    BidangFactory(opd=per_bidang, nama="Perlindungan dan Jaminan Sosial")
    PelaporanFactory(opd=per_bidang, bidang=rehsos, tahun=2024, triwulan=4, status="diajukan", terlambat=False,
                     diajukan_pada=waktu(2025, 1, 14, 9))  # fmt: skip
    PerangkatDaerahFactory(kode="TANPA-RENSTRA")

    baris = daftar_pelaporan(2024, 4)
    assert [(b.opd.kode, b.bidang and b.bidang.nama, b.status, b.terlambat) for b in baris] == [
        ("DINSOS-B", "Rehabilitasi Sosial", "diajukan", False),
        ("DINSOS-B", None, "draft", True),
        ("DINSOS-B", "Perlindungan dan Jaminan Sosial", "draft", True),
        ("DSPPPA-UJI", None, "draft", True),
    ]
    assert ringkasan_pelaporan(baris) == ([("Draf", 3), ("Diajukan", 1), ("Diverifikasi", 0), ("Dikembalikan", 0)], 3)

    client.force_login(verifikator())
    html = client.get(reverse("kinerja:verifikasi_daftar"), {"tahun": 2024, "triwulan": 4}).content.decode()
    assert html.count("lewat batas, belum diajukan") == 3
    assert f'href="/verifikasi/DINSOS-B/2024/tw-4/?unit={rehsos.pk}">Periksa' in html
    hanya = client.get(reverse("kinerja:verifikasi_daftar"), {"tahun": 2024, "triwulan": 4, "status": "diajukan"})
    assert [b.bidang for b in hanya.context["baris"]] == [rehsos]


def test_the_reviewers_list_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for k in range(6):
        opd = PerangkatDaerahFactory(kode=f"OPD-{k}", pelaporan_per_bidang=k % 2 == 0)
        RenstraFactory(opd=opd)
        BidangFactory.create_batch(3, opd=opd)
        PelaporanFactory(opd=opd, tahun=2024, triwulan=4, status="diajukan", diajukan_oleh=operator(opd=opd))
    with django_assert_num_queries(3):
        assert len(daftar_pelaporan(2024, 4)) == 6 + 3 * 3


def test_the_review_page_shows_the_newest_changes_and_says_how_many_there_are(client, dinas):
    from kinerja.views import RIWAYAT_DITAMPILKAN

    data = buka(client, dinas)
    for k in range(RIWAYAT_DITAMPILKAN + 2):
        data = data | {n(dinas.darurat): str(k + 1)}
        respons = client.post(dinas.url, data, follow=True)
        data = isian_awal(respons)
    client.force_login(verifikator())
    respons = client.get(reverse("kinerja:tinjau", args=[dinas.opd.kode, 2024, 4]))
    assert len(respons.context["riwayat"]) == RIWAYAT_DITAMPILKAN
    terbaru = next(p for p in respons.context["riwayat"] if p.objek.startswith("Realisasi:"))
    assert [(c.lama, c.baru) for c in terbaru.perubahan] == [
        (str(RIWAYAT_DITAMPILKAN + 1), str(RIWAYAT_DITAMPILKAN + 2))
    ]
    assert respons.context["jumlah_riwayat"] == RIWAYAT_DITAMPILKAN + 2 + 1  # and the submission's creation
    assert f"{RIWAYAT_DITAMPILKAN} perubahan terbaru dari {RIWAYAT_DITAMPILKAN + 3}" in respons.content.decode()
