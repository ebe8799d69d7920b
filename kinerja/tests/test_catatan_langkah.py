"""A note belongs to the workflow step that wrote it: a return's note lives while the quarter is
returned, a verifier's with the verification, a reopening's reason while the quarter is a draft
again; afterwards each is read in the history, with its step."""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.models import Pelaporan

from .factories import PelaporanFactory, RealisasiFactory, admin, verifikator

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
CATATAN = "Lampirkan daftar penerima layanan rujukan."
CATATAN_VERIFIKATOR = "Sudah sesuai dengan LKjIP."
ALASAN = "Realisasi IDG 2024 dirilis BPS; perlu diperbarui."


def pukul(jam, menit=0):
    return datetime.datetime(2024, 12, 20, jam, menit, tzinfo=WIB)


@pytest.fixture
def siap(dinas):
    """The small agency's TW IV 2024 with every row answered, ready to submit."""
    RealisasiFactory(indikator=dinas.darurat, tahun=2024, triwulan=4, nilai=Decimal(12))
    RealisasiFactory(indikator=dinas.rumus, tahun=2024, triwulan=4, nilai=None, pembilang=8126, penyebut=8324)
    RealisasiFactory(indikator=dinas.ape, tahun=2024, triwulan=4, nilai=None, keterangan="Belum dinilai.")
    dinas.sari = verifikator(first_name="Sari", last_name="Wulandari")
    dinas.andi = admin(first_name="Andi")
    return dinas


def _pelaporan(dinas):
    return services.pelaporan_unit(dinas.opd, None, 2024, 4)


def ajukan(dinas, time_machine, jam):
    time_machine.move_to(pukul(jam), tick=False)
    indikator = [dinas.darurat, dinas.rumus, dinas.ape]
    return services.ajukan_pelaporan(user=dinas.operator, pelaporan=_pelaporan(dinas), indikator=indikator)


def kembalikan(dinas, time_machine, jam, catatan=CATATAN):
    time_machine.move_to(pukul(jam), tick=False)
    return services.kembalikan_pelaporan(user=dinas.sari, pelaporan=_pelaporan(dinas), catatan=catatan)


def verifikasi(dinas, time_machine, jam, catatan=""):
    time_machine.move_to(pukul(jam), tick=False)
    return services.verifikasi_pelaporan(user=dinas.sari, pelaporan=_pelaporan(dinas), catatan=catatan)


def buka_kembali(dinas, time_machine, jam, alasan=ALASAN):
    time_machine.move_to(pukul(jam), tick=False)
    return services.buka_kembali_pelaporan(user=dinas.andi, pelaporan=_pelaporan(dinas), alasan=alasan)


def tinjau(client, dinas):
    client.force_login(dinas.sari)
    respons = client.get(reverse("kinerja:tinjau", args=[dinas.opd.kode, 2024, 4]))
    assert respons.status_code == 200
    return respons.content.decode()


def isian(client, dinas):
    client.force_login(dinas.operator)
    return client.get(dinas.url).content.decode()


def linimasa(html):
    """The status entries of the review page's timeline, as text, newest first."""
    daftar = html[html.index('<ol class="linimasa">') :]
    butir = [" ".join(re.sub(r"<[^>]+>", " ", b).split()) for b in re.findall(r"<li>(.*?)</li>", daftar, re.S)]
    return [b for b in butir if "Status pelaporan" in b]


