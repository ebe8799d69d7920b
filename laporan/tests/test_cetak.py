"""A report's PDF is printed by the worker, never in the web request: a cold PDF gets a page that
follows its print, a printed one comes at once, the same document is printed once whoever asks,
and a print that failed or was cut off says so."""

import random

import pytest
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from kinerja.models import NarasiLaporan
from kinerja.pekerja import pulihkan_tugas_terputus
from kinerja.tests.factories import operator, verifikator
from laporan.models import Cetakan
from renstra.tests.factories import PerangkatDaerahFactory, RenstraFactory

from .conftest import perlu_pdf, teks_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def dinas():
    opd = PerangkatDaerahFactory(kode="DINSOS-A", nama="Dinas Sosial Kabupaten A")
    RenstraFactory(opd=opd, tahun_awal=2024, tahun_akhir=2026)
    return opd


def url_pdf(opd, laporan="evaluasi-renja"):
    return reverse("laporan:laporan_pdf", args=[opd.kode, 2024, laporan])


@perlu_pdf
def test_a_cold_pdf_is_printed_by_the_worker_while_its_page_follows_it(client, antrean, dinas):
    client.force_login(operator(dinas))

    respons = client.get(url_pdf(dinas))

    cetakan = Cetakan.objects.get()
    assert respons.status_code == 302 and respons["Location"] == reverse("laporan:cetak", args=[cetakan.pk])
    assert (cetakan.status, cetakan.opd) == ("antre", dinas)
    assert DBTaskResult.objects.get().queue_name == "cetak"
    halaman = client.get(respons["Location"]).content.decode()
    assert "Menunggu giliran dicetak" in halaman and 'hx-trigger="every 2s"' in halaman
    assert '<meta http-equiv="refresh" content="3">' in halaman  # without JavaScript

    antrean()

    status = client.get(respons["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "PDF siap." in status and "data-unduh-otomatis" in status and "hx-trigger" not in status
    unduhan = client.get(reverse("laporan:cetak_unduh", args=[cetakan.pk]))
    assert unduhan["Content-Type"] == "application/pdf" and unduhan.content.startswith(b"%PDF")
    assert unduhan["Content-Disposition"] == 'attachment; filename="evaluasi-renja-dinsos-a-2024-tw4.pdf"'
    lagi = client.get(url_pdf(dinas))  # the report's own link: printed already, comes at once
    assert lagi.status_code == 200 and lagi.content == unduhan.content
    assert DBTaskResult.objects.count() == 1


def test_the_same_report_asked_twice_is_printed_once(client, antrean, dinas):
    client.force_login(operator(dinas))
    pertama = client.get(url_pdf(dinas))
    client.force_login(verifikator())
    kedua = client.get(url_pdf(dinas))  # a colleague, before the worker got to it

    assert pertama["Location"] == kedua["Location"]
    assert Cetakan.objects.count() == DBTaskResult.objects.count() == 1


def test_another_agencys_print_is_not_found(client, antrean, dinas):
    client.force_login(operator(dinas))
    cetakan_url = client.get(url_pdf(dinas))["Location"]
    pk = Cetakan.objects.get().pk
    client.force_login(operator(PerangkatDaerahFactory()))

    assert client.get(cetakan_url).status_code == 404
    assert client.get(reverse("laporan:cetak_unduh", args=[pk])).status_code == 404


def test_a_print_whose_worker_died_too_often_fails_saying_why_and_is_tried_again_when_asked(
    client, antrean, dinas, settings
):
    settings.KINERJA_TUGAS_COBA = 1
    client.force_login(operator(dinas))
    halaman = client.get(url_pdf(dinas))["Location"]
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, worker_ids=["mati"])

    pulihkan_tugas_terputus()

    cetakan = Cetakan.objects.get()
    assert cetakan.status == "gagal"
    assert "terhenti 1 kali karena pekerjanya berhenti di tengah jalan" in client.get(halaman).content.decode()
    client.get(url_pdf(dinas))  # asked again: printed again
    assert Cetakan.objects.get().status == "antre"
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_a_print_over_the_time_limit_is_stopped_with_a_message(client, antrean, dinas, settings, monkeypatch):
    from laporan import cetak

    def tak_berujung(html):
        raise cetak.WaktuHabis

    monkeypatch.setattr(cetak, "cetak_html", tak_berujung)
    settings.KINERJA_CETAK_BATAS_DETIK = 300
    client.force_login(operator(dinas))
    halaman = client.get(url_pdf(dinas))["Location"]

    antrean()

    assert "Pencetakan dihentikan setelah 300 detik" in client.get(halaman).content.decode()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL  # handled: not a crash


@perlu_pdf
def test_a_narrative_of_50000_letters_without_a_blank_prints_whole(client, dinas, tmp_path):
    """One operator's 50.000-character "word" held the printer for 94 s (WeasyPrint looked for a
    line break letter by letter, on every line); it gets break opportunities and prints."""
    acak = random.Random(7)
    kata = "".join(acak.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(50_000))
    NarasiLaporan.objects.create(opd=dinas, tahun=2024, bagian="kata_pengantar", teks=kata)
    client.force_login(operator(dinas))

    respons = client.get(url_pdf(dinas, "lkjip"))

    assert respons.status_code == 200  # jobs run as enqueued in the tests: printed in time
    teks, halaman = teks_pdf(respons.content, tmp_path, tata_letak=False)
    polos = "".join(teks.split()).replace("\u200b", "")
    assert kata[:1000] in polos and kata[-1000:] in polos
    assert halaman > 10


def test_a_stored_print_missing_its_file_is_printed_again(client, dinas, settings):
    client.force_login(operator(dinas))
    client.get(url_pdf(dinas))
    cetakan = Cetakan.objects.get()
    cetakan.berkas.storage.delete(cetakan.berkas.name)

    respons = client.get(url_pdf(dinas))

    assert respons.status_code == 200 and respons.content.startswith(b"%PDF")


def test_a_region_pdf_is_printed_by_the_worker_too(client, antrean, dinas):
    client.force_login(verifikator())

    respons = client.get(reverse("laporan:dasbor_wilayah_unduh", args=["pdf"]) + "?tahun=2024&triwulan=4")

    cetakan = Cetakan.objects.get()
    assert respons.status_code == 302 and cetakan.opd is None
    assert client.get(respons["Location"]).status_code == 200
    client.force_login(operator(dinas))
    assert client.get(respons["Location"]).status_code == 404  # the region's print: reviewers only


def test_unused_task_rows_do_not_confuse_the_print_page(client, antrean, dinas):
    DBTaskResult.objects.create(
        args_kwargs={"args": ["00000000-0000-0000-0000-000000000000"], "kwargs": {}},
        task_path="laporan.cetak.cetak_pdf",
        queue_name="cetak",
        backend_name="default",
        run_after=get_date_max(),
    )

    antrean()  # a print removed meanwhile: the job finds nothing and ends

    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