def catatan_halaman(html):
    """The note box at the top of a page, as text ("" when there is none)."""
    kotak = re.search(r'<div class="catatan-verifikator" role="note">(.*?)</div>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", kotak.group(1)).split()) if kotak else ""


# --- the services -------------------------------------------------------------------------


def test_submitting_again_clears_the_return_note_which_the_history_keeps_with_the_return(siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)

    p = ajukan(siap, time_machine, 13)

    p.refresh_from_db()
    assert (p.status, p.catatan) == ("diajukan", "")
    langkah = [(h.history_change_reason, h.catatan) for h in p.history.order_by("history_date", "history_id")]
    assert langkah == [(None, ""), ("Diajukan", ""), ("Dikembalikan", CATATAN), ("Diajukan", "")]  # made, ...


def test_verifying_stores_only_the_verifiers_own_note(siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)
    ajukan(siap, time_machine, 13)

    p = verifikasi(siap, time_machine, 14, catatan=f"  {CATATAN_VERIFIKATOR}\n")

    p.refresh_from_db()
    assert (p.status, p.catatan) == ("diverifikasi", CATATAN_VERIFIKATOR)


def test_verifying_without_a_note_leaves_none(siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)
    ajukan(siap, time_machine, 13)

    p = verifikasi(siap, time_machine, 14)

    p.refresh_from_db()
    assert p.catatan == ""


def test_reopening_stores_only_its_reason_and_submitting_clears_it(siap, time_machine):
    ajukan(siap, time_machine, 10)
    verifikasi(siap, time_machine, 11, catatan=CATATAN_VERIFIKATOR)

    p = buka_kembali(siap, time_machine, 12, alasan=f" {ALASAN} ")

    p.refresh_from_db()
    assert (p.status, p.catatan) == ("draft", ALASAN)
    assert p.history.latest().history_change_reason == f"Dibuka kembali: {ALASAN}"
    p = ajukan(siap, time_machine, 13)
    assert p.catatan == ""


# --- the review page ----------------------------------------------------------------------


def test_the_review_page_of_a_returned_quarter_says_who_returned_it_when_and_why(client, siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11, catatan=f"{CATATAN}\nJuga data dukung APE.")

    html = tinjau(client, siap)

    assert catatan_halaman(html) == (
        f"Dikembalikan oleh Sari Wulandari pada 20 Desember 2024 pukul 11.00: {CATATAN} Juga data dukung APE."
    )
    assert f"{CATATAN}<br>Juga data dukung APE." in html


def test_after_return_resubmit_and_verify_the_review_page_keeps_the_note_with_its_step_only(client, siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)
    ajukan(siap, time_machine, 13)

    html = tinjau(client, siap)
    assert "Keputusan verifikasi" in html
    assert catatan_halaman(html) == ""  # nothing above the decision
    assert html.count(CATATAN) == 1
    assert linimasa(html) == [
        "20 Desember 2024 pukul 13.00 · Rina mengubah Status pelaporan Diajukan Status Dikembalikan → Diajukan",
        f"20 Desember 2024 pukul 11.00 · Sari Wulandari mengubah Status pelaporan Dikembalikan: {CATATAN} "
        "Status Diajukan → Dikembalikan",
        "20 Desember 2024 pukul 10.00 · Rina mengubah Status pelaporan Diajukan Status Draf → Diajukan",
        "20 Desember 2024 pukul 10.00 · Rina mengisi Status pelaporan Status Draf",
    ]

    client.post(reverse("kinerja:putuskan", args=[siap.opd.kode, 2024, 4]), {"aksi": "verifikasi", "catatan": ""})
    html = tinjau(client, siap)

    assert Pelaporan.objects.get().status == "diverifikasi"
    assert catatan_halaman(html) == ""
    assert html.count(CATATAN) == 1
    diverifikasi, _, dikembalikan, *_ = linimasa(html)
    assert diverifikasi.endswith("Sari Wulandari mengubah Status pelaporan Diverifikasi Status Diajukan → Diverifikasi")
    assert f"Dikembalikan: {CATATAN}" in dikembalikan


def test_a_verifiers_own_note_is_shown_with_the_verification(client, siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)
    ajukan(siap, time_machine, 13)
    verifikasi(siap, time_machine, 14, catatan=CATATAN_VERIFIKATOR)

    html = tinjau(client, siap)

    assert catatan_halaman(html) == (
        f"Diverifikasi oleh Sari Wulandari pada 20 Desember 2024 pukul 14.00: {CATATAN_VERIFIKATOR}"
    )
    assert linimasa(html)[0].endswith(
        f"Sari Wulandari mengubah Status pelaporan Diverifikasi: {CATATAN_VERIFIKATOR} Status Diajukan → Diverifikasi"
    )
    assert html.count(CATATAN) == 1


def test_a_reopened_quarter_shows_the_reason_with_the_reopening_only(client, siap, time_machine):
    ajukan(siap, time_machine, 10)
    verifikasi(siap, time_machine, 11, catatan=CATATAN_VERIFIKATOR)
    buka_kembali(siap, time_machine, 12)

    html = tinjau(client, siap)

    assert catatan_halaman(html) == f"Dibuka kembali oleh Andi pada 20 Desember 2024 pukul 12.00: {ALASAN}"
    dibuka, diverifikasi, *_ = linimasa(html)
    assert dibuka == (
        f"20 Desember 2024 pukul 12.00 · Andi mengubah Status pelaporan Dibuka kembali: {ALASAN} "
        "Status Diverifikasi → Draf"
    )
    assert f"Diverifikasi: {CATATAN_VERIFIKATOR}" in diverifikasi
    assert html.count(CATATAN_VERIFIKATOR) == 1


def test_a_returned_quarter_without_history_shows_its_note_without_who(client, siap):
    PelaporanFactory.build(opd=siap.opd, tahun=2024, triwulan=4, status="dikembalikan", catatan=CATATAN).save_base(
        raw=True
    )  # as the synthetic region makes them (bulk_create): no history row

    assert catatan_halaman(tinjau(client, siap)) == f"Dikembalikan: {CATATAN}"


# --- the entry page -----------------------------------------------------------------------


def test_the_entry_page_shows_a_return_note_only_while_the_quarter_is_returned(client, siap, time_machine):
    ajukan(siap, time_machine, 10)
    kembalikan(siap, time_machine, 11)
    html = isian(client, siap)
    assert f"Dikembalikan oleh verifikator:</strong> {CATATAN}" in html

    ajukan(siap, time_machine, 13)
    assert catatan_halaman(isian(client, siap)) == ""
    verifikasi(siap, time_machine, 14, catatan=CATATAN_VERIFIKATOR)
    assert catatan_halaman(isian(client, siap)) == ""


def test_the_entry_page_shows_a_reopening_reason_only_while_the_quarter_is_a_draft_again(client, siap, time_machine):
    assert catatan_halaman(isian(client, siap)) == ""  # a draft never submitted
    ajukan(siap, time_machine, 10)
    verifikasi(siap, time_machine, 11, catatan=CATATAN_VERIFIKATOR)
    buka_kembali(siap, time_machine, 12)

    html = isian(client, siap)
    assert catatan_halaman(html) == f"Dibuka kembali oleh admin: {ALASAN}"
    assert CATATAN_VERIFIKATOR not in html

    ajukan(siap, time_machine, 13)
    assert catatan_halaman(isian(client, siap)) == ""


def test_the_migration_puts_notes_stored_before_the_rule_with_their_step():
    """Rows written by the earlier code: a resubmitted quarter still holding its return note, a
    reopened draft holding its reason behind the old label."""
    import importlib

    from django.apps import apps

    from kinerja.models import Pelaporan
    from kinerja.tests.factories import PelaporanFactory

    migrasi = importlib.import_module("kinerja.migrations.0015_catatan_milik_langkah")
    diajukan = PelaporanFactory(status="diajukan", catatan="Lampirkan daftar hadir.", triwulan=1)
    dibuka = PelaporanFactory(status="draft", catatan="Dibuka kembali oleh admin: Salah ketik.", triwulan=2)
    diverifikasi = PelaporanFactory(status="diverifikasi", catatan="Sudah sesuai.", triwulan=3)

    migrasi.bersihkan(apps, None)

    assert [Pelaporan.objects.get(pk=p.pk).catatan for p in (diajukan, dibuka, diverifikasi)] == [
        "",
        "Salah ketik.",
        "Sudah sesuai.",
    ]
